import { readdirSync, readFileSync, statSync } from 'fs';
import { join, relative } from 'path';
import type { Viewer } from '../../src/auth/viewer';
import { createLoaders, type Loaders } from '../../src/context/request-loaders';
import { createReportLoaders, type ReportLoaders } from '../../src/context/report-loaders';
import { SYSTEM } from '../../src/auth/viewer';
import { describeEachEngine } from '../support/test-app';
import { agencyIdOf } from './workflow-accounts';

/**
 * Issue 18/19: every DataLoader a resolver can reach is named for what it sees, and every one that
 * reads reports (or what hangs off them) applies the viewer's visibility in its statement: each is
 * asked, as a supervisor, about a draft of its region, and as the agency itself (so that no probe
 * passes by reaching nothing).
 */

/** Loaders that read no report row, or only published sums (region_rollup, published_current): why each needs no report visibility. */
const NOT_REPORT_LOADERS: Record<string, string> = {
  regionByCodeLoader: 'regions are public',
  regionChildrenByCodeLoader: 'regions are public',
  agencyByIdLoader: 'agencies are public; services confine them by region',
  branchesByAgencyIdLoader: 'agencies are public; services confine them by region',
  rollupByRegionYearLoader: 'sums of published revisions only (region_rollup)',
  rollupByKindLoader: 'sums of published revisions only (region_rollup)',
  rollupByAgencyYearLoader: 'sums of published_current revisions only',
  agencySubtreeLoader: "agency ids, confined to the viewer's region in its statement",
  agencyCountByPathLoader: 'counts of agencies',
};

interface Target {
  agencyId: number;
  published: number;
  draft: number;
  submitted: number;
}

/** Each report loader asked about the three revisions; the report ids it answers with. */
const PROBES: { [K in keyof ReportLoaders]: (l: Loaders, t: Target) => Promise<number[]> } = {
  visibleReportById: async (l, t) =>
    (await l.visibleReportById.loadMany([t.published, t.draft, t.submitted])).flatMap((r) => (r && !(r instanceof Error) ? [r.id] : [])),
  visibleLatestReportsByAgency: async (l, t) => (await l.visibleLatestReportsByAgency.load(t.agencyId)).map((r) => r.id),
  visibleLatestReportsByAgencyYear: async (l, t) =>
    (await Promise.all([2020, 2021, 2022].map((year) => l.visibleLatestReportsByAgencyYear.load({ agencyId: t.agencyId, year }))))
      .flat()
      .map((r) => r.id),
  visibleRevisionsBySeries: async (l, t) =>
    (await Promise.all([2020, 2021, 2022].map((year) => l.visibleRevisionsBySeries.load({ agencyId: t.agencyId, year, scope: 'OWN' }))))
      .flat()
      .map((r) => r.id),
  visibleCellsByReportId: async (l, t) =>
    (await l.visibleCellsByReportId.loadMany([t.published, t.draft, t.submitted])).flatMap((c) =>
      c instanceof Error ? [] : c.map((x) => x.reportId),
    ),
  visibleNarrativesByReportId: async (l, t) =>
    (await l.visibleNarrativesByReportId.loadMany([t.published, t.draft, t.submitted])).flatMap((c) =>
      c instanceof Error ? [] : c.map((x) => x.reportId),
    ),
  visibleFindingsByReportId: async (l, t) =>
    (await l.visibleFindingsByReportId.loadMany([t.published, t.draft, t.submitted])).flatMap((c) =>
      c instanceof Error ? [] : c.map((x) => x.reportId),
    ),
};

const SRC = join(__dirname, '../../src');
const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? sources(join(dir, f)) : f.endsWith('.ts') ? [join(dir, f)] : []));

describe('the loaders a resolver may use', () => {
  const repos = {} as Parameters<typeof createLoaders>[0];
  const keys = Object.keys(createLoaders(repos, SYSTEM));
  const reportKeys = Object.keys(createReportLoaders(repos, { visibility: { kind: 'all' }, regionPath: null }));

  it('are each a report loader named for what it sees, or one that reads no report row, said why', () => {
    expect(keys.filter((k) => !reportKeys.includes(k) && !(k in NOT_REPORT_LOADERS))).toEqual([]);
    expect(reportKeys.filter((k) => !k.startsWith('visible'))).toEqual([]);
    expect(reportKeys.filter((k) => !keys.includes(k))).toEqual([]);
    expect(Object.keys(PROBES).sort()).toEqual([...reportKeys].sort());
  });

  it('leave unscoped report reads to write paths that have found their revision already', () => {
    // The repository's unscoped readers of what hangs off a report, and who may call them.
    const allowed: Record<string, string[]> = {
      'reports.cellsOf(': ['rollup/rollup-write.hook.ts'],
      'reports.findingsOf(': ['services/workflow.service.ts'],
    };
    for (const [call, files] of Object.entries(allowed)) {
      const callers = sources(SRC)
        .filter((f) => readFileSync(f, 'utf8').includes(call))
        .map((f) => relative(SRC, f).split('\\').join('/'));
      expect({ call, callers: callers.filter((f) => !f.startsWith('data/')).sort() }).toEqual({ call, callers: files });
    }
  });
});

describeEachEngine('report loaders against a draft', (app) => {
  const t: Target = { agencyId: 0, published: 0, draft: 0, submitted: 0 };
  let viewers: Record<string, { viewer: Viewer; sees: number[] }> = {};

  beforeAll(async () => {
    await app().importSeed(); // published, 2020
    t.agencyId = await agencyIdOf(app());
    [{ id: t.published }] = (await app().db.query('SELECT id FROM report')).map((r: { id: unknown }) => ({ id: Number(r.id) }));
    const cells = [
      { key: 'applications.new.total', value: '3' },
      { key: 'applications.new.natural_person', value: '1' },
    ];
    const file = async (year: number, draft: boolean) =>
      (
        await app().services.workflow.submitFigures(app().ctx(), {
          agencyId: String(t.agencyId),
          year,
          edition: '2019',
          cells,
          draft,
          narratives: [{ section: 1, text: `${year}年总体情况` }],
        })
      ).report.id;
    t.draft = await file(2021, true);
    t.submitted = await file(2022, false);
    const county = (await app().db.query("SELECT path FROM region WHERE code = '370830'"))[0].path as string;
    const other = (await app().db.query("SELECT path FROM region WHERE code = '370811'"))[0].path as string;
    viewers = {
      anonymous: { viewer: { id: 'anonymous', role: 'ANONYMOUS', regionPath: null, agencyId: null }, sees: [t.published] },
      agency: {
        viewer: { id: 'agency', role: 'AGENCY', regionPath: county, agencyId: t.agencyId },
        sees: [t.published, t.draft, t.submitted],
      },
      county: { viewer: { id: 'county', role: 'SUPERVISOR', regionPath: county, agencyId: null }, sees: [t.published, t.submitted] },
      other: { viewer: { id: 'other', role: 'SUPERVISOR', regionPath: other, agencyId: null }, sees: [] },
      admin: { viewer: { id: 'admin', role: 'ADMIN', regionPath: null, agencyId: null }, sees: [t.published, t.draft, t.submitted] },
    };
  });

  it.each(Object.keys(PROBES) as Array<keyof ReportLoaders>)(
    '%s reaches only what each viewer may see, the draft for the agency only',
    async (name) => {
      for (const [who, { viewer, sees }] of Object.entries(viewers)) {
        const reached = [...new Set(await PROBES[name](app().ctx(viewer).loaders, t))];
        expect({ who, outside: reached.filter((id) => !sees.includes(id)) }).toEqual({ who, outside: [] });
        if (who === 'agency' || who === 'admin') expect({ who, draft: reached.includes(t.draft) }).toEqual({ who, draft: true });
        if (who === 'county') expect({ who, submitted: reached.includes(t.submitted) }).toEqual({ who, submitted: true });
      }
    },
  );
});
