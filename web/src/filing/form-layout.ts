import {
  cellKey,
  derivedParts,
  type ColumnDef,
  type EditionDef,
  type RowDef,
  type TableDef,
  type Unit,
} from '../../../src/shared/editions';
import { headerLevels, SECTION_NUMERALS, sectionNumeral, TEMPLATE_HEADERS } from '../../../src/shared/editions/template-headers';

/**
 * The official tables of an edition as a grid of form cells, laid out as src/render/report-layout.ts
 * lays out the printed template (same headers, spans and row order), with an input where the
 * template prints a figure. The template does not print the derived sums (（三）不予公开 …): each
 * group gets a 小计 row of computed outputs under its rows.
 */
export type FormCell =
  | { kind: 'head'; text: string; colSpan: number; rowSpan: number; scope: 'col' | 'row'; wide?: boolean }
  | { kind: 'input'; key: string; unit: Unit; colSpan: number }
  | { kind: 'output'; key: string; colSpan: number };

export interface FormTable {
  section: number;
  heading: string;
  width: number;
  rows: FormCell[][];
}

const head = (text: string, colSpan = 1, rowSpan = 1): FormCell => ({ kind: 'head', text, colSpan, rowSpan, scope: 'col' });
/** A row's label: names the inputs beside it; `wide` for the row's own label (not a group's). */
const label = (text: string, colSpan = 1, rowSpan = 1, wide = false): FormCell => ({
  kind: 'head',
  text,
  colSpan,
  rowSpan,
  scope: 'row',
  wide,
});

/** Spreads cells over `width` grid columns; the last takes what is left, as the template does. */
function spread(cells: FormCell[], width: number): FormCell[] {
  return cells.map((c, i) => (i === cells.length - 1 ? { ...c, colSpan: width - (cells.length - 1) } : c));
}

/** A column header with its unit where the label does not already say it. */
export function columnHeader(c: ColumnDef): string {
  if (c.unit === 'wan_yuan' && !c.label.includes('万元')) return `${c.label}（万元）`;
  return c.label;
}

function inputs(table: TableDef, row: RowDef, columns: ColumnDef[]): FormCell[] {
  return columns.map((c) => ({ kind: 'input', key: cellKey(table, row.key, c.key), unit: c.unit, colSpan: 1 }));
}

function active(table: TableDef): FormCell[][] {
  const width = 1 + Math.max(...table.blocks.map((b) => b.columns.length));
  const rows: FormCell[][] = [];
  for (const block of table.blocks) {
    if (block.caption) rows.push([head(block.caption, width)]);
    rows.push([
      head(TEMPLATE_HEADERS.activeRowHeader),
      ...spread(
        block.columns.map((c) => head(columnHeader(c))),
        width - 1,
      ),
    ]);
    for (const row of block.rows) rows.push([label(row.label, 1, 1, true), ...spread(inputs(table, row, block.columns), width - 1)]);
  }
  return rows;
}

function applications(edition: EditionDef, table: TableDef): FormCell[][] {
  const { rows: defs, columns } = table.blocks[0];
  const labelWidth = 3;
  const [first, last, middle] = [columns[0], columns[columns.length - 1], columns.slice(1, -1)];
  const rows: FormCell[][] = [
    [head(TEMPLATE_HEADERS.applicationsNote, labelWidth, 3), head(TEMPLATE_HEADERS.applicantsHeader, columns.length)],
    [head(first.label, 1, 2), head(TEMPLATE_HEADERS.legalPersonsHeader, middle.length), head(last.label, 1, 2)],
    middle.map((c) => head(c.label)),
  ];
  const topLevel = (r: RowDef) => new RegExp(`^[${SECTION_NUMERALS.join('')}]+、`).test(r.label);
  const results = defs.filter((r) => !topLevel(r));
  const derived = derivedParts(edition);
  const members = (group: string) => results.filter((r) => r.group === group);
  // A group of one row named as the group itself (2019 （六）其他处理) is that row: no 小计.
  const single = (group: string) =>
    members(group).length === 1 && members(group)[0].label === edition.groups.find((g) => g.key === group)?.label;
  const hasSubtotal = (group: string | undefined) => !!group && !single(group) && derived.has(cellKey(table, group, columns[0].key));
  const subtotals = new Set(results.map((r) => r.group).filter(hasSubtotal));
  for (const row of defs) {
    const labels: FormCell[] = [];
    if (topLevel(row)) labels.push(label(row.label, labelWidth, 1, true));
    else {
      if (row === results[0]) labels.push(label(TEMPLATE_HEADERS.resultsRow, 1, results.length + subtotals.size));
      const group = row.group ? edition.groups.find((g) => g.key === row.group) : undefined;
      if (!group || single(group.key)) labels.push(label(row.label, 2, 1, true));
      else {
        const rowsOf = members(group.key);
        if (row === rowsOf[0]) labels.push(label(group.label, 1, rowsOf.length + (subtotals.has(group.key) ? 1 : 0)));
        labels.push(label(row.label, 1, 1, true));
      }
    }
    rows.push([...labels, ...inputs(table, row, columns)]);
    if (row.group && subtotals.has(row.group) && members(row.group).at(-1) === row)
      rows.push([label('小计'), ...columns.map((c): FormCell => ({ kind: 'output', key: cellKey(table, row.group!, c.key), colSpan: 1 }))]);
  }
  return rows;
}

function lawsuits(table: TableDef): FormCell[][] {
  const { rows: defs, columns } = table.blocks[0];
  const rows: FormCell[][] = headerLevels(columns.map((c) => c.label)).map((level) => level.map((h) => head(h.text, h.colSpan, h.rowSpan)));
  for (const row of defs) rows.push(inputs(table, row, columns));
  return rows;
}

/** The edition's tables in section order, each laid out by its declared layout. */
export function formTables(edition: EditionDef): FormTable[] {
  return [...edition.tables]
    .sort((a, b) => a.section - b.section)
    .map((table) => {
      const rows =
        table.layout === 'single_row'
          ? lawsuits(table)
          : table.blocks.some((b) => b.caption)
            ? active(table)
            : applications(edition, table);
      const width = Math.max(...rows.map((r) => r.reduce((n, c) => n + c.colSpan, 0)));
      return { section: table.section, heading: `${sectionNumeral(table.section)}、${table.heading}`, width, rows };
    });
}
