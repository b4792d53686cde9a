import { cellsOf, editionForYear } from '../../src/shared/editions';
import { generate } from '../../src/generator/generator';
import { readReport } from '../../src/ingest/report-reader';
import { normalDecimal } from '../../src/render/cell-text';
import { AUTH_ENV, bearer, createAccount, logIn } from '../auth/test-accounts';
import { describeEachEngine } from '../support/test-app';

const CITY = '370800';
const COUNTY = '370830';
const OTHER_COUNTY = '370881';
/** 2020 (edition 2019): the seed report alone in the county, with its blanks; 2021 (edition 2021): a generated population. */
const SEED_YEAR = 2020;
const GENERATED_YEAR = 2021;
const YEARS = [SEED_YEAR, GENERATED_YEAR];

const RENDERED = `query($code: String!, $year: Int!, $format: RenderFormat!) { region(code: $code) { name renderedRollup(year: $year, format: $format) } }`;

/** Region.rollup's values for every key, asked 60 at a time (the field's limit). */
function rollupQuery(keys: string[]): string {
  const parts: string[] = [];
  for (let i = 0; i < keys.length; i += 60) parts.push(`p${i}: values(keys: ${JSON.stringify(keys.slice(i, i + 60))}) { key value }`);
  return `query($code: String!, $year: Int!) { region(code: $code) { rollup(year: $year) { reportCount ${parts.join(' ')} } } }`;
}

/** The 汇总 is Region.rollup laid into the template: each cell read back from the DOCX against the roll-up's value. */
describeEachEngine(
  'rendering a region roll-up (汇总)',
  (app) => {
    let supervisor = '';
    let otherSupervisor = '';

    beforeAll(async () => {
      await generate(app().connection, {
        region: CITY,
        fromYear: GENERATED_YEAR,
        toYear: GENERATED_YEAR,
        seed: 11,
        departments: 1,
        institutions: 1,
      });
      await app().importSeed();
      const own = await createAccount(app(), { name: 'sum-county', role: 'SUPERVISOR', regionCode: COUNTY });
      const other = await createAccount(app(), { name: 'sum-other', role: 'SUPERVISOR', regionCode: OTHER_COUNTY });
      supervisor = await logIn(app(), own.user.name, own.password);
      otherSupervisor = await logIn(app(), other.user.name, other.password);
    });

    for (const year of YEARS)
      it(`renders ${COUNTY}'s ${year} roll-up as DOCX whose every cell is Region.rollup's value, blanks blank`, async () => {
        const edition = editionForYear(year);
        const keys = cellsOf(edition).map((c) => c.key);
        const sums = await app().gql(rollupQuery(keys), { code: COUNTY, year });
        expect(sums.errors).toBeUndefined();
        const rollup = sums.data.region.rollup;
        expect(rollup.reportCount).toBeGreaterThan(0);
        const expected = new Map<string, number | null>();
        for (const [k, v] of Object.entries(rollup))
          if (k.startsWith('p')) for (const x of v as Array<{ key: string; value: number | null }>) expected.set(x.key, x.value);
        expect(expected.size).toBe(keys.length);

        const res = await app().gql(RENDERED, { code: COUNTY, year, format: 'DOCX' }, bearer(supervisor));
        expect(res.errors).toBeUndefined();
        // Priced as Report.rendered(DOCX): 1,000 points, plus the region and its name.
        expect((res as { extensions?: any }).extensions?.cost?.requested).toBe(1_002);
        const { parsed, format } = await readReport(Buffer.from(res.data.region.renderedRollup, 'base64'));
        expect(format).toBe('docx');
        expect([parsed.edition, parsed.year, parsed.title]).toEqual([
          edition.id,
          year,
          `${res.data.region.name}${year}年度政府信息公开工作年度报告（汇总）`,
        ]);

        const back = (k: string) => (parsed.cells[k]?.value == null ? null : Number(normalDecimal(parsed.cells[k].value!)));
        const mismatches = keys.filter((k) => {
          const want = expected.get(k) ?? null;
          const got = back(k);
          return want === null ? got !== null : got === null || Math.abs(got - want) > 1e-6 * Math.max(1, Math.abs(want));
        });
        expect(mismatches).toEqual([]);
        // Both kinds of cell are exercised: figures, and keys no agency reported (blank, not 0).
        const blanks = keys.filter((k) => expected.get(k) === null);
        expect(keys.length - blanks.length).toBeGreaterThan(0);
        if (year === SEED_YEAR) {
          expect(rollup.reportCount).toBe(1);
          expect(blanks.length).toBeGreaterThan(0);
          expect([parsed.cells['applications.new.natural_person'].value, back('applications.new.total')]).toEqual([null, 0]);
        } else expect(rollup.reportCount).toBeGreaterThan(1);
        for (const k of blanks) expect(parsed.cells[k]?.value ?? null).toBeNull();
      });

    it('gives the same figures as HTML', async () => {
      const [html, docx] = await Promise.all(
        (['HTML', 'DOCX'] as const).map((format) =>
          app().gql(RENDERED, { code: COUNTY, year: GENERATED_YEAR, format }, bearer(supervisor)),
        ),
      );
      expect(html.errors).toBeUndefined();
      const fromHtml = (await readReport(Buffer.from(html.data.region.renderedRollup, 'utf8'))).parsed;
      const fromDocx = (await readReport(Buffer.from(docx.data.region.renderedRollup, 'base64'))).parsed;
      expect(fromHtml.title).toBe(fromDocx.title);
      for (const k of cellsOf(editionForYear(GENERATED_YEAR)).map((c) => c.key))
        expect([k, fromHtml.cells[k]?.value ?? null]).toEqual([k, fromDocx.cells[k]?.value ?? null]);
    });

    it("refuses a county supervisor another county's 汇总, as Region.rollup refuses it", async () => {
      const year = GENERATED_YEAR;
      const RENDER = `renderedRollup(year: ${year}, format: HTML)`;
      const ROLLUP = `rollup(year: ${year}) { reportCount }`;
      /** The answer to `query` with `field` in the place of FIELD: the regions it yields a figure for, and its error codes. */
      const ask = async (token: string, query: string, field: string) => {
        const res = await app().gql(query.replace('FIELD', `code ${field}`), undefined, bearer(token));
        const found: string[] = [];
        JSON.stringify(
          res.data ?? null,
          (k, v) => (v && typeof v === 'object' && (v.renderedRollup != null || v.rollup != null) && found.push(v.code), v),
        );
        return { found, codes: (res.errors ?? []).map((e) => e.extensions?.code) };
      };
      const same = async (token: string, query: string) => {
        const [rendered, rollup] = await Promise.all([ask(token, query, RENDER), ask(token, query, ROLLUP)]);
        expect(rendered).toEqual(rollup);
        return rendered;
      };
      // The other county is out of reach: looked up (no region), or among its city's children (not listed).
      expect(await same(otherSupervisor, `{ region(code: "${COUNTY}") { FIELD } }`)).toEqual({ found: [], codes: [] });
      expect(await same(otherSupervisor, `{ region(code: "${OTHER_COUNTY}") { parent { children { FIELD } } } }`)).toEqual({
        found: [OTHER_COUNTY],
        codes: [],
      });
      // The whole city, reached as the county's parent, which its supervisor reads only part of: FORBIDDEN.
      expect(await same(supervisor, `{ region(code: "${COUNTY}") { parent { FIELD } } }`)).toEqual({ found: [], codes: ['FORBIDDEN'] });
      // Its own county is answered.
      expect(await same(supervisor, `{ region(code: "${COUNTY}") { FIELD } }`)).toEqual({ found: [COUNTY], codes: [] });
    });
  },
  { env: AUTH_ENV },
);
