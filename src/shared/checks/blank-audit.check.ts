import { sectionNumeral } from '../editions/template-headers';
import { cellsOf, type CellDef, type EditionDef } from '../editions';
import { cellLabel, listLabels } from './cell-labels';
import { RULE_CODES, type CellValues, type Finding } from './finding.types';

/** An edition's cells by table, grouped once. */
const byTable = new WeakMap<EditionDef, Map<string, CellDef[]>>();
function tableCells(edition: EditionDef): Map<string, CellDef[]> {
  let out = byTable.get(edition);
  if (!out) {
    out = new Map();
    for (const c of cellsOf(edition)) out.set(c.table.id, [...(out.get(c.table.id) ?? []), c]);
    byTable.set(edition, out);
  }
  return out;
}

/**
 * Blank cells per table. Blank is not zero (docs/format.md), so every blank leaves rules open; a whole
 * blank table (雄县 2019 published an unfilled template) is said as such.
 */
export function checkBlankCells(edition: EditionDef, values: CellValues): Finding[] {
  const out: Finding[] = [];
  for (const table of edition.tables) {
    const cells = tableCells(edition).get(table.id) ?? [];
    const blank = cells.filter((c) => values[c.key] == null);
    if (blank.length === 0) continue;
    const name = `表${sectionNumeral(table.section)}（${table.heading}）`;
    const whole = blank.length === cells.length;
    out.push({
      rule: RULE_CODES.blankCells,
      severity: 'info',
      status: 'not_assessable',
      cells: blank.map((c) => ({ key: c.key, value: null })),
      expected: cells.length,
      actual: cells.length - blank.length,
      message: whole
        ? `${name}整表空白（${cells.length}个单元格均未填写）`
        : `${name}有${blank.length}/${cells.length}个单元格空白：${listLabels(blank.map((c) => cellLabel(edition, c.key)))}`,
    });
  }
  return out;
}
