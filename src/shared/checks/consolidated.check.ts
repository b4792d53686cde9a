import { cellsOf, type EditionDef } from '../editions';
import { findingCell } from './arithmetic.check';
import { cellLabel, listLabels } from './cell-labels';
import { compareDecimals, decimalToNumber, parseDecimal } from '../decimal';
import { RULE_CODES, type CellValues, type Finding } from './finding.types';

/**
 * A consolidated (本级政府 summary) report against the sum of its members' own reports. Every
 * template cell counts things (documents, decisions, applications, cases) or money per organ, so
 * every stored cell is additive across organs; a difference is a warning, since a consolidated
 * report may include organs that published no report of their own.
 *
 * `memberSums` is Σ over members per key (null where no member reported a figure). Without an
 * edition, every key present in both maps is compared and findings name keys, not labels.
 */
export function checkConsolidated(reportValues: CellValues, memberSums: CellValues, edition?: EditionDef): Finding[] {
  const keys = edition ? cellsOf(edition).map((c) => c.key) : Object.keys(reportValues).filter((k) => k in memberSums);
  const label = (k: string) => (edition ? cellLabel(edition, k) : k);
  const out: Finding[] = [];
  const open: string[] = [];
  for (const key of keys) {
    const own = reportValues[key] == null ? null : parseDecimal(reportValues[key]!);
    const sum = memberSums[key] == null ? null : parseDecimal(memberSums[key]!);
    if (own === null && sum === null) continue;
    if (own === null || sum === null) {
      open.push(key);
      continue;
    }
    if (compareDecimals(own, sum) === 0) continue;
    out.push({
      rule: RULE_CODES.consolidatedMismatch,
      severity: 'warning',
      status: 'failed',
      cells: [findingCell(key, reportValues[key])],
      expected: decimalToNumber(sum),
      actual: decimalToNumber(own),
      message: `汇总报告${label(key)} 应为 ${memberSums[key]}（各成员单位报告之和），实为 ${reportValues[key]}`,
    });
  }
  if (open.length > 0)
    out.push({
      rule: RULE_CODES.consolidatedMismatch,
      severity: 'info',
      status: 'not_assessable',
      cells: open.map((k) => findingCell(k, reportValues[k])),
      expected: null,
      actual: null,
      message: `汇总报告与成员单位报告一方空白，无法核对：${listLabels(open.map(label))}`,
    });
  return out;
}
