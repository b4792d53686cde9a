import { readFileSync } from 'fs';
import { SEED_REPORT } from '../../seeds/seed';
import { AUTH_ENV } from '../auth/test-accounts';
import { describeEachEngine } from '../support/test-app';
import { agencyIdOf, signInAll } from './workflow-accounts';

/**
 * Issue 11, the audit log: every step (and login, failed or not) recorded with who, what, before and
 * after, in the change's own transaction; read by administrators, by supervisors for their region,
 * by an agency for itself, by nobody else.
 */
const EVENTS = `query($f: AuditFilter) { auditEvents(filter: $f, first: 100) { totalCount nodes { actor role action reportId findingId agencyId before after detail } } }`;

describeEachEngine(
  'audit log',
  (app) => {
    const h: Record<string, Record<string, string>> = {};
    let agencyId = 0;
    const gql = (who: string, q: string, v?: Record<string, unknown>) => app().gql(q, v, who === 'anonymous' ? {} : h[who]);

    beforeAll(async () => {
      agencyId = await agencyIdOf(app());
      Object.assign(
        h,
        await signInAll(app(), {
          agency: { name: 'au-agency', role: 'AGENCY', agencyId },
          supervisor: { name: 'au-supervisor', role: 'SUPERVISOR', regionCode: '370830' },
          other: { name: 'au-other', role: 'SUPERVISOR', regionCode: '370811' },
          analyst: { name: 'au-analyst', role: 'ANALYST' },
          admin: { name: 'au-admin', role: 'ADMIN' },
        }),
      );
    });

    it('records every step with who, before and after, and shows each reader only its part', async () => {
      const input = {
        agencyId: String(agencyId),
        year: 2020,
        fileName: 'audit-2020.txt',
        contentBase64: readFileSync(SEED_REPORT).toString('base64'),
      };
      const sub = await gql('agency', `mutation($i: SubmitReportInput!) { submitReport(input: $i) { report { id } findings { id } } }`, {
        i: input,
      });
      expect(sub.errors).toBeUndefined();
      const id = sub.data.submitReport.report.id;
      const finding = sub.data.submitReport.findings[0]?.id;
      expect(finding).toBeDefined();
      await gql(
        'supervisor',
        `mutation($id: ID!, $f: ID!) { reviewFinding(id: $f, decision: CONFIRMED) { review } returnReport(id: $id, comment: "请更正", findingIds: [$f]) { state } }`,
        { id, f: finding },
      );
      const corrected = await gql('agency', `mutation($i: SubmitReportInput!) { submitReport(input: $i) { report { id } } }`, {
        i: { ...input, contentBase64: Buffer.concat([readFileSync(SEED_REPORT), Buffer.from('\n')]).toString('base64'), reason: '补正' },
      });
      const id2 = corrected.data.submitReport.report.id;
      await gql('supervisor', `mutation($id: ID!) { acceptReport(id: $id) { state } }`, { id: id2 });
      await gql('supervisor', `mutation($id: ID!) { publishReport(id: $id) { state } }`, { id: id2 });
      await app().gql(`mutation { login(name: "au-agency", password: "not the password") { token } }`);

      const all = await gql('admin', EVENTS, { f: { agencyId: String(agencyId) } });
      expect(all.errors).toBeUndefined();
      const steps = all.data.auditEvents.nodes.filter((e: { action: string }) => e.action !== 'LOGIN');
      expect(steps.map((e: any) => [e.actor, e.action, e.reportId])).toEqual([
        ['system', 'CREATE_USER', null],
        ['au-agency', 'SUBMIT', id],
        ['au-supervisor', 'REVIEW_FINDING', id],
        ['au-supervisor', 'RETURN', id],
        ['au-agency', 'SUBMIT', id2],
        ['au-supervisor', 'ACCEPT', id2],
        ['au-supervisor', 'PUBLISH', id2],
      ]);
      const [, submit, review, ret, correction, , publish] = steps;
      expect(JSON.parse(submit.after)).toEqual({ revision: 1, state: 'SUBMITTED' });
      expect(review.findingId).toBe(finding);
      expect([JSON.parse(review.before).review, JSON.parse(review.after).review]).toEqual(['OPEN', 'CONFIRMED']);
      expect(JSON.parse(ret.before)).toEqual({ revision: 1, state: 'SUBMITTED' });
      expect(JSON.parse(ret.after)).toEqual({ revision: 1, state: 'RETURNED', findings: [Number(finding)] });
      expect(ret.detail).toBe('请更正');
      expect([JSON.parse(correction.before), correction.detail]).toEqual([{ revision: 1, state: 'RETURNED' }, '补正']);
      expect(JSON.parse(publish.after)).toEqual({ revision: 2, state: 'PUBLISHED' });

      const failed = await gql('admin', EVENTS, { f: { action: 'LOGIN_FAILED' } });
      expect(failed.data.auditEvents.nodes.map((e: any) => [e.actor, e.role, e.detail])).toEqual([
        ['au-agency', 'ANONYMOUS', 'wrong password'],
      ]);
      expect(JSON.stringify(failed.data)).not.toContain('not the password');

      // The supervisor reads its region's events, the other region's none; the agency its own.
      const mine = await gql('supervisor', EVENTS, { f: { reportId: id2 } });
      expect(mine.data.auditEvents.totalCount).toBe(3);
      expect((await gql('other', EVENTS, { f: { agencyId: String(agencyId) } })).data.auditEvents.totalCount).toBe(0);
      expect((await gql('other', EVENTS, { f: { regionCode: '370830' } })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect((await gql('agency', EVENTS, { f: { reportId: id } })).data.auditEvents.totalCount).toBe(3);
      expect((await gql('agency', EVENTS, { f: { agencyId: String(agencyId + 1) } })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      for (const who of ['analyst', 'anonymous']) expect((await gql(who, EVENTS, {})).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });

    it("writes the audit row in the step's transaction: a refused step leaves neither", async () => {
      const count = async () => Number((await app().db.query('SELECT COUNT(*) AS n FROM audit_event'))[0].n);
      const before = await count();
      const [{ id }] = await app().db.query("SELECT id FROM report WHERE state = 'PUBLISHED' ORDER BY id DESC LIMIT 1");
      const r = await gql('supervisor', `mutation($id: ID!) { acceptReport(id: $id) { state } }`, { id: String(id) });
      expect(r.errors?.[0]?.extensions?.code).toBe('CONFLICT');
      expect(await count()).toBe(before);
    });
  },
  { env: AUTH_ENV },
);
