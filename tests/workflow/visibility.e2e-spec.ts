import { readFileSync } from 'fs';
import { SEED_REPORT } from '../../seeds/seed';
import { AUTH_ENV } from '../auth/test-accounts';
import { describeEachEngine } from '../support/test-app';
import { agencyIdOf, signInAll } from './workflow-accounts';

/**
 * Issue 11, who sees which revision: a published report corrected by a submitted revision stays
 * "the report" for the public (and its figures in the roll-ups) until the correction is published;
 * the agency and its supervisor see the correction; another region's supervisor does not.
 */
const KEY = 'active.normative.published';

describeEachEngine(
  'revision visibility',
  (app) => {
    const h: Record<string, Record<string, string>> = {};
    let agencyId = 0;
    const gql = (who: string, q: string, v?: Record<string, unknown>) => app().gql(q, v, who === 'anonymous' ? {} : h[who]);

    beforeAll(async () => {
      await app().importSeed(); // a published report, as the CLI stores it
      agencyId = await agencyIdOf(app());
      Object.assign(
        h,
        await signInAll(app(), {
          agency: { name: 'vis-agency', role: 'AGENCY', agencyId },
          supervisor: { name: 'vis-supervisor', role: 'SUPERVISOR', regionCode: '370830' },
          other: { name: 'vis-other', role: 'SUPERVISOR', regionCode: '370811' },
          analyst: { name: 'vis-analyst', role: 'ANALYST' },
        }),
      );
    });

    it('shows each viewer its own latest revision, and the public only the published one', async () => {
      const [imported] = await app().db.query('SELECT id, year, state, published_current FROM report');
      expect([imported.state, Number(imported.published_current)]).toEqual(['PUBLISHED', 1]);
      const year = Number(imported.year);
      const published = (await gql('anonymous', `{ agency(id: "${agencyId}") { report(year: ${year}) { id value(key: "${KEY}") } } }`)).data
        .agency.report;
      expect(published.id).toBe(String(imported.id));
      const rollup = `{ region(code: "370800") { rollup(year: ${year}) { reportCount value(key: "${KEY}") } } }`;
      const rolledBefore = (await gql('anonymous', rollup)).data.region.rollup;

      // A correction filed: figures of one more cell, with a reason.
      const bytes = Buffer.concat([readFileSync(SEED_REPORT), Buffer.from('\n\n')]);
      const filed = await gql('agency', `mutation($i: SubmitReportInput!) { submitReport(input: $i) { report { id state revision } } }`, {
        i: { agencyId: String(agencyId), year, fileName: 'correction.txt', contentBase64: bytes.toString('base64'), reason: '格式更正' },
      });
      expect(filed.errors).toBeUndefined();
      const correction = filed.data.submitReport.report;
      expect(correction).toMatchObject({ state: 'SUBMITTED', revision: 2 });

      const reportOf = async (who: string) =>
        (await gql(who, `{ agency(id: "${agencyId}") { report(year: ${year}) { id state } } }`)).data?.agency?.report ?? null;
      expect(await reportOf('anonymous')).toEqual({ id: published.id, state: 'PUBLISHED' });
      expect(await reportOf('analyst')).toEqual({ id: published.id, state: 'PUBLISHED' });
      expect(await reportOf('agency')).toEqual({ id: correction.id, state: 'SUBMITTED' });
      expect(await reportOf('supervisor')).toEqual({ id: correction.id, state: 'SUBMITTED' });

      const revisionsOf = async (who: string) =>
        (await gql(who, `{ report(id: "${published.id}") { revisions { revision state } } }`)).data?.report?.revisions ?? null;
      expect(await revisionsOf('anonymous')).toEqual([{ revision: 1, state: 'PUBLISHED' }]);
      expect(await revisionsOf('supervisor')).toEqual([
        { revision: 1, state: 'PUBLISHED' },
        { revision: 2, state: 'SUBMITTED' },
      ]);
      expect((await gql('other', `{ report(id: "${correction.id}") { id } }`)).data.report).toBeNull();
      expect((await gql('anonymous', `{ report(id: "${correction.id}") { id } }`)).data.report).toBeNull();

      // Lists count what the viewer may see, in the statement (totals included).
      const count = async (who: string, current: boolean) =>
        (await gql(who, `{ reports(filter: { year: ${year}, currentOnly: ${current} }) { totalCount nodes { id } } }`)).data.reports;
      expect(await count('anonymous', false)).toEqual({ totalCount: 1, nodes: [{ id: published.id }] });
      expect(await count('agency', false)).toEqual({ totalCount: 2, nodes: [{ id: published.id }, { id: correction.id }] });
      expect(await count('agency', true)).toEqual({ totalCount: 1, nodes: [{ id: correction.id }] });

      // Roll-ups and the findings list: the published revision's, unchanged by the submission.
      expect((await gql('anonymous', rollup)).data.region.rollup).toEqual(rolledBefore);
      const findings = await gql('supervisor', `{ findings(filter: { year: ${year} }) { nodes { report { id } } } }`);
      expect(new Set(findings.data.findings.nodes.map((f: { report: { id: string } }) => f.report.id))).toEqual(
        new Set(findings.data.findings.nodes.length ? [published.id] : []),
      );
    });
  },
  { env: AUTH_ENV },
);
