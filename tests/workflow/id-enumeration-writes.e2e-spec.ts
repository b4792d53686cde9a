import { AUTH_ENV } from '../auth/test-accounts';
import { describeEachEngine } from '../support/test-app';
import { codeAt, range, useEnumeration, VIEWERS } from './id-enumeration-support';

/**
 * Issue 18, no side doors, writing: every finding and report id 1…N+3 reviewed or moved by each role
 * (id-enumeration-support.ts), refused as NOT_FOUND or FORBIDDEN as the rows say and storing nothing
 * where refused; then the audit events, those writes' included, listed exactly as each role may see them.
 */
describeEachEngine(
  'ids as each role (issue 18): writes and audit',
  (app) => {
    const { gql, db, askAll, reports, findings, events, agencyOf, sees, seesEvent } = useEnumeration(app);

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
