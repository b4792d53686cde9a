import { readFileSync } from 'fs';
import { SEED_REPORT } from '../../seeds/seed';
import { prepareReport } from '../../src/services/report-preparation';
import { AUTH_ENV } from '../auth/test-accounts';
import { describeEachEngine } from '../support/test-app';
import { agencyIdOf, signInAll } from './workflow-accounts';

/**
 * Issue 11, end to end through the real endpoint: submit, findings back, return with a comment,
 * correct, accept, publish; each step only for its roles; roll-ups change on publication only.
 */
const KEY = 'active.normative.published';
const SUBMIT = `mutation($input: SubmitReportInput!) { submitReport(input: $input) { report { id year state revision } findings { id rule severity } } }`;
const FIGURES = `mutation($input: SubmitFiguresInput!) { submitFigures(input: $input) { report { id state revision reason } findings { rule } } }`;
const STEP = (name: string) => `mutation($id: ID!) { ${name}(id: $id) { id state } }`;
const ROLLUP = `query($inc: Boolean) { region(code: "370830") { rollup(year: 2020, includeSubmitted: $inc) { reportCount value(key: "${KEY}") } } }`;

describeEachEngine(
  'filing workflow',
  (app) => {
    const h: Record<string, Record<string, string>> = {};
    let agencyId = 0;
    let seedValue = 0;
    let cells: Array<{ key: string; value: string | null }> = [];
    const gql = (who: string, q: string, v?: Record<string, unknown>) => app().gql(q, v, who === 'anonymous' ? {} : h[who]);
    const code = (r: { errors?: Array<{ extensions?: Record<string, any> }> }) => r.errors?.[0]?.extensions?.code;

    beforeAll(async () => {
      agencyId = await agencyIdOf(app());
      Object.assign(
        h,
        await signInAll(app(), {
          agency: { name: 'wf-agency', role: 'AGENCY', agencyId },
          supervisor: { name: 'wf-supervisor', role: 'SUPERVISOR', regionCode: '370830' },
          other: { name: 'wf-other-supervisor', role: 'SUPERVISOR', regionCode: '370811' },
          analyst: { name: 'wf-analyst', role: 'ANALYST', regionCode: '370800' },
          admin: { name: 'wf-admin', role: 'ADMIN' },
        }),
      );
      const prepared = await prepareReport(readFileSync(SEED_REPORT), 'seed.txt', 2020);
      seedValue = Number(prepared.parsed.cells[KEY].value);
      cells = Object.entries(prepared.parsed.cells).map(([key, c]) => ({ key, value: c.value }));
    });

    const seedInput = (extra: Record<string, unknown> = {}) => ({
      agencyId: String(agencyId),
      year: 2020,
      fileName: 'wenshang-2020.txt',
      contentBase64: readFileSync(SEED_REPORT).toString('base64'),
      ...extra,
    });

    it('walks submit → return → correct → accept → publish, each step for its roles only, roll-ups on publication only', async () => {
      // Only the agency itself (or an administrator) files.
      for (const who of ['anonymous', 'analyst', 'supervisor'])
        expect(code(await gql(who, SUBMIT, { input: seedInput() }))).toBe('FORBIDDEN');
      const submitted = await gql('agency', SUBMIT, { input: seedInput() });
      expect(submitted.errors).toBeUndefined();
      const first = submitted.data.submitReport;
      expect(first.report).toMatchObject({ year: 2020, state: 'SUBMITTED', revision: 1 });
      expect(Array.isArray(first.findings)).toBe(true);
      const id = first.report.id;

      // Not published: the public sees neither the report nor its figures; the supervisor's own view does.
      expect((await gql('anonymous', `{ report(id: "${id}") { id } }`)).data.report).toBeNull();
      expect((await gql('supervisor', `{ report(id: "${id}") { id state } }`)).data.report.state).toBe('SUBMITTED');
      expect((await gql('anonymous', ROLLUP, { inc: false })).data.region.rollup.reportCount).toBe(0);
      const filed = await gql('supervisor', ROLLUP, { inc: true });
      expect(filed.data.region.rollup).toEqual({ reportCount: 1, value: seedValue });
      expect(code(await gql('analyst', ROLLUP, { inc: true }))).toBe('FORBIDDEN');

      // Wrong state and wrong role.
      const publishEarly = await gql('supervisor', STEP('publishReport'), { id });
      expect(code(publishEarly)).toBe('CONFLICT');
      expect(publishEarly.errors![0].message).toContain('SUBMITTED');
      expect(code(await gql('agency', STEP('acceptReport'), { id }))).toBe('FORBIDDEN');
      // Another region's supervisor may not see a submitted report: not there for it (issue 18: no oracle over ids), rather than refused.
      expect(code(await gql('other', `mutation { returnReport(id: "${id}", comment: "x") { id } }`))).toBe('NOT_FOUND');
      expect(code(await gql('supervisor', `mutation { returnReport(id: "${id}", comment: "   ") { id } }`))).toBe('BAD_USER_INPUT');

      // Returned with a comment and a finding of this revision (any finding id of another report is refused).
      const findingIds = first.findings.slice(0, 1).map((f: { id: string }) => f.id);
      const returned = await gql(
        'supervisor',
        `mutation($id: ID!, $f: [ID!]) { returnReport(id: $id, comment: "第二部分数字有误", findingIds: $f) { id state returnComment returnedFindings { id } } }`,
        { id, f: findingIds },
      );
      expect(returned.errors).toBeUndefined();
      expect(returned.data.returnReport).toEqual({
        id,
        state: 'RETURNED',
        returnComment: '第二部分数字有误',
        returnedFindings: findingIds.map((f: string) => ({ id: f })),
      });
      const seenByAgency = await gql('agency', `{ report(id: "${id}") { state returnComment } }`);
      expect(seenByAgency.data.report).toEqual({ state: 'RETURNED', returnComment: '第二部分数字有误' });

      // The correction: a new revision with a reason; without one it is refused and nothing is stored.
      const changed = cells.map((c) => (c.key === KEY ? { key: KEY, value: String(seedValue + 5) } : c));
      const input = { agencyId: String(agencyId), year: 2020, cells: changed };
      const [{ n: before }] = await app().db.query('SELECT COUNT(*) AS n FROM report');
      const noReason = await gql('agency', FIGURES, { input });
      expect(code(noReason)).toBe('BAD_USER_INPUT');
      expect(noReason.errors![0].message).toContain('RETURNED');
      const [{ n: after }] = await app().db.query('SELECT COUNT(*) AS n FROM report');
      expect(Number(after)).toBe(Number(before));
      const corrected = await gql('agency', FIGURES, { input: { ...input, reason: '更正主动公开数字' } });
      expect(corrected.errors).toBeUndefined();
      const second = corrected.data.submitFigures.report;
      expect(second).toMatchObject({ state: 'SUBMITTED', revision: 2, reason: '更正主动公开数字' });
      // Nothing overwritten: the returned revision is still readable, with its own figure.
      const revisions = await gql('agency', `{ report(id: "${second.id}") { revisions { revision state value(key: "${KEY}") } } }`);
      expect(revisions.data.report.revisions).toEqual([
        { revision: 1, state: 'RETURNED', value: seedValue },
        { revision: 2, state: 'SUBMITTED', value: seedValue + 5 },
      ]);
      // The returned revision cannot move on: it is superseded.
      expect(code(await gql('supervisor', STEP('acceptReport'), { id }))).toBe('CONFLICT');

      expect((await gql('supervisor', STEP('acceptReport'), { id: second.id })).data.acceptReport.state).toBe('ACCEPTED');
      expect((await gql('anonymous', ROLLUP, { inc: false })).data.region.rollup.reportCount).toBe(0);
      expect((await gql('supervisor', STEP('publishReport'), { id: second.id })).data.publishReport.state).toBe('PUBLISHED');

      // Published: in the public roll-up with the corrected figure, and the report of the agency for everyone.
      expect((await gql('anonymous', ROLLUP, { inc: false })).data.region.rollup).toEqual({ reportCount: 1, value: seedValue + 5 });
      const pub = await gql('anonymous', `{ agency(id: "${agencyId}") { report(year: 2020) { id state revisions { revision } } } }`);
      expect(pub.data.agency.report).toEqual({ id: second.id, state: 'PUBLISHED', revisions: [{ revision: 2 }] });
      expect(code(await gql('anonymous', `{ report(id: "${second.id}") { returnComment } }`))).toBe('FORBIDDEN');
    });

    it('keeps drafts to the agency, and a draft is submitted by the agency only', async () => {
      const draft = await gql('agency', SUBMIT, { input: seedInput({ year: 2021, fileName: 'draft-2021.txt', draft: true }) });
      expect(draft.errors).toBeUndefined();
      const id = draft.data.submitReport.report.id;
      expect(draft.data.submitReport.report.state).toBe('DRAFT');
      expect((await gql('supervisor', `{ report(id: "${id}") { id } }`)).data.report).toBeNull();
      expect((await gql('admin', `{ report(id: "${id}") { state } }`)).data.report.state).toBe('DRAFT');
      const list = await gql('supervisor', `{ reports(filter: { regionCode: "370830", year: 2021, currentOnly: false }) { totalCount } }`);
      expect(list.data.reports.totalCount).toBe(0);
      expect(code(await gql('supervisor', STEP('submitDraft'), { id }))).toBe('FORBIDDEN');
      expect((await gql('agency', STEP('submitDraft'), { id })).data.submitDraft.state).toBe('SUBMITTED');
      expect(code(await gql('agency', STEP('submitDraft'), { id }))).toBe('CONFLICT');
      const seen = await gql('supervisor', `{ reports(filter: { regionCode: "370830", year: 2021 }) { totalCount nodes { id state } } }`);
      expect(seen.data.reports).toEqual({ totalCount: 1, nodes: [{ id, state: 'SUBMITTED' }] });
      expect(
        (await gql('anonymous', `{ reports(filter: { regionCode: "370830", year: 2021 }) { totalCount } }`)).data.reports.totalCount,
      ).toBe(0);
    });

    it('refuses bad filings with the file and the argument named, storing nothing', async () => {
      const [{ n: before }] = await app().db.query('SELECT COUNT(*) AS n FROM report');
      const cases: Array<[Record<string, unknown>, string, RegExp]> = [
        [seedInput({ fileName: 'broken.txt', contentBase64: 'abc*def' }), 'BAD_USER_INPUT', /broken\.txt.*base64/],
        [seedInput({ fileName: 'empty.txt', contentBase64: '' }), 'BAD_USER_INPUT', /empty\.txt.*empty/],
        [seedInput({ fileName: 'early.txt', year: 1990 }), 'BAD_USER_INPUT', /early\.txt.*year/],
        [seedInput({ fileName: 'nobody.txt', agencyId: '999999' }), 'NOT_FOUND', /nobody\.txt.*agency 999999/],
        [seedInput({ fileName: 'day.txt', year: 2022, publishedOn: '2022-13-01' }), 'BAD_USER_INPUT', /day\.txt.*publishedOn/],
      ];
      for (const [input, want, message] of cases) {
        const r = await gql('agency', SUBMIT, { input });
        expect([code(r), r.errors?.[0]?.message]).toEqual([want, expect.stringMatching(message)]);
      }
      const badKey = await gql('agency', FIGURES, {
        input: { agencyId: String(agencyId), year: 2023, cells: [{ key: 'no.such.key', value: '1' }] },
      });
      expect(code(badKey)).toBe('BAD_USER_INPUT');
      expect(badKey.errors![0].message).toContain('cells[0].key');
      const [{ n: after }] = await app().db.query('SELECT COUNT(*) AS n FROM report');
      expect(Number(after)).toBe(Number(before));
    });
  },
  { env: AUTH_ENV },
);
