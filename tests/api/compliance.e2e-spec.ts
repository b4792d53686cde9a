import { readFileSync } from 'fs';
import { Agency, Region } from '../../entities';
import type { ReportScope } from '../../entities/report.entity';
import { ForbiddenError } from '../../src/common/errors';
import { readReport } from '../../src/ingest/report-reader';
import type { ParsedReport } from '../../src/shared/parsed-report';
import { ComplianceService, deadlineFor } from '../../src/services/compliance.service';
import { SEED_REPORT } from '../../seeds/seed';
import { describeEachEngine } from '../support/test-app';

const ROWS = `query($region: String!, $year: Int!, $status: ComplianceStatus, $first: Int, $after: String) {
  compliance(regionCode: $region, year: $year) {
    region { code } coveredRegion { code } year asOf deadlines { own consolidated }
    totals { expected onTime late missing dateUnknown pending }
    byRegion { region { code name } direct expected onTime late missing dateUnknown pending }
    rows(status: $status, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor }
      nodes { agency { id name region { code ancestors { code } } } status scope deadline publishedOn daysLate reportId report { id current revision publishedOn } }
    }
  }
}`;

const COUNTS = ['expected', 'onTime', 'late', 'missing', 'dateUnknown', 'pending'] as const;
const FIELD = { ON_TIME: 'onTime', LATE: 'late', MISSING: 'missing', DATE_UNKNOWN: 'dateUnknown', PENDING: 'pending' } as const;

// Counts the SQL of executing each query, so whole-answer caching is off here (cache.e2e-spec.ts covers it).
describeEachEngine(
  'filing compliance',
  (app) => {
    const WENSHANG = '/370000/370800/370830/';
    let parsed: ParsedReport;
    let hash = 0;

    const agency = async (name: string, kind: Agency['kind'], regionCode: string, extra: Partial<Agency> = {}) => {
      const region = await app().db.getRepository(Region).findOneByOrFail({ code: regionCode });
      return app()
        .connection.repos()
        .agencies.insert({ name, kind, regionCode, regionPath: region.path, parentId: null, exempt: false, active: true, ...extra });
    };

    /** Stores one revision through the import service, as the importer would. */
    const file = (a: Agency, publishedOn: string | null, opts: { year?: number; scope?: ReportScope } = {}) =>
      app().connection.withTransaction(
        app().ctx(),
        async (tx) =>
          (
            await app().services.imports.store(tx, a, parsed, {
              year: opts.year ?? 2020,
              scope: opts.scope ?? 'OWN',
              publishedOn,
              sourceFormat: 'text',
              sourceName: `compliance-${a.id}-${hash}.txt`,
              sourceHash: `compliance-${++hash}`,
              sourceText: 'x',
            })
          ).report,
      );

    const query = async (region: string, extra: Record<string, unknown> = {}) => {
      const res = await app().gql(ROWS, { region, year: 2020, first: 500, ...extra });
      expect(res.errors).toBeUndefined();
      return res.data.compliance;
    };
    const byName = (rows: any[]) => new Map<string, any>(rows.map((r) => [r.agency.name, r]));

    let correctedId: number;

    beforeAll(async () => {
      parsed = (await readReport(readFileSync(SEED_REPORT), { file: 'seed.txt' })).parsed;
      // 济宁市 itself (the seed's city centre, with no report, is already there).
      await file(await agency('济宁市甲局', 'DEPARTMENT', '370800'), '2021-01-31');
      // 汶上县
      await file(await agency('汶上县甲局', 'DEPARTMENT', '370830'), '2021-01-31');
      await file(await agency('汶上县乙局', 'DEPARTMENT', '370830'), '2021-02-03');
      await file(await agency('汶上县人民政府', 'GOVERNMENT', '370830'), '2021-03-31', { scope: 'CONSOLIDATED' });
      await agency('汶上县丙局', 'DEPARTMENT', '370830');
      await file(await agency('汶上县丁局', 'DEPARTMENT', '370830', { exempt: true }), '2021-06-01');
      await file(await agency('汶上县戊局', 'DEPARTMENT', '370830', { active: false }), '2021-06-01');
      await file(await agency('汶上县己局', 'DEPARTMENT', '370830'), null);
      const corrected = await agency('汶上县庚局', 'DEPARTMENT', '370830');
      await file(corrected, '2021-01-20');
      correctedId = (await file(corrected, '2021-05-01')).id;
      await file(await agency('汶上县辛局', 'DEPARTMENT', '370830'), '2020-01-20', { year: 2019 });
      const town = await app()
        .db.getRepository(Region)
        .findOneOrFail({ where: { parentCode: '370830' }, order: { code: 'ASC' } });
      await file(await agency(`${town.name}人民政府`, 'TOWNSHIP', town.code), '2021-01-30');
      // 任城区
      await file(await agency('任城区人民政府', 'GOVERNMENT', '370811'), '2021-04-01', { scope: 'CONSOLIDATED' });
      await file(await agency('任城区甲局', 'DEPARTMENT', '370811'), '2021-01-15');
      // 嘉祥县: a government that has filed nothing.
      await agency('嘉祥县人民政府', 'GOVERNMENT', '370829');
    });

    it('gives each expected agency its status, deadline and days late', async () => {
      const c = await query('370800');
      expect(c).toMatchObject({
        region: { code: '370800' },
        coveredRegion: { code: '370800' },
        year: 2020,
        deadlines: { own: '2021-01-31', consolidated: '2021-03-31' },
      });
      const rows = byName(c.rows.nodes);
      const row = (name: string) => {
        const r = rows.get(name);
        expect(r).toBeDefined();
        return { status: r.status, scope: r.scope, deadline: r.deadline, publishedOn: r.publishedOn, daysLate: r.daysLate };
      };
      // On the deadline day itself is on time.
      expect(row('汶上县甲局')).toEqual({
        status: 'ON_TIME',
        scope: 'OWN',
        deadline: '2021-01-31',
        publishedOn: '2021-01-31',
        daysLate: 0,
      });
      expect(row('汶上县乙局')).toEqual({ status: 'LATE', scope: 'OWN', deadline: '2021-01-31', publishedOn: '2021-02-03', daysLate: 3 });
      // The consolidated 本级政府 report has until 31 March.
      expect(row('汶上县人民政府')).toEqual({
        status: 'ON_TIME',
        scope: 'CONSOLIDATED',
        deadline: '2021-03-31',
        publishedOn: '2021-03-31',
        daysLate: 0,
      });
      expect(row('任城区人民政府')).toEqual({
        status: 'LATE',
        scope: 'CONSOLIDATED',
        deadline: '2021-03-31',
        publishedOn: '2021-04-01',
        daysLate: 1,
      });
      expect(row('汶上县丙局')).toEqual({ status: 'MISSING', scope: 'OWN', deadline: '2021-01-31', publishedOn: null, daysLate: null });
      // A report of another year does not count for this one.
      expect(row('汶上县辛局')).toMatchObject({ status: 'MISSING' });
      expect(row('济宁市公共资源交易服务中心汶上分中心')).toMatchObject({ status: 'MISSING' });
      expect(row('嘉祥县人民政府')).toEqual({
        status: 'MISSING',
        scope: 'CONSOLIDATED',
        deadline: '2021-03-31',
        publishedOn: null,
        daysLate: null,
      });
      expect(row('汶上县己局')).toEqual({
        status: 'DATE_UNKNOWN',
        scope: 'OWN',
        deadline: '2021-01-31',
        publishedOn: null,
        daysLate: null,
      });
      expect(rows.get('汶上县己局').reportId).not.toBeNull();
      // A correction republished in May keeps the on-time date of the first publication; the row links the current revision.
      expect(row('汶上县庚局')).toEqual({
        status: 'ON_TIME',
        scope: 'OWN',
        deadline: '2021-01-31',
        publishedOn: '2021-01-20',
        daysLate: 0,
      });
      expect(rows.get('汶上县庚局')).toMatchObject({
        reportId: String(correctedId),
        report: { id: String(correctedId), current: true, revision: 2, publishedOn: '2021-05-01' },
      });
      expect(rows.get('汶上县丙局').report).toBeNull();
    });

    it('leaves out exempt and inactive agencies, even when they filed', async () => {
      const names = [...byName((await query('370800')).rows.nodes).keys()];
      expect(names).not.toContain('汶上县丁局');
      expect(names).not.toContain('汶上县戊局');
      expect(names).toHaveLength(14);
    });

    it('counts per child region exactly what the rows say, and the counts sum to the totals', async () => {
      const c = await query('370800');
      expect(c.totals).toEqual({ expected: 14, onTime: 6, late: 2, missing: 5, dateUnknown: 1, pending: 0 });
      // Tally the rows by the child of 济宁市 that holds each agency (a township agency under its county).
      const fromRows = new Map<string, Record<string, number>>();
      for (const r of c.rows.nodes) {
        const codes = [...r.agency.region.ancestors.map((a: { code: string }) => a.code), r.agency.region.code];
        const child = codes[codes.indexOf('370800') + 1] ?? '370800';
        const t = fromRows.get(child) ?? Object.fromEntries(COUNTS.map((k) => [k, 0]));
        t.expected++;
        t[FIELD[r.status as keyof typeof FIELD]]++;
        fromRows.set(child, t);
      }
      const nonZero = c.byRegion.filter((b: any) => b.expected > 0);
      expect(Object.fromEntries(nonZero.map((b: any) => [b.region.code, Object.fromEntries(COUNTS.map((k) => [k, b[k]]))]))).toEqual(
        Object.fromEntries(fromRows),
      );
      expect(nonZero.find((b: any) => b.region.code === '370830')).toMatchObject({
        direct: false,
        expected: 9,
        onTime: 4,
        late: 1,
        missing: 3,
        dateUnknown: 1,
      });
      expect(nonZero.find((b: any) => b.region.code === '370811')).toMatchObject({ expected: 2, onTime: 1, late: 1 });
      // The city's own agencies come first, then every county, zeros included.
      expect(c.byRegion[0]).toMatchObject({ region: { code: '370800' }, direct: true, expected: 2, onTime: 1, missing: 1 });
      const counties = (await app().db.getRepository(Region).countBy({ parentCode: '370800' })) as number;
      expect(c.byRegion).toHaveLength(counties + 1);
      for (const k of COUNTS) expect(c.byRegion.reduce((s: number, b: any) => s + b[k], 0)).toBe(c.totals[k]);
    });

    it('filters rows by status and pages through them with a cursor', async () => {
      const first = (await query('370800', { status: 'MISSING', first: 2 })).rows;
      expect(first.totalCount).toBe(5);
      expect(first.nodes).toHaveLength(2);
      expect(first.pageInfo.hasNextPage).toBe(true);
      const rest = (await query('370800', { status: 'MISSING', first: 10, after: first.pageInfo.endCursor })).rows;
      expect(rest.nodes).toHaveLength(3);
      expect(rest.pageInfo.hasNextPage).toBe(false);
      const ids = [...first.nodes, ...rest.nodes].map((n: any) => Number(n.agency.id));
      expect(ids).toEqual([...ids].sort((a, b) => a - b));
      expect(new Set(ids).size).toBe(5);
      expect([...first.nodes, ...rest.nodes].every((n: any) => n.status === 'MISSING')).toBe(true);
    });

    it('shows a county supervisor only their county, and refuses another county', async () => {
      const supervisor = app().ctx({ id: 'sup-wenshang', role: 'SUPERVISOR', regionPath: WENSHANG, agencyId: null });
      const c = await app().services.compliance.report(supervisor, '370800', 2020);
      expect(c.coveredRegion.code).toBe('370830');
      expect(c.totals).toEqual({ expected: 9, onTime: 4, late: 1, missing: 3, dateUnknown: 1, pending: 0 });
      expect(c.allRows.every((r) => r.agency.regionPath.startsWith(WENSHANG))).toBe(true);
      expect(c.byRegion.map((b) => b.region.code)).toEqual(['370830']);
      const page = app().services.compliance.rows(supervisor, c, 'LATE', 10, null);
      expect(page.nodes.map((r) => [r.agency.name, r.daysLate])).toEqual([['汶上县乙局', 3]]);
      await expect(app().services.compliance.report(supervisor, '370811', 2020)).rejects.toBeInstanceOf(ForbiddenError);
      // Asking for its own county gives the township breakdown, the county's own organs first.
      const own = await app().services.compliance.report(supervisor, '370830', 2020);
      expect(own.byRegion[0]).toMatchObject({ direct: true, expected: 8 });
      expect(own.byRegion.filter((b) => !b.direct && b.expected > 0)).toEqual([expect.objectContaining({ expected: 1, onTime: 1 })]);
    });

    it('reads a missing report as pending while its deadline is ahead', async () => {
      // 15 March 2021: departments are overdue, governments still have until 31 March.
      const march = new ComplianceService(app().connection, () => '2021-03-15');
      const c = await march.report(app().ctx(), '370800', 2020);
      const status = new Map(c.allRows.map((r) => [r.agency.name, r.status]));
      expect(status.get('嘉祥县人民政府')).toBe('PENDING');
      expect(status.get('汶上县丙局')).toBe('MISSING');
      expect(c.totals).toMatchObject({ missing: 4, pending: 1 });
      // Reports for 2018 and earlier fell under the 2008 条例: 31 March for everyone.
      expect(deadlineFor(2018, 'OWN')).toBe('2019-03-31');
      expect(deadlineFor(2019, 'OWN')).toBe('2020-01-31');
    });

    it('rejects an unknown region and a year with no reporting duty', async () => {
      expect((await app().gql(ROWS, { region: '999999', year: 2020 })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
      expect((await app().gql(ROWS, { region: '370800', year: 2007 })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    });

    it('costs the same number of SQL statements for a county as for the whole city', async () => {
      const LEAN = `query($region: String!) { compliance(regionCode: $region, year: 2020) {
      totals { expected } byRegion { region { code } expected } rows(first: 500) { nodes { agency { id name } status reportId report { id publishedOn } } }
    } }`;
      const count = async (q: string, region: string) => {
        const before = app().sqlCount();
        const res = await app().gql(q, { region, year: 2020, first: 500 });
        expect(res.errors).toBeUndefined();
        return app().sqlCount() - before;
      };
      const county = await count(LEAN, '370811');
      const city = await count(LEAN, '370800');
      expect(city).toBe(county);
      // Region, its children, the agencies, their revisions.
      expect(city).toBeLessThanOrEqual(4);
      // Nested regions add batched loads, not one per row.
      expect(await count(ROWS, '370800')).toBeLessThanOrEqual(city + 2);
    });
  },
  { env: { RESPONSE_CACHE: 'off' } },
);
