import { readFileSync } from 'fs';
import { SEED_REPORT } from '../../seeds/seed';
import { prepareReport } from '../../src/services/report-preparation';
import type { TestApp } from '../support/test-app';
import { signInAll } from './workflow-accounts';

/**
 * Issue 18, no side doors: every id reachable from the API (reports, findings, audit events) asked
 * 1…N+3 by each role through the endpoint, each answer held against visibility computed here from
 * the rows alone (state, agency, region): a revision the viewer may not see is NOT_FOUND (or null,
 * or absent from a list), exactly as an id never used, and a refused write stores nothing.
 *
 * Shared here: the viewers, the filings every role then asks about (built in each file's beforeAll),
 * the rows read back and visibility computed from them. id-enumeration-reads.e2e-spec.ts asks for
 * reports by id and in lists; id-enumeration-writes.e2e-spec.ts writes by id, then lists the audit
 * events, those writes' included.
 */
const CITY = '/370000/370800/';
const COUNTY = '/370000/370800/370830/'; // 汶上县
const OTHER = '/370000/370800/370811/'; // 任城区

type Role = 'ANONYMOUS' | 'ANALYST' | 'AGENCY' | 'SUPERVISOR' | 'ADMIN';
export interface Who {
  name: string;
  role: Role;
  path: string | null;
  agency?: string;
}
export const VIEWERS: Who[] = [
  { name: 'anonymous', role: 'ANONYMOUS', path: null },
  { name: 'analyst', role: 'ANALYST', path: CITY },
  { name: 'agencyA', role: 'AGENCY', path: COUNTY, agency: 'A1' },
  { name: 'agencyB', role: 'AGENCY', path: OTHER, agency: 'B1' },
  { name: 'county', role: 'SUPERVISOR', path: COUNTY },
  { name: 'other', role: 'SUPERVISOR', path: OTHER },
  { name: 'city', role: 'SUPERVISOR', path: CITY },
  { name: 'admin', role: 'ADMIN', path: null },
];

export interface ReportRow {
  id: number;
  state: string;
  agencyId: number;
  path: string;
  year: number;
  scope: string;
  revision: number;
  current: boolean;
}
interface EventRow {
  id: number;
  action: string;
  reportId: number | null;
  agencyId: number | null;
  path: string | null;
}

type Answer = { data?: any; errors?: Array<{ message: string; path?: string[]; extensions?: Record<string, any> }> };
export const codeAt = (res: Answer, alias: string) => res.errors?.find((e) => e.path?.[0] === alias)?.extensions?.code;
export const chunks = <T>(xs: T[], n: number) => Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n));
export const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

/** Registers the filings' beforeAll (inside a describeEachEngine block); returns the endpoint, the rows and visibility. */
export function useEnumeration(app: () => TestApp) {
  const h: Record<string, Record<string, string>> = { anonymous: {} };
  const agencies: Record<string, { id: number; path: string }> = {};
  const gql = (who: string, q: string, v?: Record<string, unknown>): Promise<Answer> => app().gql(q, v, h[who]);
  const db = () => app().db;
  /** Aliased mutations, one to a request: a refused non-null root field ends a serial mutation (graphql-js), so batching would hide the rest. */
  const askAll = async (who: string, fields: string[]): Promise<Answer> => {
    const out: Answer = { data: {}, errors: [] };
    for (const field of fields) {
      const res = await gql(who, `mutation { ${field} }`);
      Object.assign(out.data, res.data ?? {});
      out.errors!.push(...(res.errors ?? []));
    }
    return out;
  };

  /** The rows, read back here: the truth every answer is held against. */
  const reports = async (): Promise<ReportRow[]> =>
    (
      await db().query(
        'SELECT r.id, r.state, r.agency_id, a.region_path, r.year, r.scope, r.revision, r.current FROM report r JOIN agency a ON a.id = r.agency_id ORDER BY r.id',
      )
    ).map((r: any) => ({
      id: Number(r.id),
      state: r.state,
      agencyId: Number(r.agency_id),
      path: r.region_path,
      year: Number(r.year),
      scope: r.scope,
      revision: Number(r.revision),
      current: !!Number(r.current),
    }));
  const findings = async (): Promise<Array<{ id: number; reportId: number; comment: string | null }>> =>
    (await db().query('SELECT id, report_id, review_comment FROM finding ORDER BY id')).map((f: any) => ({
      id: Number(f.id),
      reportId: Number(f.report_id),
      comment: f.review_comment,
    }));
  const events = async (): Promise<EventRow[]> =>
    (await db().query('SELECT id, action, report_id, agency_id, region_path FROM audit_event ORDER BY id')).map((e: any) => ({
      id: Number(e.id),
      action: e.action,
      reportId: e.report_id === null ? null : Number(e.report_id),
      agencyId: e.agency_id === null ? null : Number(e.agency_id),
      path: e.region_path,
    }));

  // Brute-force visibility (README "Filing workflow", "What each role sees"), from the rows alone.
  const inRegion = (w: Who, path: string | null) => !w.path || (!!path && path.startsWith(w.path));
  const agencyOf = (w: Who) => (w.agency ? agencies[w.agency].id : null);
  function sees(w: Who, r: ReportRow): boolean {
    switch (w.role) {
      case 'ADMIN':
        return true;
      case 'ANONYMOUS':
        return r.state === 'PUBLISHED';
      case 'ANALYST':
        return r.state === 'PUBLISHED' && inRegion(w, r.path);
      case 'AGENCY':
        return inRegion(w, r.path) && (r.state === 'PUBLISHED' || r.agencyId === agencyOf(w));
      case 'SUPERVISOR':
        return inRegion(w, r.path) && r.state !== 'DRAFT';
    }
  }
  /**
   * A supervisor sees its region's events except the agency's drafting (SAVE_DRAFT) and events of
   * revisions it may not see; an agency its own agency's, in its region (an account's creation, recorded
   * under the administrator's empty region, is not among them).
   */
  function seesEvent(w: Who, e: EventRow, byId: Map<number, ReportRow>): boolean {
    if (w.role === 'ADMIN') return true;
    if (w.role === 'AGENCY') return e.agencyId === agencyOf(w) && inRegion(w, e.path);
    if (w.role !== 'SUPERVISOR') return false;
    return inRegion(w, e.path) && e.action !== 'SAVE_DRAFT' && (e.reportId === null || sees(w, byId.get(e.reportId)!));
  }

  beforeAll(async () => {
    const repos = app().connection.repos();
    await app().importSeed(); // a published report of 汶上, stored as the CLI does
    for (const [name, code] of [
      ['A1', '370830'],
      ['A2', '370830'],
      ['B1', '370811'],
      ['C1', '370800'],
    ] as const) {
      const [region] = await repos.regions.byCodes([code]);
      const a = await repos.agencies.insert({
        name: `枚举测试局${name}`,
        kind: 'DEPARTMENT',
        regionCode: code,
        regionPath: region.path,
        parentId: null,
      });
      agencies[name] = { id: a.id, path: region.path };
    }
    Object.assign(
      h,
      await signInAll(app(), {
        analyst: { name: 'enum-analyst', role: 'ANALYST', regionCode: '370800' },
        agencyA: { name: 'enum-agency-a', role: 'AGENCY', agencyId: agencies.A1.id },
        agencyB: { name: 'enum-agency-b', role: 'AGENCY', agencyId: agencies.B1.id },
        county: { name: 'enum-county', role: 'SUPERVISOR', regionCode: '370830' },
        other: { name: 'enum-other', role: 'SUPERVISOR', regionCode: '370811' },
        city: { name: 'enum-city', role: 'SUPERVISOR', regionCode: '370800' },
        admin: { name: 'enum-admin', role: 'ADMIN' },
      }),
    );

    // Every figure 0 but one total, so that every revision has a few findings; `bump` makes each filing a new revision.
    const base = Object.keys((await prepareReport(readFileSync(SEED_REPORT), 'seed.txt', 2020)).parsed.cells).map((key) => ({
      key,
      value: '0',
    }));
    let bump = 0;
    const file = async (who: string, agency: string, year: number, opts: { draft?: boolean; reason?: string } = {}) => {
      bump += 1;
      const cells = base.map((c) => (c.key === 'applications.new.total' ? { key: c.key, value: String(bump) } : c));
      const r = await gql(who, 'mutation($i: SubmitFiguresInput!) { submitFigures(input: $i) { report { id } } }', {
        i: {
          agencyId: String(agencies[agency].id),
          year,
          edition: '2019',
          cells,
          draft: opts.draft ?? false,
          reason: opts.reason ?? null,
        },
      });
      expect(r.errors).toBeUndefined();
      return r.data.submitFigures.report.id as string;
    };
    const step = async (who: string, what: string, id: string, extra = '') => {
      const r = await gql(who, `mutation { ${what}(id: "${id}"${extra}) { id } }`);
      expect(r.errors).toBeUndefined();
    };
    const publish = async (id: string) => {
      await step('city', 'acceptReport', id);
      await step('city', 'publishReport', id);
    };
    // A1 (its own account): published then corrected; a draft superseded by a draft; returned then corrected and accepted; submitted.
    await publish(await file('agencyA', 'A1', 2019));
    await file('agencyA', 'A1', 2019, { reason: '更正' });
    await file('agencyA', 'A1', 2020, { draft: true });
    await file('agencyA', 'A1', 2020, { draft: true });
    await step('county', 'returnReport', await file('agencyA', 'A1', 2021), ', comment: "请更正"');
    await step('county', 'acceptReport', await file('agencyA', 'A1', 2021, { reason: '按退回意见更正' }));
    await file('agencyA', 'A1', 2022);
    // A2 (filed by an administrator): a draft; published.
    await file('admin', 'A2', 2019, { draft: true });
    await publish(await file('admin', 'A2', 2020));
    // B1, the other county: a draft, submitted, published, returned; a draft submitted.
    await file('agencyB', 'B1', 2019, { draft: true });
    await file('agencyB', 'B1', 2020);
    await publish(await file('agencyB', 'B1', 2021));
    await step('other', 'returnReport', await file('agencyB', 'B1', 2022), ', comment: "请更正"');
    await step('agencyB', 'submitDraft', await file('agencyB', 'B1', 2023, { draft: true }));
    // C1, a city department: submitted, published, a draft.
    await file('admin', 'C1', 2019);
    await publish(await file('admin', 'C1', 2020));
    await file('admin', 'C1', 2021, { draft: true });
    // An administrator's review of a draft's finding: an event of a draft that is not SAVE_DRAFT.
    const [draftFinding] = await db().query(
      "SELECT f.id FROM finding f JOIN report r ON r.id = f.report_id WHERE r.state = 'DRAFT' ORDER BY f.id LIMIT 1",
    );
    expect(
      (await gql('admin', `mutation { reviewFinding(id: "${draftFinding.id}", decision: CONFIRMED, comment: "管理员复核") { id } }`))
        .errors,
    ).toBeUndefined();

    const states = new Set((await reports()).map((r) => r.state));
    expect([...states].sort()).toEqual(['ACCEPTED', 'DRAFT', 'PUBLISHED', 'RETURNED', 'SUBMITTED']);
    expect((await reports()).some((r) => !r.current && r.state === 'PUBLISHED')).toBe(true);
    expect((await reports()).some((r) => !r.current && r.state === 'DRAFT')).toBe(true);
  });

  return { agencies, gql, db, askAll, reports, findings, events, inRegion, agencyOf, sees, seesEvent };
}
