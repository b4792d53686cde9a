import { cellKey, tableOf, type EditionDef } from '../editions';
import { findingCell } from './arithmetic.check';
import { cellLabel } from './cell-labels';
import { compareDecimals, decimalToNumber } from '../decimal';
import { exactValue } from './exact-values';
import { RULE_CODES, type CellValues, type Finding } from './finding.types';

/**
 * The edition's carry-over pairs (docs/format.md): what last year's report carried forward
 * (四、结转下年度继续办理) is what this year's report carried over (二、上年结转…), column by column,
 * for the same organ. The finding's `from` cell is the previous report's, its `to` cell this report's. Soft: organs
 * re-count and re-assign applications between years, so a mismatch is a warning.
 */
export function checkCarryOver(prevValues: CellValues, values: CellValues, edition: EditionDef): Finding[] {
  const out: Finding[] = [];
  for (const pair of edition.carryOver) {
    const table = tableOf(edition, pair.table);
    out.push(
      ...carryPair(
        prevValues,
        values,
        edition,
        (col) => [cellKey(table, pair.from, col), cellKey(table, pair.to, col)],
        table.blocks[0].columns.map((c) => c.key),
      ),
    );
  }
  return out;
}

function carryPair(
  prevValues: CellValues,
  values: CellValues,
  edition: EditionDef,
  keys: (col: string) => [string, string],
  columns: string[],
): Finding[] {
  const out: Finding[] = [];
  for (const col of columns) {
    const [prevKey, curKey] = keys(col);
    const prev = exactValue(prevValues, prevKey);
    const cur = exactValue(values, curKey);
    const cells = [findingCell(prevKey, prevValues[prevKey]), findingCell(curKey, values[curKey])];
    const what = `上年报告“${cellLabel(edition, prevKey)}”与本年“${cellLabel(edition, curKey)}”`;
    if (prev === null || cur === null) {
      out.push({
        rule: RULE_CODES.carryOverMismatch,
        severity: 'info',
        status: 'not_assessable',
        cells,
        expected: prev === null ? null : decimalToNumber(prev),
        actual: cur === null ? null : decimalToNumber(cur),
        message: `${what}：${prev === null ? '上年' : '本年'}空白，无法核对`,
      });
      continue;
    }
    if (compareDecimals(prev, cur) === 0) continue;
    out.push({
      rule: RULE_CODES.carryOverMismatch,
      severity: 'warning',
      status: 'failed',
      cells,
      expected: decimalToNumber(prev),
      actual: decimalToNumber(cur),
      message: `${what}应相等：上年结转下年度 ${prevValues[prevKey]}，本年上年结转 ${values[curKey]}`,
    });
  }
  return out;
}
