import { readFileSync } from 'fs';
import { SEED_REPORT } from '../../seeds/seed';
import { canonical } from '../../src/shared/decimal';
import { cellsOf, getEdition } from '../../src/shared/editions';
import { AUTH_ENV } from '../auth/test-accounts';
import { describeEachEngine, type TestApp } from '../support/test-app';
import { agencyIdOf, signInAll } from './workflow-accounts';

/**
 * Issue 13, the server side of the browser form: previewReport reads a file as submitReport does and
 * stores nothing; submitFigures takes the report's text sections and title with the figures.
 */
const seed = readFileSync(SEED_REPORT);
const SOURCE = 'source { page x y line table row cell }';
const FINDING = 'rule severity status cells { key value } expected actual message';
const PREVIEW = `mutation($input: PreviewReportInput!) { previewReport(input: $input) {
  edition year title publishedOn sourceFormat sourceText warnings
  cells { key value raw ${SOURCE} } narratives { section heading text } findings { ${FINDING} } } }`;
const SUBMIT = `mutation($input: SubmitReportInput!) { submitReport(input: $input) { report { id } findings { ${FINDING} } } }`;
const FIGURES = `mutation($input: SubmitFiguresInput!) { submitFigures(input: $input) { report { id title revision } findings { ${FINDING} } } }`;
const STORED = `query($id: ID!) { report(id: $id) { edition title sourceFormat cells { key decimal raw ${SOURCE} } narratives { section heading text } } }`;

type Finding = { rule: string; cells: Array<{ key: string }> };
/** Findings as a comparable multiset: each one whole, in a fixed order. */
const sorted = (fs: Finding[]) => fs.map((f) => JSON.stringify(f)).sort();

/** Row count of every table the application maps (the audit log included): any write shows here. */
async function counts(app: TestApp): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of app.db.entityMetadatas.map((m) => m.tableName).sort())
    out[t] = Number((await app.db.query(`SELECT COUNT(*) AS n FROM ${t}`))[0].n);
  return out;
}

describeEachEngine(
  'previewing a report file and filing figures with their text',
  (app) => {
    const h: Record<string, Record<string, string>> = {};
    let agencyId = 0;
    const gql = (who: string, q: string, v?: Record<string, unknown>) => app().gql(q, v, who === 'anonymous' ? {} : h[who]);
    const code = (r: { errors?: Array<{ extensions?: Record<string, any> }> }) => r.errors?.[0]?.extensions?.code;
    const file = (bytes: Buffer, extra: Record<string, unknown> = {}) => ({
      agencyId: String(agencyId),
      year: 2020,
      fileName: 'wenshang-2020.txt',
      contentBase64: bytes.toString('base64'),
      ...extra,
    });

    beforeAll(async () => {
      agencyId = await agencyIdOf(app());
      const [other] = await app().db.query('SELECT id FROM agency WHERE id <> ? ORDER BY id LIMIT 1', [agencyId]);
      Object.assign(
        h,
        await signInAll(app(), {
          agency: { name: 'fp-agency', role: 'AGENCY', agencyId },
          stranger: { name: 'fp-other-agency', role: 'AGENCY', agencyId: Number(other.id) },
          supervisor: { name: 'fp-supervisor', role: 'SUPERVISOR', regionCode: '370830' },
          admin: { name: 'fp-admin', role: 'ADMIN' },
        }),
      );
    });

    it('shows every cell with its value, text and place, and the findings submitReport then stores, storing nothing itself', async () => {
      const before = await counts(app());
      const first = await gql('agency', PREVIEW, { input: file(seed) });
      expect(first.errors).toBeUndefined();
      const preview = first.data.previewReport;
      expect(await counts(app())).toEqual(before);
      expect(preview).toMatchObject({
        edition: '2019',
        year: 2020,
        sourceFormat: 'TEXT',
        title: expect.stringContaining('汶上分中心2020年'),
      });
      expect(preview.cells.map((c: { key: string }) => c.key)).toEqual(cellsOf(getEdition('2019')).map((c) => c.key));
      // Every printed figure of the text file carries the line it was read on.
      const figures = preview.cells.filter((c: { value: string | null }) => c.value !== null);
      expect(figures.length).toBeGreaterThan(10);
      for (const c of figures) expect({ key: c.key, line: c.source?.line }).toEqual({ key: c.key, line: expect.any(Number) });
      expect(preview.sourceText).toBe(seed.toString('utf8'));
      expect(preview.narratives.map((n: { section: number }) => n.section)).toEqual([1, 2, 3, 4, 5, 6]);
      // No previous year filed yet: no carry-over to check.
      expect(preview.findings.some((f: Finding) => f.rule === 'CARRY_OVER_MISMATCH')).toBe(false);
      expect(preview.findings.some((f: Finding) => f.rule === 'NARRATIVE_CHANNEL_SUM')).toBe(true);

      // A previous year on file: the preview checks the carry-over as the stored filing will.
      const lastYear = preview.cells.map((c: { key: string; value: string | null }) => ({
        key: c.key,
        value: c.key === 'applications.carried_forward.total' ? '7' : c.value,
      }));
      const filed2019 = await gql('agency', FIGURES, { input: { agencyId: String(agencyId), year: 2019, cells: lastYear } });
      expect(filed2019.errors).toBeUndefined();
      const mid = await counts(app());
      const second = await gql('agency', PREVIEW, { input: file(seed) });
      expect(second.errors).toBeUndefined();
      expect(await counts(app())).toEqual(mid);
      const carry = second.data.previewReport.findings.filter((f: Finding) => f.rule === 'CARRY_OVER_MISMATCH');
      expect(carry.length).toBeGreaterThan(0);

      const submitted = await gql('agency', SUBMIT, { input: file(seed) });
      expect(submitted.errors).toBeUndefined();
      expect(sorted(second.data.previewReport.findings)).toEqual(sorted(submitted.data.submitReport.findings));
      const stored = (await gql('agency', STORED, { id: submitted.data.submitReport.report.id })).data.report;
      const byKey = new Map(stored.cells.map((c: { key: string }) => [c.key, c]));
      expect(second.data.previewReport.cells).toEqual(preview.cells);
      // The store keeps the figure, the preview its exact text too ("12.90"): equal as decimals.
      expect(preview.cells.map((c: { value: string | null }) => ({ ...c, value: canonical(c.value) }))).toEqual(
        preview.cells.map((c: { key: string }) => {
          const s = byKey.get(c.key) as { decimal: string | null; raw: string; source: unknown };
          return { key: c.key, value: s.decimal, raw: s.raw, source: s.source };
        }),
      );
      expect(preview.cells.find((c: { key: string }) => c.key === 'active.procurement.amount').value).toBe('12.90');
      expect(stored.narratives).toEqual(preview.narratives);
    });

    it('answers only whoever may file for the agency, before reading the file', async () => {
      for (const who of ['anonymous', 'stranger', 'supervisor']) {
        const r = await gql(who, PREVIEW, { input: file(seed) });
        expect({ who, code: code(r), data: r.data?.previewReport ?? null }).toEqual({ who, code: 'FORBIDDEN', data: null });
      }
      const r = await gql('admin', PREVIEW, { input: file(seed) });
      expect(r.errors).toBeUndefined();
      expect(r.data.previewReport.cells.length).toBe(cellsOf(getEdition('2019')).length);
    });

    it('opens the filing form only for whoever may file for the agency', async () => {
      const OPEN = `query($id: ID!) { filingAgency(id: $id) { id name } }`;
      const own = await gql('agency', OPEN, { id: String(agencyId) });
      expect(own.errors).toBeUndefined();
      expect(own.data.filingAgency.id).toBe(String(agencyId));
      expect((await gql('admin', OPEN, { id: String(agencyId) })).data.filingAgency.id).toBe(String(agencyId));
      for (const who of ['stranger', 'supervisor', 'anonymous'])
        expect({ who, code: code(await gql(who, OPEN, { id: String(agencyId) })) }).toEqual({ who, code: 'FORBIDDEN' });
      expect(code(await gql('admin', OPEN, { id: '999999' }))).toBe('NOT_FOUND');
    });

    it('refuses a damaged file with the error submitReport gives, naming its place', async () => {
      const before = await counts(app());
      const cases: Array<[Record<string, unknown>, RegExp]> = [
        [
          file(Buffer.from(seed.toString('utf8').replace('\t12.90\n', '\t12.9O\n')), { fileName: 'damaged.txt' }),
          /damaged\.txt, section 二, row "政府集中采购", column "采购总金额", line \d+: "12\.9O" is not a number/,
        ],
        [file(seed, { fileName: 'broken.txt', contentBase64: 'abc*def' }), /broken\.txt.*base64/],
        [file(seed, { fileName: 'empty.txt', contentBase64: '' }), /empty\.txt.*empty/],
        [file(seed, { fileName: 'nobody.txt', agencyId: '999999' }), /nobody\.txt.*agency 999999/],
      ];
      for (const [input, where] of cases) {
        const preview = await gql('agency', PREVIEW, { input });
        const submit = await gql('agency', SUBMIT, { input });
        expect(preview.errors?.[0]?.message).toMatch(where);
        expect({ code: code(preview), message: preview.errors?.[0]?.message }).toEqual({
          code: code(submit),
          message: submit.errors?.[0]?.message,
        });
      }
      expect(
        code(await gql('agency', PREVIEW, { input: file(Buffer.from(seed.toString('utf8').replace('\t12.90\n', '\t12.9O\n'))) })),
      ).toBe('REPORT_BAD_CELL');
      expect(await counts(app())).toEqual(before);
    });

    it('stores the text sections and title filed with the figures, and checks them against the tables', async () => {
      const { previewReport: p } = (await gql('agency', PREVIEW, { input: file(seed) })).data;
      const cells = p.cells.map((c: { key: string; value: string | null }) => ({ key: c.key, value: c.value }));
      const narratives = [
        { section: 5, heading: '五、问题及改进', text: p.narratives.find((n: { section: number }) => n.section === 5).text },
        { section: 1, text: p.narratives.find((n: { section: number }) => n.section === 1).text },
        { section: 6, text: '   ' },
      ];
      const input = { agencyId: String(agencyId), year: 2022, edition: '2019', cells, title: '  汶上分中心2022年报告  ', draft: true };

      const before = await counts(app());
      const refused: Array<[Record<string, unknown>, RegExp]> = [
        [{ narratives: [{ section: 7, text: 'x' }] }, /narratives\[0\]\.section 7: not a section of edition 2019/],
        [
          {
            narratives: [
              { section: 1, text: 'a' },
              { section: 1, text: 'b' },
            ],
          },
          /narratives\[1\]\.section 1: given twice/,
        ],
        [{ narratives: [{ section: 1, text: '字'.repeat(16_001) }] }, /narratives\[0\]\.text.*longer than 16000/],
        [{ title: 'x'.repeat(301) }, /title.*longer than 300/],
      ];
      for (const [extra, message] of refused) {
        const r = await gql('agency', FIGURES, { input: { ...input, ...extra } });
        expect([code(r), r.errors?.[0]?.message]).toEqual(['BAD_USER_INPUT', expect.stringMatching(message)]);
      }
      expect(await counts(app())).toEqual(before);

      const plain = await gql('agency', FIGURES, { input });
      expect(plain.errors).toBeUndefined();
      // Without its text the narrative rule has nothing to compare; with it, the seed's 117 ≠ 122 is found.
      expect(plain.data.submitFigures.findings.some((f: Finding) => f.rule === 'NARRATIVE_CHANNEL_SUM')).toBe(false);
      const withText = await gql('agency', FIGURES, { input: { ...input, narratives } });
      expect(withText.errors).toBeUndefined();
      const filed = withText.data.submitFigures;
      // The text is part of the filing: the same figures with text are a new revision, not "the same again".
      expect(filed.report).toMatchObject({ title: '汶上分中心2022年报告', revision: plain.data.submitFigures.report.revision + 1 });
      expect(filed.findings.filter((f: Finding) => f.rule === 'NARRATIVE_CHANNEL_SUM')).toEqual(
        p.findings.filter((f: Finding) => f.rule === 'NARRATIVE_CHANNEL_SUM'),
      );
      const stored = (await gql('agency', STORED, { id: filed.report.id })).data.report;
      expect(stored.title).toBe('汶上分中心2022年报告');
      expect(stored.narratives).toEqual([
        { section: 1, heading: '一、总体情况', text: narratives[1].text },
        { section: 5, heading: '五、问题及改进', text: narratives[0].text },
      ]);
      const one = await gql('agency', `query($id: ID!) { report(id: $id) { narrative(section: 5) } }`, { id: filed.report.id });
      expect(one.data.report.narrative).toBe(narratives[0].text);

      // The longest text the argument rules let through fits its column on either engine.
      const longest = '字'.repeat(16_000);
      const full = await gql('agency', FIGURES, {
        input: { ...input, narratives: [{ section: 6, text: longest }], reason: '补充其他事项' },
      });
      expect(full.errors).toBeUndefined();
      const back = await gql('agency', `query($id: ID!) { report(id: $id) { narrative(section: 6) } }`, {
        id: full.data.submitFigures.report.id,
      });
      expect(back.data.report.narrative).toBe(longest);
    });
  },
  { env: AUTH_ENV },
);
