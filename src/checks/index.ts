import { getEdition } from '../editions';
import type { ParsedReport } from '../ingest/parsed-report';
import { checkArithmetic, checkUnits } from './arithmetic.check';
import { checkBlankCells } from './blank-audit.check';
import { checkCarryOver } from './carry-over.check';
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
  return Object.fromEntries(Object.entries(parsed.cells).map(([k, c]) => [k, c.value]));
}

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Every single-report check (plus carry-over when the previous year is given), errors first. */
export function checkReport(parsed: ParsedReport, opts: CheckOptions = {}): Finding[] {
  const edition = getEdition(parsed.edition);
  const values = cellValues(parsed);
  const findings = [
    ...checkUnits(edition, values),
    ...checkArithmetic(edition, values),
    ...checkNarrative(edition, parsed.narratives, values),
    ...checkPeriod(parsed, opts.importYear),
    ...checkBlankCells(edition, values),
    ...(opts.previous ? checkCarryOver(opts.previous, values, edition) : []),
  ];
  // Array.prototype.sort is stable: within a severity, findings keep check order.
  return findings.sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
}
