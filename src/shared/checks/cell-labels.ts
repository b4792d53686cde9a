import { cellsOf, type EditionDef, type RowDef, type TableDef } from '../editions';
import { SECTION_NUMERALS } from '../editions/template-headers';

/** Labels as a reader of the report names cells ("三（七）总计·自然人"), built from the edition's own labels. */

const TOP_LEVEL = /^([一二三四五六七八九十]+)、/u;
const SUB_NUMBER = /^[（(][一二三四五六七八九十]+[)）]/u;

/** The shortest spelling of a row label: "（二）部分公开" rather than the template's long instruction. */
function shortest(label: string, variants: string[] = []): string {
  return [label, ...variants].reduce((a, b) => (b.length < a.length && b.length > 0 ? b : a));
}

/**
 * Row labels of a table with their numbering context: result rows sit under the unstored
 * "三、本年度办理结果" row (the numeral after the preceding top-level row), reason rows under their
 * group's "（三）" numbering.
 */
function rowLabels(edition: EditionDef, table: TableDef): Map<string, string> {
  const out = new Map<string, string>();
  for (const block of table.blocks) {
    let lastTop = -1;
    for (const row of block.rows) {
      const top = TOP_LEVEL.exec(row.label);
      if (top) {
        lastTop = SECTION_NUMERALS.indexOf(top[1]);
        out.set(row.key, shortest(row.label, row.variants));
        continue;
      }
      out.set(row.key, subLabel(edition, row, lastTop));
    }
  }
  return out;
}

function subLabel(edition: EditionDef, row: RowDef, lastTop: number): string {
  const parent = lastTop >= 0 ? (SECTION_NUMERALS[lastTop + 1] ?? '') : '';
  const group = row.group ? edition.groups.find((g) => g.key === row.group) : undefined;
  const groupNumber = group && !SUB_NUMBER.test(row.label) ? (SUB_NUMBER.exec(group.label)?.[0] ?? '') : '';
  return parent + groupNumber + shortest(row.label, row.variants);
}

const labelCache = new Map<string, Map<string, string>>();

/** Display label of every stored cell of an edition, by key. */
export function cellLabels(edition: EditionDef): Map<string, string> {
  let labels = labelCache.get(edition.id);
  if (!labels) {
    labels = new Map();
    const rows = new Map(edition.tables.map((t) => [t.id, rowLabels(edition, t)]));
    for (const c of cellsOf(edition)) {
      const rowLabel = rows.get(c.table.id)!.get(c.row.key) ?? c.row.label;
      labels.set(c.key, [rowLabel, c.column.label].filter(Boolean).join('·'));
    }
    labelCache.set(edition.id, labels);
  }
  return labels;
}

export function cellLabel(edition: EditionDef, key: string): string {
  return cellLabels(edition).get(key) ?? key;
}

/** "a、b、c" for a few labels, "a、b、c等12个单元格" beyond that: messages stay readable. */
export function listLabels(labels: string[], max = 5): string {
  return labels.length <= max ? labels.join('、') : `${labels.slice(0, max).join('、')}等${labels.length}个单元格`;
}
