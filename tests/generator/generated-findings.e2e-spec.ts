import { checkCarryOver, checkConsolidated, checkReport, type CellValues, type Finding } from '../../src/shared/checks';
import { canonical, sumDecimals } from '../../src/shared/decimal';
import { cellsOf, getEdition, type EditionId } from '../../src/shared/editions';
import { generate, type GenerateManifest } from '../../src/generator/generator';
import { Prng } from '../../src/generator/prng';
import type { ParsedReport } from '../../src/shared/parsed-report';
import { describeEachEngine, type TestApp } from '../support/test-app';

const CITY = '370800';
const SEED_AGENCY = '济宁市公共资源交易服务中心汶上分中心';

interface StoredReport {
  id: number;
  agencyId: number;
  year: number;
  edition: EditionId;
  scope: 'OWN' | 'CONSOLIDATED';
  title: string;
  period: string;
  publishedOn: string | null;
  regionPath: string;
}

/** A finding as comparable text: what the rule said, of which cells, with which figures. */
const shape = (f: Pick<Finding, 'rule' | 'severity' | 'status' | 'message'> & { cells: unknown; expected: unknown; actual: unknown }) =>
  JSON.stringify([
    f.rule,
    f.severity,
    f.status,
    typeof f.cells === 'string' ? JSON.parse(f.cells) : f.cells,
    f.expected == null ? null : Number(f.expected),
    f.actual == null ? null : Number(f.actual),
    f.message,
  ]);

/** Read back from the tables with plain SQL, independently of the generator and the roll-ups. */
function store(app: TestApp) {
  const q = (sql: string, params: unknown[] = []) => app.db.query(sql, params);
  return {
    async reports(): Promise<StoredReport[]> {
      const rows = await q(
        `SELECT r.id, r.agency_id, r.year, r.edition, r.scope, r.title, r.period, r.published_on, a.region_path FROM report r JOIN agency a ON a.id = r.agency_id
          WHERE r.current = 1 AND a.region_path LIKE ? ORDER BY r.id`,
        [`/370000/${CITY}/%`],
      );
      return rows.map((r: any) => ({
        id: Number(r.id),
        agencyId: Number(r.agency_id),
        year: Number(r.year),
        edition: r.edition,
        scope: r.scope,
        title: r.title,
        period: r.period,
        publishedOn: r.published_on,
        regionPath: r.region_path,
      }));
    },
    async values(reportId: number): Promise<CellValues> {
      const rows = await q('SELECT cell_key, value FROM report_cell WHERE report_id = ?', [reportId]);
      return Object.fromEntries(rows.map((r: any) => [r.cell_key, canonical(r.value)]));
    },
    async findings(reportId: number, rule?: string): Promise<string[]> {
      const rows = await q(
        `SELECT rule, severity, status, cells, expected, actual, message FROM finding WHERE report_id = ?${rule ? ' AND rule = ?' : ''}`,
        rule ? [reportId, rule] : [reportId],
      );
      return rows.map(shape).sort();
    },
    /** Σ of the current own reports under a region, key by key, summed exactly here (SQLite's SUM is a float); blank where no member has a figure. */
    async memberSums(regionPath: string, year: number, keys: string[]): Promise<CellValues> {
      const rows = await q(
        `SELECT c.cell_key, c.value FROM report_cell c JOIN report r ON r.id = c.report_id JOIN agency a ON a.id = r.agency_id
          WHERE r.current = 1 AND r.scope = 'OWN' AND r.year = ? AND a.region_path LIKE ?`,
        [year, `${regionPath}%`],
      );
      const by = new Map<string, Array<string | null>>();
      for (const r of rows) by.set(r.cell_key, [...(by.get(r.cell_key) ?? []), canonical(r.value)]);
      return Object.fromEntries(keys.map((k) => [k, sumDecimals(by.get(k) ?? [])]));
    },
  };
}

const parsedOf = (r: StoredReport, values: CellValues): ParsedReport => ({
  edition: r.edition,
  year: r.year,
  title: r.title,
  period: r.period,
  publishedOn: r.publishedOn,
  format: 'text',
  cells: Object.fromEntries(Object.entries(values).map(([k, v]) => [k, { value: v ?? null, raw: v ?? '', location: {} }])),
  narratives: [],
  warnings: [],
});

describeEachEngine(
  'a generated city stores the findings of its checks',
  (app) => {
    let manifest: GenerateManifest;
    let reports: StoredReport[];
    let seedReport: StoredReport;
    const series = (r: StoredReport, year: number) =>
      reports.find((x) => x.agencyId === r.agencyId && x.scope === r.scope && x.year === year);

    beforeAll(async () => {
      manifest = await generate(app().connection, {
        region: CITY,
        fromYear: 2019,
        toYear: 2021,
        seed: 8,
        departments: 4,
        institutions: 2,
        defectRate: 0.05,
      });
      reports = await store(app()).reports();
      const [seed] = await app().db.query(
        'SELECT r.id FROM report r JOIN agency a ON a.id = r.agency_id WHERE a.name = ? AND r.source_hash NOT LIKE ?',
        [SEED_AGENCY, 'generated:%'],
      );
      seedReport = reports.find((r) => r.id === Number(seed.id))!;
    });

    it('stores, for a sample of generated reports, exactly the findings checkReport gives for their stored cells', async () => {
      const s = store(app());
      const generated = reports.filter((r) => r.id !== seedReport.id);
      const rng = new Prng(99);
      const defectIds = new Set(manifest.defects.map((d) => d.reportId));
      // Every report with a planted defect, every consolidated report of a year, and a random sample of the rest.
      const sample = generated.filter((r) => defectIds.has(r.id) || (r.scope === 'CONSOLIDATED' && r.year === 2020) || rng.chance(0.08));
      expect(sample.length).toBeGreaterThan(80);
      let nonEmpty = 0;
      for (const r of sample) {
        const values = await s.values(r.id);
        const prev = series(r, r.year - 1);
        const expected = checkReport(parsedOf(r, values), { importYear: r.year, previous: prev ? await s.values(prev.id) : undefined });
        if (r.scope === 'CONSOLIDATED') {
          const edition = getEdition(r.edition);
          expected.push(
            ...checkConsolidated(
              values,
              await s.memberSums(
                r.regionPath,
                r.year,
                cellsOf(edition).map((c) => c.key),
              ),
              edition,
            ),
          );
        }
        expect({ report: r.id, findings: await s.findings(r.id) }).toEqual({ report: r.id, findings: expected.map(shape).sort() });
        if (expected.length) nonEmpty++;
      }
      expect(nonEmpty).toBeGreaterThan(defectIds.size / 2);
    });

    it('records a finding of the planted rule on the changed cell of every report with a planted defect', async () => {
      expect(manifest.defects.length).toBeGreaterThan(5);
      for (const d of manifest.defects) {
        // The carry-over defect moves both ends of the year: it shows on this report against last year's, when there is one.
        const r = reports.find((x) => x.id === d.reportId)!;
        if (d.rule === 'CARRY_OVER_MISMATCH' && !series(r, d.year - 1)) continue;
        const rows = await app().db.query('SELECT status, cells FROM finding WHERE report_id = ? AND rule = ?', [d.reportId, d.rule]);
        const hit = rows
          .map((f: any) => ({ status: f.status, cells: JSON.parse(f.cells) as Array<{ key: string; value: number | null }> }))
          .find((f: any) => f.cells.some((c: any) => c.key === d.key));
        // Failed, unless a blank cell of the rule leaves it open (a blank is not a zero).
        const want = hit?.cells.some((c: { value: number | null }) => c.value === null) ? 'not_assessable' : 'failed';
        expect({ defect: d, status: hit?.status }).toEqual({ defect: d, status: want });
      }
    });

    it('re-checks the filed seed report against the generated year before it, as an import would', async () => {
      const s = store(app());
      // Generation seed 8 files the seed agency's 2019 (seed 7 plants it missing).
      const prev = series(seedReport, seedReport.year - 1);
      expect(prev).toBeDefined();
      const expected = checkCarryOver(await s.values(prev!.id), await s.values(seedReport.id), getEdition(seedReport.edition));
      expect(await s.findings(seedReport.id, 'CARRY_OVER_MISMATCH')).toEqual(expected.map(shape).sort());
      // The generated year after the seed report is checked against the seed report's stored cells.
      const next = series(seedReport, seedReport.year + 1)!;
      const carried = checkCarryOver(await s.values(seedReport.id), await s.values(next.id), getEdition(next.edition));
      expect(await s.findings(next.id, 'CARRY_OVER_MISMATCH')).toEqual(carried.map(shape).sort());
    });

    it('shows the stored findings through the endpoint, and counts them in the manifest', async () => {
      const [{ n }] = await app().db.query(
        'SELECT COUNT(*) AS n FROM finding f JOIN report r ON r.id = f.report_id WHERE r.source_hash LIKE ?',
        ['generated:%'],
      );
      expect(Number(n)).toBeGreaterThan(0);
      const res = await app().gql(`{ findings(filter: { regionCode: "${CITY}" }, first: 1) { totalCount byRule { key count } } }`);
      expect(res.errors).toBeUndefined();
      const [{ total }] = await app().db.query(
        'SELECT COUNT(*) AS total FROM finding f JOIN report r ON r.id = f.report_id AND r.current = 1',
      );
      expect(res.data.findings.totalCount).toBe(Number(total));
      // The manifest counts what this run stored: the generated reports' findings and the seed report's new carry-over ones.
      const [{ seednew }] = await app().db.query(
        "SELECT COUNT(*) AS seednew FROM finding WHERE report_id = ? AND rule = 'CARRY_OVER_MISMATCH'",
        [seedReport.id],
      );
      expect(manifest.findings).toBe(Number(n) + Number(seednew));
    });
  },
  // The roll-up rebuild after generation is one statement: on a shared machine it can pass MariaDB's default 8 s.
  { seed: true, env: { RESPONSE_CACHE: 'off' } },
);
