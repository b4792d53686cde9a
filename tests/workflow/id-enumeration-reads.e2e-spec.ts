import { AUTH_ENV } from '../auth/test-accounts';
import { describeEachEngine } from '../support/test-app';
import { chunks, range, useEnumeration, VIEWERS, type ReportRow } from './id-enumeration-support';

/**
 * Issue 18, no side doors, reading: every report id 1…N+3 asked by each role (id-enumeration-support.ts),
 * and every list, held against the visibility computed from the rows: an unseen revision is null or
 * absent, exactly as an id never used.
 */
describeEachEngine(
  'ids as each role (issue 18): reads',
  (app) => {
    const { agencies, gql, reports, findings, inRegion, sees } = useEnumeration(app);

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
  },
  { env: AUTH_ENV },
);
