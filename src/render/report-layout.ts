import { cellKey, getEdition, type ColumnDef, type EditionDef, type RowDef, type TableDef } from '../shared/editions';
import { cellText } from './cell-text';
import type { RenderInput } from './render-input';
import { headerLevels, SECTION_NUMERALS, sectionNumeral, TEMPLATE_HEADERS } from '../shared/editions/template-headers';

/** A cell where it starts; rows it spans below carry nothing for it (HTML's model). */
export interface LayoutCell {
  text: string;
  colSpan: number;
  rowSpan: number;
  header: boolean;
}

export interface LayoutTable {
  /** Grid columns. */
  width: number;
  rows: LayoutCell[][];
}

export type LayoutBlock =
  | { kind: 'title'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'table'; table: LayoutTable };

/** The rendered document, format-neutral: HTML and DOCX writers only spell it out. */
export interface ReportLayout {
  title: string;
  blocks: LayoutBlock[];
}

const head = (text: string, colSpan = 1, rowSpan = 1): LayoutCell => ({ text, colSpan, rowSpan, header: true });
const data = (text: string, colSpan = 1): LayoutCell => ({ text, colSpan, rowSpan: 1, header: false });

/** Spreads n cells over `width` grid columns; the last takes what is left, as the template does. */
function spread(cells: LayoutCell[], width: number): LayoutCell[] {
  return cells.map((c, i) => (i === cells.length - 1 ? { ...c, colSpan: width - (cells.length - 1) } : c));
}

class LayoutBuilder {
  constructor(
    private readonly edition: EditionDef,
    private readonly input: RenderInput,
  ) {}

  private value(table: TableDef, row: RowDef, col: ColumnDef): LayoutCell {
    return data(cellText(this.input.cells[cellKey(table, row.key, col.key)], col.unit));
  }

  /** Section 二: per block a caption row, a header row and the data rows, on one grid. */
  active(table: TableDef): LayoutTable {
    const width = 1 + Math.max(...table.blocks.map((b) => b.columns.length));
    const rows: LayoutCell[][] = [];
    for (const block of table.blocks) {
      if (block.caption) rows.push([head(block.caption, width)]);
      rows.push([
        head(TEMPLATE_HEADERS.activeRowHeader),
        ...spread(
          block.columns.map((c) => head(c.label)),
          width - 1,
        ),
      ]);
      for (const row of block.rows)
        rows.push([
          head(row.label),
          ...spread(
            block.columns.map((c) => this.value(table, row, c)),
            width - 1,
          ),
        ]);
    }
    return { width, rows };
  }

  /** Section 三: three header rows, then rows labelled over three merged label columns. */
  applications(table: TableDef): LayoutTable {
    const { rows: defs, columns } = table.blocks[0];
    const labelWidth = 3;
    const width = labelWidth + columns.length;
    const [first, last, middle] = [columns[0], columns[columns.length - 1], columns.slice(1, -1)];
    const rows: LayoutCell[][] = [
      [head(TEMPLATE_HEADERS.applicationsNote, labelWidth, 3), head(TEMPLATE_HEADERS.applicantsHeader, columns.length)],
      [head(first.label, 1, 2), head(TEMPLATE_HEADERS.legalPersonsHeader, middle.length), head(last.label, 1, 2)],
      middle.map((c) => head(c.label)),
    ];
    // Rows numbered "一、" stand alone; the rows between them are the 办理结果 under one merged label.
    const topLevel = (r: RowDef) => new RegExp(`^[${SECTION_NUMERALS.join('')}]+、`).test(r.label);
    const results = defs.filter((r) => !topLevel(r));
    const groupRows = (key: string) => results.filter((r) => r.group === key);
    for (const row of defs) {
      const labels: LayoutCell[] = [];
      if (topLevel(row)) labels.push(head(row.label, labelWidth));
      else {
        if (row === results[0]) labels.push(head(TEMPLATE_HEADERS.resultsRow, 1, results.length));
        const group = row.group ? this.edition.groups.find((g) => g.key === row.group) : undefined;
        const members = group ? groupRows(group.key) : [];
        // A group of one row named as the group itself (2019 （六）其他处理) is that row.
        if (!group || (members.length === 1 && members[0].label === group.label)) labels.push(head(row.label, 2));
        else {
          if (row === members[0]) labels.push(head(group.label, 1, members.length));
          labels.push(head(row.label));
        }
      }
      rows.push([...labels, ...columns.map((c) => this.value(table, row, c))]);
    }
    return { width, rows };
  }

  /** Section 四: header levels from the column labels ("行政诉讼·未经复议直接起诉·结果维持"), one data row. */
  lawsuits(table: TableDef): LayoutTable {
    const { rows: defs, columns } = table.blocks[0];
    const rows: LayoutCell[][] = headerLevels(columns.map((c) => c.label)).map((level) =>
      level.map((h) => head(h.text, h.colSpan, h.rowSpan)),
    );
    for (const row of defs) rows.push(columns.map((c) => this.value(table, row, c)));
    return { width: columns.length, rows };
  }

  /** Laid out by the table's declared layout: one row of values (四), captioned blocks (二), or labelled rows (三). */
  table(table: TableDef): LayoutTable {
    if (table.layout === 'single_row') return this.lawsuits(table);
    return table.blocks.some((b) => b.caption) ? this.active(table) : this.applications(table);
  }

  /** `checkpoint` runs before each table and throws to stop (a request past its deadline). */
  build(checkpoint: Checkpoint = () => undefined): ReportLayout {
    const title = this.input.title?.trim() || `${this.input.agencyName}${this.input.year}年${this.edition.titleSuffix}`;
    const blocks: LayoutBlock[] = [{ kind: 'title', text: title }];
    for (const section of this.edition.sections) {
      blocks.push({ kind: 'heading', text: `${sectionNumeral(section.number)}、${section.heading}` });
      const text = this.input.narratives
        .filter((n) => n.section === section.number)
        .map((n) => n.text)
        .join('\n');
      for (const line of text.split(/\r?\n/)) if (line.trim()) blocks.push({ kind: 'paragraph', text: line.trim() });
      for (const table of this.edition.tables.filter((t) => t.section === section.number)) {
        checkpoint();
        blocks.push({ kind: 'table', table: this.table(table) });
      }
    }
    return { title, blocks };
  }
}

/** Called between the parts of a render; throws to stop it. */
export type Checkpoint = () => void;

export function layoutReport(input: RenderInput, checkpoint?: Checkpoint): ReportLayout {
  const edition = typeof input.edition === 'string' ? getEdition(input.edition) : input.edition;
  return new LayoutBuilder(edition, input).build(checkpoint);
}
