import { Agency, Finding, Report } from '../../entities';
import { derivedParts, EDITIONS, editionForYear } from '../../src/shared/editions';
import { generate, type GenerateManifest } from '../../src/generator/generator';
import { Prng } from '../../src/generator/prng';
import type { ParsedReport } from '../../src/shared/parsed-report';
import { describeEachEngine, type TestApp } from '../support/test-app';

const YEARS = [2019, 2020, 2021, 2022];
const CITY = '370800';

/** Σ straight from stored cells: the brute force every answer is held against. */
async function bruteSums(
  app: TestApp,
  where: string,
  params: unknown[],
  year: number,
): Promise<{ sums: Map<string, number | null>; reports: number }> {
  const rows: Array<{ cell_key: string; value: string | number | null; report_id: number }> = await app.db.query(
    `SELECT c.cell_key, c.value, c.report_id FROM report r JOIN agency a ON a.id = r.agency_id JOIN report_cell c ON c.report_id = r.id
      WHERE ${where} AND r.year = ? AND r.current = 1 AND r.scope = 'OWN'`,
    [...params, year],
  );
  const sums = new Map<string, number | null>();
  for (const r of rows) {
    const prev = sums.get(r.cell_key) ?? null;
    sums.set(r.cell_key, r.value === null ? prev : (prev ?? 0) + Number(r.value));
  }
  return { sums, reports: new Set(rows.map((r) => r.report_id)).size };
}

function bruteValue(sums: Map<string, number | null>, key: string, year: number): number | null {
  const parts = derivedParts(editionForYear(year)).get(key);
  if (parts) {
    const vs = parts.map((p) => sums.get(p) ?? null).filter((v): v is number => v !== null);
    return vs.length ? vs.reduce((a, b) => a + b, 0) : null;
  }
  if (key === 'grant_rate') {
    const g = sums.get('applications.granted.total') ?? null;
    const p = sums.get('applications.partly_granted.total') ?? null;
    const d = sums.get('applications.processed_total.total') ?? null;
    return (g === null && p === null) || !d ? null : ((g ?? 0) + (p ?? 0)) / d;
  }
  return sums.get(key) ?? null;
}

const regionWhere = (path: string) => ['a.region_path LIKE ?', [`${path}%`]] as const;

function expectClose(actual: number | null, expected: number | null, what: string) {
  if (expected === null) return expect({ what, actual }).toEqual({ what, actual: null });
  expect(actual).not.toBeNull();
  expect(Math.abs(actual! - expected)).toBeLessThan(1e-6 * Math.max(1, Math.abs(expected)));
}

const KEY_POOL = (year: number) => [
  ...Object.values(EDITIONS)
    .find((e) => e.id === editionForYear(year).id)!
    .tables.flatMap((t) =>
      t.blocks.flatMap((b) => b.rows.flatMap((r) => b.columns.map((c) => t.keyPattern.replace('{row}', r.key).replace('{col}', c.key)))),
    ),
  ...derivedParts(editionForYear(year)).keys(),
];

const SMALL_CITY = '420700';

const DASHBOARD = `query D($code: String!, $year: Int!, $keys: [String!]!, $from: Int!, $to: Int!) {
  region(code: $code) { code rollup(year: $year) { reportCount agencyCount expectedCount n: value(key: "applications.new.total") g: value(key: "grant_rate") } }
  compare(regionCode: $code, year: $year, by: CHILD_REGION, keys: $keys) { label regionCode rank values { key value } }
  trend(regionCode: $code, keys: $keys, fromYear: $from, toYear: $to) { key comparable breaks points { year value change comparable } }
}`;

// Counts the SQL of executing each query, so whole-answer caching is off here (cache.e2e-spec.ts covers it).
describeEachEngine(
  'roll-ups',
  (app) => {
    let manifest: GenerateManifest;
    let regions: Array<{ code: string; path: string; depth: number }>;
    const rng = new Prng(20240601);

    beforeAll(async () => {
      manifest = await generate(app().connection, { region: CITY, fromYear: 2019, toYear: 2022, seed: 5, departments: 5, institutions: 2 });
      // 鄂州市 (Hubei) has three county-level children: the small side of the statement-count comparison.
      await generate(app().connection, { region: SMALL_CITY, fromYear: 2019, toYear: 2022, seed: 6, departments: 5, institutions: 2 });
      regions = (await app().db.query('SELECT code, path, depth FROM region WHERE path LIKE ? ORDER BY code', ['/370000/370800/%'])).map(
        (r: any) => ({ ...r, depth: Number(r.depth) }),
      );
    });

    it('generates deterministically with planted defects, late and missing reports, consolidated reports', async () => {
      expect(manifest.reports).toBeGreaterThan(1000);
      expect(manifest.defects.length).toBeGreaterThan(0);
      expect(manifest.late.length).toBeGreaterThan(0);
      expect(manifest.missing.length).toBeGreaterThan(0);
      expect(manifest.consolidated.some((c) => c.mismatchedKeys.length > 0)).toBe(true);
      const d = manifest.defects.find((x) => x.rule === 'LAWSUITS_TOTAL');
      if (d) {
        const cells: Array<{ cell_key: string; value: string | number | null }> = await app().db.query(
          'SELECT cell_key, value FROM report_cell WHERE report_id = ? AND cell_key LIKE ?',
          [d.reportId, 'review.%'],
        );
        const v = Object.fromEntries(cells.map((c) => [c.cell_key, Number(c.value ?? 0)]));
        expect(v['review.total']).not.toBe(v['review.upheld'] + v['review.corrected'] + v['review.other'] + v['review.pending']);
      }
      // carried_forward(N) = carried_over(N+1) for an agency without a planted carry-over defect
      const [row] = await app().db.query(
        `SELECT a.id FROM agency a WHERE a.kind = 'DEPARTMENT' AND a.region_path LIKE ? ORDER BY a.id LIMIT 1`,
        ['/370000/370800/%'],
      );
      const chain: Array<{ year: number; cell_key: string; value: string | number | null }> = await app().db.query(
        `SELECT r.year, c.cell_key, c.value FROM report r JOIN report_cell c ON c.report_id = r.id WHERE r.agency_id = ? AND c.cell_key IN ('applications.carried_over.total', 'applications.carried_forward.total') ORDER BY r.year`,
        [row.id],
      );
      const byYear = new Map<number, Record<string, number>>();
      for (const c of chain) byYear.set(Number(c.year), { ...(byYear.get(Number(c.year)) ?? {}), [c.cell_key]: Number(c.value ?? 0) });
      const planted = new Set(manifest.defects.filter((x) => x.agencyId === row.id).map((x) => x.year));
      for (const y of YEARS.slice(0, -1))
        if (byYear.has(y) && byYear.has(y + 1) && !planted.has(y) && !planted.has(y + 1))
          expect(byYear.get(y + 1)!['applications.carried_over.total']).toBe(byYear.get(y)!['applications.carried_forward.total']);
    });

    it('region roll-ups equal brute-force sums (random regions, years, keys)', async () => {
      for (let i = 0; i < 6; i++) {
        const region = i === 0 ? regions.find((r) => r.code === CITY)! : rng.pick(regions);
        const year = rng.pick(YEARS);
        const keys = [...Array.from({ length: 5 }, () => rng.pick(KEY_POOL(year))), 'grant_rate'];
        const fields = keys.map((k, j) => `k${j}: value(key: "${k}")`).join(' ');
        const res = await app().gql(`{ region(code: "${region.code}") { rollup(year: ${year}) { reportCount ${fields} } } }`);
        expect(res.errors).toBeUndefined();
        const [w, p] = regionWhere(region.path);
        const brute = await bruteSums(app(), w, [...p], year);
        expect(res.data.region.rollup.reportCount).toBe(brute.reports);
        keys.forEach((k, j) =>
          expectClose(res.data.region.rollup[`k${j}`], bruteValue(brute.sums, k, year), `${region.code} ${year} ${k}`),
        );
      }
    });

    it('comparisons by child region, agency kind and agency equal brute-force sums, ranked', async () => {
      const year = rng.pick(YEARS);
      const keys = ['applications.new.total', rng.pick(KEY_POOL(year))];
      const city = regions.find((r) => r.code === CITY)!;
      const q = (by: string) =>
        `{ compare(regionCode: "${CITY}", year: ${year}, by: ${by}, keys: ${JSON.stringify(keys)}) { label regionCode agencyKind agencyId rank reportCount values { key value } } }`;
      const child = (await app().gql(q('CHILD_REGION'))).data.compare;
      expect(child).toHaveLength(12);
      for (const row of child) {
        const region = regions.find((r) => r.code === row.regionCode)!;
        const brute = await bruteSums(app(), 'a.region_path LIKE ?', [`${region.path}%`], year);
        keys.forEach((k, j) => expectClose(row.values[j].value, bruteValue(brute.sums, k, year), `${row.label} ${k}`));
      }
      for (let i = 1; i < child.length; i++)
        expect(child[i - 1].values[0].value ?? -1).toBeGreaterThanOrEqual(child[i].values[0].value ?? -1);
      expect(child[0].rank).toBe(1);

      const kinds = (await app().gql(q('AGENCY_KIND'))).data.compare;
      for (const row of kinds) {
        const brute = await bruteSums(app(), 'a.region_path LIKE ? AND a.kind = ?', [`${city.path}%`, row.agencyKind], year);
        expect(row.reportCount).toBe(brute.reports);
        keys.forEach((k, j) => expectClose(row.values[j].value, bruteValue(brute.sums, k, year), `${row.label} ${k}`));
      }
      const agencies = (await app().gql(q('AGENCY'))).data.compare;
      expect(agencies.length).toBeGreaterThan(100);
      for (const row of [agencies[0], agencies[5], agencies[agencies.length - 1]]) {
        const brute = await bruteSums(app(), 'a.id = ?', [Number(row.agencyId)], year);
        keys.forEach((k, j) => expectClose(row.values[j].value, bruteValue(brute.sums, k, year), `${row.label} ${k}`));
      }
    });

    it('agency roll-ups sum the agency with its branch centres', async () => {
      const [parent] = await app().db.query(
        `SELECT p.id FROM agency p JOIN agency b ON b.parent_id = p.id WHERE p.region_code = ? GROUP BY p.id ORDER BY p.id LIMIT 1`,
        [CITY],
      );
      const year = 2021;
      const res = await app().gql(
        `{ agency(id: "${parent.id}") { rollup(year: ${year}) { reportCount agencyCount n: value(key: "applications.new.total") g: value(key: "grant_rate") } branches { id } } }`,
      );
      expect(res.errors).toBeUndefined();
      const ids = [Number(parent.id), ...res.data.agency.branches.map((b: { id: string }) => Number(b.id))];
      const brute = await bruteSums(app(), `a.id IN (${ids.join(',')})`, [], year);
      expect(res.data.agency.rollup.agencyCount).toBe(ids.length);
      expect(res.data.agency.rollup.reportCount).toBe(brute.reports);
      expectClose(res.data.agency.rollup.n, bruteValue(brute.sums, 'applications.new.total', year), 'agency n');
      expectClose(res.data.agency.rollup.g, bruteValue(brute.sums, 'grant_rate', year), 'agency g');
    });

    it('trend of other_all over 2019–2022 works; active.normative.published across 2020→2021 is not comparable', async () => {
      const res = await app().gql(
        `{ trend(regionCode: "${CITY}", keys: ["applications.other_all.total", "active.normative.published"], fromYear: 2019, toYear: 2022) { key comparable breaks points { year value change comparable } } }`,
      );
      expect(res.errors).toBeUndefined();
      const [other, normative] = res.data.trend;
      expect(other.comparable).toBe(true);
      const city = regions.find((r) => r.code === CITY)!;
      let prev: number | null = null;
      for (const p of other.points) {
        const brute = await bruteSums(app(), 'a.region_path LIKE ?', [`${city.path}%`], p.year);
        const v = bruteValue(brute.sums, 'applications.other_all.total', p.year);
        expectClose(p.value, v, `other_all ${p.year}`);
        if (prev !== null && v !== null) expectClose(p.change, v - prev, `change ${p.year}`);
        prev = v;
      }
      expect(normative.comparable).toBe(false);
      expect(normative.breaks).toContain(2021);
      expect(normative.points.find((p: { year: number }) => p.year === 2021)).toMatchObject({ comparable: false, change: null });
      expect(normative.points.find((p: { year: number }) => p.year === 2020).comparable).toBe(true);
    });

    it('aggregate group-bys equal brute-force sums', async () => {
      const res = await app().gql(
        `{ aggregate(filter: { regionCode: "${CITY}", fromYear: 2019, toYear: 2022 }, groupBy: [YEAR, AGENCY_KIND], keys: ["applications.new.total", "grant_rate"]) { year agencyKind reportCount values { key value } } }`,
      );
      expect(res.errors).toBeUndefined();
      const city = regions.find((r) => r.code === CITY)!;
      for (const row of res.data.aggregate.filter((_: unknown, i: number) => i % 3 === 0)) {
        const brute = await bruteSums(app(), 'a.region_path LIKE ? AND a.kind = ?', [`${city.path}%`, row.agencyKind], row.year);
        expect(row.reportCount).toBe(brute.reports);
        expectClose(row.values[0].value, bruteValue(brute.sums, 'applications.new.total', row.year), `agg ${row.year} ${row.agencyKind}`);
        expectClose(row.values[1].value, bruteValue(brute.sums, 'grant_rate', row.year), `agg rate ${row.year} ${row.agencyKind}`);
      }
      const byEdition = await app().gql(
        `{ aggregate(filter: { regionCode: "${CITY}", fromYear: 2019, toYear: 2022, regionLevel: COUNTY }, groupBy: [EDITION, REGION], keys: ["applications.denied.total"]) { edition regionCode regionName values { value } } }`,
      );
      expect(byEdition.errors).toBeUndefined();
      expect(byEdition.data.aggregate).toHaveLength(24);
      const row = byEdition.data.aggregate.find((r: { edition: string }) => r.edition === '2021');
      const region = regions.find((r) => r.code === row.regionCode)!;
      let expected = 0;
      for (const y of [2021, 2022])
        expected +=
          bruteValue((await bruteSums(app(), 'a.region_path LIKE ?', [`${region.path}%`], y)).sums, 'applications.denied.total', y) ?? 0;
      expectClose(row.values[0].value, expected, 'edition group');
    });

    it('a region grant rate is the ratio of summed cells, not the mean of agency rates', async () => {
      const year = 2020;
      const res = await app().gql(
        `{ region(code: "${CITY}") { rollup(year: ${year}) { g: value(key: "grant_rate") } } compare(regionCode: "${CITY}", year: ${year}, by: AGENCY, keys: ["grant_rate"]) { values { value } } }`,
      );
      const city = regions.find((r) => r.code === CITY)!;
      const brute = await bruteSums(app(), 'a.region_path LIKE ?', [`${city.path}%`], year);
      expectClose(res.data.region.rollup.g, bruteValue(brute.sums, 'grant_rate', year), 'ratio of sums');
      const rates = res.data.compare
        .map((r: { values: Array<{ value: number | null }> }) => r.values[0].value)
        .filter((v: number | null): v is number => v !== null);
      const mean = rates.reduce((a: number, b: number) => a + b, 0) / rates.length;
      expect(Math.abs(mean - res.data.region.rollup.g)).toBeGreaterThan(1e-4);
    });

    it('the city dashboard issues as many SQL statements for a city with 3 children as for one with 12', async () => {
      const run = async (code: string) => {
        const before = app().sqlCount();
        const res = await app().gql(DASHBOARD, {
          code,
          year: 2022,
          keys: ['applications.new.total', 'grant_rate', 'review_correction_rate'],
          from: 2019,
          to: 2022,
        });
        expect(res.errors).toBeUndefined();
        return { statements: app().sqlCount() - before, children: res.data.compare.length };
      };
      await run(CITY);
      const big = await run(CITY);
      await run(SMALL_CITY);
      const small = await run(SMALL_CITY);
      const zone = await run('370871');
      expect(big.children).toBe(12);
      expect(small.children).toBe(3);
      expect(zone.children).toBe(5);
      expect(small.statements).toBe(big.statements);
      expect(zone.statements).toBe(big.statements);
      expect(big.statements).toBeLessThanOrEqual(6);
    });

    it('a new revision shows in the next query; a consolidated report leaves sums unchanged and its mismatch is a finding', async () => {
      const db = app().db;
      const county = regions.find((r) => r.code === '370830')!;
      const year = 2021;
      const dept = await db
        .getRepository(Agency)
        .findOneOrFail({ where: { regionCode: county.code, kind: 'DEPARTMENT' }, order: { id: 'ASC' } });
      const current = await db.getRepository(Report).findOneOrFail({ where: { agencyId: dept.id, year, current: true, scope: 'OWN' } });
      const cells: Array<{ cell_key: string; value: string | number | null; raw: string }> = await db.query(
        'SELECT cell_key, value, raw FROM report_cell WHERE report_id = ?',
        [current.id],
      );
      const parsed = (over: Record<string, string>): ParsedReport => ({
        edition: current.edition,
        year,
        title: current.title,
        period: current.period,
        publishedOn: current.publishedOn,
        format: 'text',
        cells: Object.fromEntries(
          cells.map((c) => {
            const v = over[c.cell_key] ?? (c.value === null ? null : String(Number(c.value)));
            return [c.cell_key, { value: v, raw: v ?? '', location: {} }];
          }),
        ),
        narratives: [],
        warnings: [],
      });
      const q = `{ county: region(code: "${county.code}") { rollup(year: ${year}) { reportCount n: value(key: "applications.new.natural_person") } } city: region(code: "${CITY}") { rollup(year: ${year}) { n: value(key: "applications.new.natural_person") } } }`;
      const before = (await app().gql(q)).data;
      const old = Number(cells.find((c) => c.cell_key === 'applications.new.natural_person')!.value ?? 0);
      await app().connection.withTransaction(app().ctx(), (tx) =>
        app().services.imports.store(tx, dept, parsed({ 'applications.new.natural_person': String(old + 1000) }), {
          year,
          scope: 'OWN',
          publishedOn: current.publishedOn,
          sourceFormat: 'text',
          sourceName: 'revision.txt',
          sourceHash: 'revision-1',
          sourceText: '',
        }),
      );
      const after = (await app().gql(q)).data;
      expect(after.county.rollup.n).toBe(before.county.rollup.n + 1000);
      expect(after.city.rollup.n).toBe(before.city.rollup.n + 1000);
      expect(after.county.rollup.reportCount).toBe(before.county.rollup.reportCount);

      // A consolidated county report, deliberately not the members' sum.
      const gov = await db.getRepository(Agency).findOneOrFail({ where: { regionCode: county.code, kind: 'GOVERNMENT' } });
      const sumNp = after.county.rollup.n as number;
      const consolidated: ParsedReport = {
        ...parsed({}),
        cells: {
          ...parsed({}).cells,
          'applications.new.natural_person': { value: String(sumNp + 7), raw: String(sumNp + 7), location: {} },
        },
      };
      const { report } = await app().connection.withTransaction(app().ctx(), (tx) =>
        app().services.imports.store(tx, gov, consolidated, {
          year,
          scope: 'CONSOLIDATED',
          publishedOn: null,
          sourceFormat: 'text',
          sourceName: 'consolidated.txt',
          sourceHash: 'consolidated-1',
          sourceText: '',
        }),
      );
      const third = (await app().gql(q)).data;
      expect(third).toEqual(after);
      const findings = await db.getRepository(Finding).find({ where: { reportId: report.id, rule: 'CONSOLIDATED_MISMATCH' } });
      expect(
        findings.some(
          (f) => f.status === 'failed' && JSON.parse(f.cells).some((c: { key: string }) => c.key === 'applications.new.natural_person'),
        ),
      ).toBe(true);
      const check = await app().gql(
        `{ region(code: "${county.code}") { consolidationCheck(year: ${year}) { reportId key expected actual status } } }`,
      );
      expect(check.errors).toBeUndefined();
      expect(check.data.region.consolidationCheck).toContainEqual({
        reportId: String(report.id),
        key: 'applications.new.natural_person',
        expected: sumNp,
        actual: sumNp + 7,
        status: 'failed',
      });
    });

    it('confines every roll-up to the viewer region', async () => {
      const ctx = app().ctx({ id: 't', role: 'ANALYST', regionPath: '/370000/370800/370830/', agencyId: null });
      await expect(app().services.rollups.compare(ctx, '370811', 2020, 'CHILD_REGION', ['applications.new.total'])).rejects.toThrow(
        /jurisdiction/,
      );
      const rows = await app().services.rollups.compare(ctx, CITY, 2020, 'CHILD_REGION', ['applications.new.total']);
      expect(rows.every((r) => r.regionCode!.startsWith('370830'))).toBe(true);
    });
  },
  { env: { RESPONSE_CACHE: 'off' } },
);
