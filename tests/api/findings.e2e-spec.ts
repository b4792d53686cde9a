import { ForbiddenError } from '../../src/common/errors';
import { describeEachEngine } from '../support/test-app';
import { AUTH_ENV, bearer, createAccount, logIn } from '../auth/test-accounts';

describeEachEngine(
  'findings',
  (app) => {
    const seedFindings = async () =>
      (
        await app().gql(
          `{ agencies(filter:{nameContains:"汶上分中心"}) { nodes { report(year: 2020) { findings { id rule severity status expected actual message cells { key value } } } } } }`,
        )
      ).data.agencies.nodes[0].report.findings as Array<Record<string, any>>;

    it('records the seed’s narrative inconsistency, 117 stated against 122 by channel, and no arithmetic failure', async () => {
      const findings = await seedFindings();
      const channel = findings.filter((f) => f.rule === 'NARRATIVE_CHANNEL_SUM');
      expect(channel).toHaveLength(1);
      expect(channel[0]).toMatchObject({ severity: 'WARNING', status: 'FAILED', expected: 117, actual: 122 });
      expect(findings.filter((f) => f.status === 'FAILED' && f.severity === 'ERROR')).toEqual([]);
      // Blank 总计 parts leave the applicant-total rule open, not failed.
      expect(findings.some((f) => f.rule === 'APPLICATIONS_APPLICANT_TOTAL' && f.status === 'FAILED')).toBe(false);
    });

    it('counts findings by rule and by child region', async () => {
      const res = await app().gql(
        `{ findings(filter: { regionCode: "370800", year: 2020, status: FAILED }) { totalCount byRule { key count } byRegion { key label count } } }`,
      );
      expect(res.errors).toBeUndefined();
      const f = res.data.findings;
      expect(f.byRule).toEqual([{ key: 'NARRATIVE_CHANNEL_SUM', count: 1 }]);
      expect(f.byRegion).toEqual([{ key: '370830', label: '汶上县', count: 1 }]);
      expect(f.totalCount).toBe(1);
    });

    it('lets a supervisor of the region, and nobody anonymous, dismiss a finding with a comment', async () => {
      const [finding] = (await seedFindings()).filter((f) => f.rule === 'NARRATIVE_CHANNEL_SUM');
      const anonymous = await app().gql(`mutation($id: ID!) { reviewFinding(id: $id, decision: DISMISSED, comment: "x") { review } }`, {
        id: finding.id,
      });
      expect(anonymous.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const elsewhere = app().ctx({ id: 'sup-renchen', role: 'SUPERVISOR', regionPath: '/370000/370800/370811/', agencyId: null });
      await expect(app().services.findings.review(elsewhere, Number(finding.id), 'DISMISSED', 'x')).rejects.toBeInstanceOf(ForbiddenError);
      const county = app().ctx({ id: 'sup-wenshang', role: 'SUPERVISOR', regionPath: '/370000/370800/370830/', agencyId: null });
      await expect(app().services.findings.review(county, Number(finding.id), 'DISMISSED', '')).rejects.toMatchObject({
        code: 'BAD_USER_INPUT',
      });
      await app().services.findings.review(county, Number(finding.id), 'DISMISSED', '图表重复计数');
      const after = (await seedFindings()).find((f) => f.id === finding.id)!;
      // The review record is shown to a supervisor of the region; anonymous readers see the decision only.
      const { user, password } = await createAccount(app(), { name: 'sup-wenshang-reader', role: 'SUPERVISOR', regionCode: '370830' });
      const token = await logIn(app(), user.name, password);
      const q = `{ findings(filter:{ review: DISMISSED }) { nodes { id review reviewComment reviewedBy reviewedAt } } }`;
      const res = await app().gql(q, undefined, bearer(token));
      expect(res.data.findings.nodes).toEqual([
        { id: after.id, review: 'DISMISSED', reviewComment: '图表重复计数', reviewedBy: 'sup-wenshang', reviewedAt: expect.any(String) },
      ]);
      const anon = await app().gql(q);
      expect(anon.data?.findings.nodes).toEqual([
        { id: after.id, review: 'DISMISSED', reviewComment: null, reviewedBy: null, reviewedAt: null },
      ]);
      expect(new Set(anon.errors?.map((e) => e.extensions?.code))).toEqual(new Set(['FORBIDDEN']));
    });
  },
  { seed: true, env: AUTH_ENV },
);
