import { readFileSync } from 'fs';
import { SEED_REPORT } from '../../seeds/seed';
import { prepareReport } from '../../src/services/report-preparation';
import { AUTH_ENV } from '../auth/test-accounts';
import { describeEachEngine } from '../support/test-app';
import { signInAll } from './workflow-accounts';

/**
 * Issue 18, no side doors: every id reachable from the API (reports, findings, audit events) asked
 * 1…N+3 by each role through the endpoint, each answer held against visibility computed here from
 * the rows alone (state, agency, region): a revision the viewer may not see is NOT_FOUND (or null,
 * or absent from a list), exactly as an id never used, and a refused write stores nothing.
 */
const CITY = '/370000/370800/';
const COUNTY = '/370000/370800/370830/'; // 汶上县
const OTHER = '/370000/370800/370811/'; // 任城区

type Role = 'ANONYMOUS' | 'ANALYST' | 'AGENCY' | 'SUPERVISOR' | 'ADMIN';
interface Who {
  name: string;
  role: Role;
  path: string | null;
  agency?: string;
}
const VIEWERS: Who[] = [
  { name: 'anonymous', role: 'ANONYMOUS', path: null },
  { name: 'analyst', role: 'ANALYST', path: CITY },
  { name: 'agencyA', role: 'AGENCY', path: COUNTY, agency: 'A1' },
  { name: 'agencyB', role: 'AGENCY', path: OTHER, agency: 'B1' },
  { name: 'county', role: 'SUPERVISOR', path: COUNTY },
  { name: 'other', role: 'SUPERVISOR', path: OTHER },
  { name: 'city', role: 'SUPERVISOR', path: CITY },
  { name: 'admin', role: 'ADMIN', path: null },
];

interface ReportRow {
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
const codeAt = (res: Answer, alias: string) => res.errors?.find((e) => e.path?.[0] === alias)?.extensions?.code;
const chunks = <T>(xs: T[], n: number) => Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n));
const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describeEachEngine(
  'ids as each role (issue 18)',
  (app) => {
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

    it('answers report(id) for 1…N+3 as each role exactly when the viewer may see the revision, its revisions and findings with it', async () => {
      const rows = await reports();
      const all = await findings();
      const ids = range(rows.length + 3);
      for (const w of VIEWERS)
        for (const batch of chunks(ids, 10)) {
          const q = batch
            .map(
              (id) =>
                `r${id}: report(id: "${id}") { id state sourceText revisions { id } findings { id report { id } } cells(prefix: "applications.new") { key } }`,
            )
            .join(' ');
          const res = await gql(w.name, `{ ${q} }`);
          expect({ who: w.name, errors: res.errors }).toEqual({ who: w.name, errors: undefined });
          for (const id of batch) {
            const row = rows.find((r) => r.id === id);
            const got = res.data[`r${id}`];
            if (!row || !sees(w, row)) {
              expect({ who: w.name, id, got }).toEqual({ who: w.name, id, got: null });
              continue;
            }
            const series = rows
              .filter((r) => r.agencyId === row.agencyId && r.year === row.year && r.scope === row.scope && sees(w, r))
              .map((r) => String(r.id));
            const own = all.filter((f) => f.reportId === id).map((f) => ({ id: String(f.id), report: { id: String(id) } }));
            expect({
              who: w.name,
              id,
              state: got.state,
              revisions: got.revisions.map((r: { id: string }) => r.id),
              findings: got.findings,
              hasText: got.sourceText.length > 0,
              hasCells: got.cells.length > 0,
            }).toEqual({
              who: w.name,
              id,
              state: row.state,
              revisions: series,
              findings: own,
              hasText: true,
              hasCells: true,
            });
          }
        }
    });

    it("lists, and counts, only the revisions and agencies' reports each role may see", async () => {
      const rows = await reports();
      for (const w of VIEWERS) {
        const res = await gql(w.name, '{ reports(filter: { currentOnly: false }, first: 500) { totalCount nodes { id } } }');
        const want = rows.filter((r) => sees(w, r)).map((r) => String(r.id));
        expect({ who: w.name, total: res.data.reports.totalCount, ids: res.data.reports.nodes.map((n: { id: string }) => n.id) }).toEqual({
          who: w.name,
          total: want.length,
          ids: want,
        });
        for (const a of Object.values(agencies)) {
          const got = (await gql(w.name, `{ agency(id: "${a.id}") { reports { id } } }`)).data.agency;
          if (!inRegion(w, a.path)) {
            expect({ who: w.name, agency: a.id, got }).toEqual({ who: w.name, agency: a.id, got: null });
            continue;
          }
          // "The report" of a series: the latest revision the viewer may see.
          const latest = new Map<string, ReportRow>();
          for (const r of rows.filter((x) => x.agencyId === a.id && sees(w, x))) {
            const k = `${r.year}|${r.scope}`;
            if (!latest.has(k) || latest.get(k)!.revision < r.revision) latest.set(k, r);
          }
          const want2 = [...latest.values()].sort((x, y) => y.year - x.year || x.id - y.id).map((r) => ({ id: String(r.id) }));
          expect({ who: w.name, agency: a.id, reports: got.reports }).toEqual({ who: w.name, agency: a.id, reports: want2 });
        }
      }
    });

    it('reviews a finding by id only where the viewer may; any other id is NOT_FOUND or FORBIDDEN as the rows say, and stores nothing', async () => {
      const rows = new Map((await reports()).map((r) => [r.id, r]));
      const before = await findings();
      const ids = range(before.length + 3);
      for (const w of VIEWERS) {
        const mark = `复核-${w.name}`;
        const [{ n: eventsBefore }] = await db().query("SELECT COUNT(*) AS n FROM audit_event WHERE action = 'REVIEW_FINDING'");
        let allowed = 0;
        const res = await askAll(
          w.name,
          ids.map((id) => `f${id}: reviewFinding(id: "${id}", decision: CONFIRMED, comment: "${mark}") { id report { id } cells { key } }`),
        );
        for (const id of ids) {
          const f = before.find((x) => x.id === id);
          const report = f && rows.get(f.reportId)!;
          const want =
            w.role !== 'SUPERVISOR' && w.role !== 'ADMIN'
              ? 'FORBIDDEN'
              : !report
                ? 'NOT_FOUND'
                : !sees(w, report)
                  ? report.state === 'PUBLISHED'
                    ? 'FORBIDDEN'
                    : 'NOT_FOUND'
                  : undefined;
          expect({ who: w.name, id, code: codeAt(res, `f${id}`) }).toEqual({ who: w.name, id, code: want });
          if (want) continue;
          allowed += 1;
          expect({ who: w.name, id, got: res.data[`f${id}`] }).toEqual({
            who: w.name,
            id,
            got: { id: String(id), report: { id: String(report!.id) }, cells: expect.any(Array) },
          });
        }
        // Stored exactly where allowed: the comment on those findings, one audit row each, nothing else.
        const after = await findings();
        for (const f of after) {
          const report = rows.get(f.reportId)!;
          const may = (w.role === 'SUPERVISOR' || w.role === 'ADMIN') && sees(w, report);
          if (!may)
            expect({ who: w.name, id: f.id, comment: f.comment }).toEqual({
              who: w.name,
              id: f.id,
              comment: before.find((x) => x.id === f.id)!.comment,
            });
          else expect({ who: w.name, id: f.id, comment: f.comment }).toEqual({ who: w.name, id: f.id, comment: mark });
        }
        before.splice(0, before.length, ...after);
        const [{ n: eventsAfter }] = await db().query("SELECT COUNT(*) AS n FROM audit_event WHERE action = 'REVIEW_FINDING'");
        expect({ who: w.name, written: Number(eventsAfter) - Number(eventsBefore) }).toEqual({ who: w.name, written: allowed });
      }
    });

    it('moves a report by id only where the viewer may see it: an unseen id is NOT_FOUND, and nothing moves', async () => {
      const rows = await reports();
      const ids = range(rows.length + 3);
      for (const w of VIEWERS) {
        // A return naming no finding of the report: refused whatever the state, so each answer only says what the viewer may know.
        const res = await askAll(
          w.name,
          ids.map((id) => `m${id}: returnReport(id: "${id}", comment: "枚举", findingIds: ["999999"]) { id }`),
        );
        for (const id of ids) {
          const r = rows.find((x) => x.id === id);
          const want =
            w.role !== 'SUPERVISOR' && w.role !== 'ADMIN'
              ? 'FORBIDDEN'
              : !r
                ? 'NOT_FOUND'
                : !sees(w, r)
                  ? r.state === 'PUBLISHED'
                    ? 'FORBIDDEN'
                    : 'NOT_FOUND'
                  : r.current && r.state === 'SUBMITTED'
                    ? 'BAD_USER_INPUT'
                    : 'CONFLICT';
          expect({ who: w.name, id, code: codeAt(res, `m${id}`) }).toEqual({ who: w.name, id, code: want });
        }
        // Submitting a draft, where that would not succeed (an own current draft would move).
        if (w.role === 'AGENCY' || w.role === 'ADMIN') {
          const asked = ids.filter((id) => {
            const r = rows.find((x) => x.id === id);
            return !(r && r.current && r.state === 'DRAFT' && (w.role === 'ADMIN' || r.agencyId === agencyOf(w)));
          });
          const res2 = await askAll(
            w.name,
            asked.map((id) => `d${id}: submitDraft(id: "${id}") { id }`),
          );
          for (const id of asked) {
            const r = rows.find((x) => x.id === id);
            const want = !r
              ? 'NOT_FOUND'
              : !sees(w, r)
                ? r.state === 'PUBLISHED'
                  ? 'FORBIDDEN'
                  : 'NOT_FOUND'
                : w.role === 'ADMIN' || r.agencyId === agencyOf(w)
                  ? 'CONFLICT'
                  : 'FORBIDDEN';
            expect({ who: w.name, id, code: codeAt(res2, `d${id}`) }).toEqual({ who: w.name, id, code: want });
          }
        }
      }
      expect(await reports()).toEqual(rows);
    });

    it('lists audit events, counts and per-report filters included, exactly as the rows say each role may see them', async () => {
      const byId = new Map((await reports()).map((r) => [r.id, r]));
      const rows = await events();
      expect(rows.some((e) => e.action === 'SAVE_DRAFT')).toBe(true);
      const EVENTS = 'query($f: AuditFilter) { auditEvents(filter: $f, first: 500) { totalCount nodes { id } pageInfo { hasNextPage } } }';
      for (const w of VIEWERS) {
        const res = await gql(w.name, EVENTS, {});
        if (w.role !== 'ADMIN' && w.role !== 'SUPERVISOR' && w.role !== 'AGENCY') {
          expect({ who: w.name, code: res.errors?.[0]?.extensions?.code }).toEqual({ who: w.name, code: 'FORBIDDEN' });
          continue;
        }
        const want = rows.filter((e) => seesEvent(w, e, byId)).map((e) => String(e.id));
        const got = res.data.auditEvents;
        expect({
          who: w.name,
          total: got.totalCount,
          ids: got.nodes.map((n: { id: string }) => n.id),
          more: got.pageInfo.hasNextPage,
        }).toEqual({ who: w.name, total: want.length, ids: want, more: false });
        if (w.role === 'SUPERVISOR')
          expect((await gql(w.name, EVENTS, { f: { action: 'SAVE_DRAFT' } })).data.auditEvents.totalCount).toBe(0);
        // By report id, for every id: the events of a report the viewer may not see are none, as for an id never used.
        for (const id of range(byId.size + 3)) {
          const one = (await gql(w.name, EVENTS, { f: { reportId: String(id) } })).data.auditEvents;
          const wantOne = rows.filter((e) => e.reportId === id && seesEvent(w, e, byId)).map((e) => String(e.id));
          expect({ who: w.name, report: id, total: one.totalCount, ids: one.nodes.map((n: { id: string }) => n.id) }).toEqual({
            who: w.name,
            report: id,
            total: wantOne.length,
            ids: wantOne,
          });
        }
      }
    });
  },
  { env: AUTH_ENV },
);
