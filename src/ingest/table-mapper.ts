import { cellKey, type BlockDef, type ColumnDef, type RowDef, type TableDef } from '../editions';
import { coreLabel, normalizeLabel } from '../editions/label';
import { ReportParseError, type SourceLocation } from '../common/errors';
import { parseCellText } from './cell-value';
import type { ParsedCell } from './parsed-report';
import type { DocCell, DocRow } from './report-document';

const isBlank = (c: DocCell) => c.text.replace(/[\s\u3000\u00a0\u200b\ufeff]/g, '') === '';

/** A label holds Chinese text that does not read as a figure ("251000元" and "减少22" are figures). */
function isLabelCell(c: DocCell): boolean {
  if (isBlank(c) || !/[\u3400-\u9fff]/u.test(c.text)) return false;
  return !parseCellText(c.text, 'wan_yuan').ok && !parseCellText(c.text, 'signed_count').ok;
}

function rowLabels(row: RowDef): string[] {
  return [row.label, ...(row.variants ?? [])].map(coreLabel).filter((l) => l.length > 0);
}

export interface MappedTable {
  cells: Record<string, ParsedCell>;
  warnings: string[];
}

/** Maps a table's rows onto an edition table definition; throws ReportParseError naming the place. */
export class TableMapper {
  private readonly cells: Record<string, ParsedCell> = {};
  private readonly warnings: string[] = [];

  constructor(
    private readonly table: TableDef,
    private readonly file?: string,
  ) {}

  map(rows: DocRow[]): MappedTable {
    // The edition declares how each table is laid out (docs/format.md).
    if (this.table.layout === 'single_row') this.mapSingleRow(rows);
    else this.mapLabelledRows(rows);
    return { cells: this.cells, warnings: this.warnings };
  }

  private loc(row: string | undefined, column: string | undefined, line?: number, page?: number): SourceLocation {
    return { file: this.file, section: this.table.section, row, column, line, page };
  }

  /** `labelled_rows` (二, 三): each data row starts with its label; values follow in column order. */
  private mapLabelledRows(rows: DocRow[]): void {
    const blocks = this.table.blocks;
    const expected: Array<{ block: BlockDef; row: RowDef; labels: string[] }> = blocks.flatMap((block) =>
      block.rows.map((row) => ({ block, row, labels: rowLabels(row) })),
    );
    const seen = new Set<string>();
    let pointer = 0;
    let currentBlock: BlockDef | undefined;
    for (const docRow of rows) {
      const labelCells = docRow.cells.filter(isLabelCell);
      if (labelCells.length === 0) continue;
      const joined = normalizeLabel(labelCells.map((c) => c.text).join(''));
      const captionBlock = blocks.find((b) => b.caption && joined.includes(normalizeLabel(b.caption)));
      if (captionBlock) {
        currentBlock = captionBlock;
        continue;
      }
      const match = this.findRow(expected, pointer, labelCells, currentBlock);
      if (!match) {
        const hasNumbers = docRow.cells.some((c) => !isBlank(c) && !isLabelCell(c));
        if (hasNumbers)
          this.warnings.push(`section ${this.table.section}: row "${labelCells.map((c) => c.text.trim()).join(' ')}" is not in the template and was not mapped`);
        continue;
      }
      pointer = match.index + 1;
      seen.add(match.row.key);
      currentBlock = match.block;
      this.takeValues(docRow, match.row, match.block.columns);
    }
    for (const e of expected)
      if (!seen.has(e.row.key))
        throw new ReportParseError(`row missing from the table`, this.loc(e.row.label, undefined, rows[0]?.line));
  }

  private findRow(
    expected: Array<{ block: BlockDef; row: RowDef; labels: string[] }>,
    pointer: number,
    labelCells: DocCell[],
    currentBlock: BlockDef | undefined,
  ): { index: number; block: BlockDef; row: RowDef } | undefined {
    // The last label cell names the row (earlier ones are flattened merged cells such as "（三）不予公开").
    const last = coreLabel(labelCells[labelCells.length - 1].text);
    const all = coreLabel(labelCells.map((c) => c.text).join(''));
    const indexed = expected.map((e, index) => ({ ...e, index }));
    // Section 三 runs in template order and starts at its first row, so header cells such as
    // "总计" or "其他" never match a data row; section 二 follows its captions.
    const ordered = this.table.blocks.some((b) => b.caption)
      ? [...indexed.filter((e) => e.block === currentBlock), ...indexed.filter((e) => e.block !== currentBlock)]
      : pointer === 0
        ? indexed.slice(0, 1)
        : indexed.slice(pointer);
    const exact = ordered.find((e) => e.labels.some((l) => l === last));
    const loose = exact ?? ordered.find((e) => e.labels.some((l) => last.endsWith(l) || (l.length >= 4 && last.includes(l))));
    const joined = loose ?? ordered.find((e) => e.labels.some((l) => l.length >= 4 && all.endsWith(l)));
    if (!joined) return undefined;
    return { index: joined.index, block: joined.block, row: joined.row };
  }

  private takeValues(docRow: DocRow, row: RowDef, columns: ColumnDef[]): void {
    let lastLabel = -1;
    docRow.cells.forEach((c, i) => {
      if (isLabelCell(c)) lastLabel = i;
    });
    let values = docRow.cells.slice(lastLabel + 1);
    // Ragged rows: trailing empty cells beyond the template's columns carry nothing.
    while (values.length > columns.length && isBlank(values[values.length - 1])) values = values.slice(0, -1);
    // Flattened merged cells may leave empty placeholders before the values.
    while (values.length > columns.length && isBlank(values[0])) values = values.slice(1);
    if (values.length < columns.length) {
      throw new ReportParseError(
        `row cut short: ${values.length} of ${columns.length} value cells (missing ${columns
          .slice(values.length)
          .map((c) => c.label)
          .join('、')})`,
        this.loc(row.label, columns[values.length]?.label, values[values.length - 1]?.line ?? docRow.line, docRow.page),
      );
    }
    if (values.length > columns.length) {
      throw new ReportParseError(
        `row has ${values.length} value cells where the template has ${columns.length}`,
        this.loc(row.label, undefined, docRow.line, docRow.page),
      );
    }
    columns.forEach((col, i) => this.put(cellKey(this.table, row.key, col.key), values[i], row.label, col, docRow));
  }

  private put(key: string, cell: DocCell, rowLabel: string, col: ColumnDef, docRow: DocRow): void {
    const parsed = parseCellText(cell.text, col.unit);
    const location = this.loc(rowLabel, col.label, cell.line ?? docRow.line, docRow.page);
    if (!parsed.ok) throw new ReportParseError(parsed.reason, location, 'REPORT_BAD_CELL');
    this.cells[key] = { value: parsed.value, raw: cell.text, location };
  }

  /** `single_row` (四): one row of values (fifteen in 四) under two or three header rows. */
  private mapSingleRow(rows: DocRow[]): void {
    const block = this.table.blocks[0];
    const n = block.columns.length;
    const unlabelled = rows.filter((r) => !r.cells.some(isLabelCell) && r.cells.length >= n);
    const dataRow = unlabelled.find((r) => r.cells.some((c) => !isBlank(c))) ?? unlabelled[0];
    if (!dataRow) {
      const longest = rows.filter((r) => !r.cells.some(isLabelCell)).reduce((m, r) => Math.max(m, r.cells.length), 0);
      throw new ReportParseError(
        `no row of ${n} figures (${this.table.heading}) found (longest row of values has ${longest})`,
        this.loc(undefined, undefined, rows[rows.length - 1]?.line),
      );
    }
    let values = dataRow.cells;
    while (values.length > n && isBlank(values[values.length - 1])) values = values.slice(0, -1);
    while (values.length > n && isBlank(values[0])) values = values.slice(1);
    if (values.length !== n)
      throw new ReportParseError(`row has ${values.length} value cells where the template has ${n}`, this.loc('', undefined, dataRow.line, dataRow.page));
    block.columns.forEach((col, i) => this.put(cellKey(this.table, '', col.key), values[i], '', col, dataRow));
  }
}
