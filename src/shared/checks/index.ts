import { getEdition } from '../editions';
import type { ParsedReport } from '../parsed-report';
import { checkArithmetic, checkUnits } from './arithmetic.check';
import { checkBlankCells } from './blank-audit.check';
import { checkCarryOver } from './carry-over.check';
import { exactCell } from './exact-values';
import type { CellValues, Finding, Severity } from './finding.types';
import { checkNarrative } from './narrative.check';
import { checkPeriod } from './period.check';

export * from './finding.types';
export { expandRules, checkArithmetic, checkUnits, type ConcreteRule } from './arithmetic.check';
export { checkNarrative, normalizeNarrative } from './narrative.check';
export { checkPeriod } from './period.check';
export { checkBlankCells } from './blank-audit.check';
export { checkCarryOver } from './carry-over.check';
export { checkConsolidated } from './consolidated.check';
export { buildConsistentValues, blankValues } from './consistent-values';
export { cellLabel, cellLabels } from './cell-labels';

export interface CheckOptions {
  /** The year the report is imported under (CLI --year, the listing it was found in). */
  importYear?: number;
  /** The same organ's previous-year values, for the carry-over check. */
  previous?: CellValues;
}

/** The cell values of a parsed report, as the checks take them. */
export function cellValues(parsed: Pick<ParsedReport, 'cells'>): Record<string, string | null> {
  // A plain loop (same keys, same order as Object.entries): this runs for every report checked.
  const out: Record<string, string | null> = {};
  for (const k of Object.keys(parsed.cells)) out[k] = parsed.cells[k].value;
  return out;
}

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Errors first; Array.prototype.sort is stable, so within a severity findings keep check order. */
export function bySeverity(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
}

/** Layout facts a reader reported (ParsedReport.notices): each is a failed warning of its rule. */
export function checkNotices(parsed: Pick<ParsedReport, 'notices'>, values: CellValues): Finding[] {
  return (parsed.notices ?? []).map((n) => ({
    rule: n.rule,
    severity: 'warning' as const,
    status: 'failed' as const,
    cells: (n.cells ?? []).map((k) => exactCell(values, k)),
    expected: null,
    actual: null,
    message: n.message,
  }));
}

/**
 * Every single-report check (plus carry-over when the previous year is given), errors first. Each
 * cell's decimal is parsed once and shared by the checks (exact-values.ts).
 */
/**
 * A report's single-report findings (checkReport without `previous`, e.g. from a parse thread) with
 * the carry-over against the previous year's values added: what checkReport with `previous` gives.
 */
export function withCarryOver(
  single: Finding[],
  parsed: Pick<ParsedReport, 'cells' | 'edition'>,
  previous: CellValues | undefined,
): Finding[] {
  return previous ? bySeverity([...single, ...checkCarryOver(previous, cellValues(parsed), getEdition(parsed.edition))]) : single;
}

export function checkReport(parsed: ParsedReport, opts: CheckOptions = {}): Finding[] {
  const edition = getEdition(parsed.edition);
  const values = cellValues(parsed);
  const findings = [
    ...checkUnits(edition, values),
    ...checkArithmetic(edition, values),
    ...checkNarrative(edition, parsed.narratives, values),
    ...checkPeriod(parsed, opts.importYear),
    ...checkBlankCells(edition, values),
    ...checkNotices(parsed, values),
    ...(opts.previous ? checkCarryOver(opts.previous, values, edition) : []),
  ];
  return bySeverity(findings);
}
