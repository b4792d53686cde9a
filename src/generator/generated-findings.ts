import { checkCarryOver, RULE_CODES, type CellValues, type Finding } from '../shared/checks';
import type { BulkReport } from '../data/bulk-report.repository';
import type { Repositories } from '../data/repositories';
import { cellsOf, getEdition, type EditionId } from '../shared/editions';
import type { ParsedReport } from '../shared/parsed-report';
import { checkAgainstMembers } from '../rollup/rollup.service';
import type { CheckJob } from './check-thread';

type Scope = BulkReport['scope'];
interface Stored {
  reportId: number;
  edition: string;
  values: CellValues;
}

const series = (agencyId: number, scope: Scope) => `${agencyId}|${scope}`;

/**
 * The findings a generated report gets, from the real checks (src/shared/checks) run on its values as the
 * store gives them back, exactly as an import would record them (FindingService.recordChecks): the
 * single-report checks, carry-over against the same series' previous year, the next year re-checked
 * when it was filed before, and consolidated reports against their members' sums once the roll-ups
 * are rebuilt (the write hook's check, on the final sums).
 */
export class GeneratedFindings {
  /** Series → year → its values: generated ones as they are made, filed ones read first. */
  private readonly byYear = new Map<string, Map<number, Stored>>();
  /** Findings of filed reports to replace (their carry-over), by report id. */
  readonly recheck = new Map<number, Finding[]>();
  private readonly consolidated: Array<{ reportId: number; edition: string; regionCode: string; year: number; values: CellValues }> = [];

  /**
   * Reads the filed neighbours of the years to be generated (seed reports, an earlier run): each
   * `years` lists the filed years of one series next to a year it lacks.
   */
  async loadFiled(repos: Repositories, wanted: Array<{ agencyId: number; scope: Scope; years: number[] }>): Promise<void> {
    for (const w of wanted)
      for (const [year, e] of await repos.reports.currentValuesIn(w.agencyId, w.years, w.scope))
        this.remember(w.agencyId, w.scope, year, { reportId: e.report.id, edition: e.report.edition, values: e.values });
  }

  private remember(agencyId: number, scope: Scope, year: number, s: Stored): void {
    const k = series(agencyId, scope);
    let m = this.byYear.get(k);
    if (!m) this.byYear.set(k, (m = new Map()));
    m.set(year, s);
  }

  /** What checkReport is to be run on for one generated report; remembers its values for next year's carry-over. */
  job(report: BulkReport, values: CellValues, regionCode: string): CheckJob {
    const k = series(report.agencyId, report.scope);
    const previous = this.byYear.get(k)?.get(report.year - 1);
    const next = this.byYear.get(k)?.get(report.year + 1);
    this.remember(report.agencyId, report.scope, report.year, { reportId: report.id, edition: report.edition, values });
    const parsed: ParsedReport = {
      edition: report.edition as EditionId,
      year: report.year,
      title: report.title,
      period: report.period,
      publishedOn: report.publishedOn,
      format: 'text',
      cells: {},
      narratives: [],
      warnings: [],
    };
    for (const [key, value] of Object.entries(values))
      parsed.cells[key] = { value: value ?? null, raw: value ?? '', location: { file: report.sourceHash } };
    // A filed next year (seed reports) is checked again against this one, as an import does.
    if (next) this.recheck.set(next.reportId, checkCarryOver(values, next.values, getEdition(next.edition)));
    if (report.scope === 'CONSOLIDATED')
      this.consolidated.push({ reportId: report.id, edition: report.edition, regionCode, year: report.year, values });
    return { parsed, opts: { importYear: report.year, previous: previous?.values } };
  }

  /** Replaces the carry-over findings of filed reports whose previous year was generated. */
  async storeRechecks(repos: Repositories): Promise<number> {
    let stored = 0;
    for (const [id, findings] of this.recheck) {
      await repos.findings.deleteRule([id], RULE_CODES.carryOverMismatch);
      await repos.findings.insertFor(id, findings);
      stored += findings.length;
    }
    return stored;
  }

  /** Each generated consolidated report against Σ of its region's own reports as rolled up (call after the rebuild). */
  async storeConsolidation(repos: Repositories): Promise<number> {
    let stored = 0;
    const years = [...new Set(this.consolidated.map((c) => c.year))];
    for (const year of years) {
      const mine = this.consolidated.filter((c) => c.year === year);
      const keys = [...new Set(mine.flatMap((c) => cellsOf(getEdition(c.edition)).map((x) => x.key)))];
      const sums = new Map(
        (await repos.rollupReads.regionSums([...new Set(mine.map((c) => c.regionCode))], [year], keys)).map((s) => [
          `${s.regionCode}|${s.key}`,
          s,
        ]),
      );
      for (const c of mine) {
        const findings = checkAgainstMembers(c.values, getEdition(c.edition), (k) => sums.get(`${c.regionCode}|${k}`));
        await repos.findings.insertFor(c.reportId, findings);
        stored += findings.length;
      }
    }
    return stored;
  }
}
