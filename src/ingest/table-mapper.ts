import {
  cellKey,
  type BlockDef,
  type ColumnDef,
  type ColumnGroupDef,
  type LegacyRowDef,
  type RowDef,
  type TableDef,
} from '../shared/editions';
import { HEADER_LEVEL_SEPARATOR } from '../shared/editions/template-headers';
import { normalizeLabel } from '../shared/editions/label';
import { ReportParseError } from '../common/errors';
import type { SourceLocation } from '../shared/source-place';
import { parseCellText } from './cell-value';
import type { ParsedCell, ParsedNotice } from '../shared/parsed-report';
import type { DocCell, DocRow } from './report-document';
import { alignRows, AMBIGUITY_MARGIN, similarityMatrix, type Alignment } from './align/row-aligner';
import {
  bestSpelling,
  blockCaptions,
  groupSegments,
  hasFiguresAfterLabel,
  isBlank,
  isLabelCell,
  joinWrappedLabels,
  lastLabelIndex,
  type GroupSegment,
  type PrintedRow,
} from './align/printed-rows';
import { checkHeaderRow } from './align/column-aligner';
import { legacyReading } from './align/legacy-row';

export interface MappedTable {
  cells: Record<string, ParsedCell>;
  warnings: string[];
  notices: ParsedNotice[];
}

/** A template row to align to: the edition's own, or a legacy row standing for some of them. */
interface Target {
  block: BlockDef;
  row: RowDef;
  legacy?: LegacyRowDef;
}

/** Maps a table's rows onto an edition table definition; throws ReportParseError naming the place. */
export class TableMapper {
  private readonly cells: Record<string, ParsedCell> = {};
  private readonly warnings: string[] = [];
  private readonly notices: ParsedNotice[] = [];

  constructor(
    private readonly table: TableDef,
    private readonly file?: string,
    /** The edition's legacy rows of this table (hybrid tables), tried when the table's own rows do not align. */
    private readonly legacyRows: LegacyRowDef[] = [],
  ) {}

  map(rows: DocRow[]): MappedTable {
    // The edition declares how each table is laid out (docs/format.md).
    if (this.table.layout === 'single_row') this.mapSingleRow(rows);
    else this.mapLabelledRows(rows);
    return { cells: this.cells, warnings: this.warnings, notices: this.notices };
  }

  private loc(row: string | undefined, column: string | undefined, line?: number, page?: number): SourceLocation {
    return { file: this.file, section: this.table.section, row, column, line, page };
  }

  /**
   * `labelled_rows` (二, 三): each data row starts with its label; values follow in column order.
   * Printed rows are aligned to the template's rows in its fixed order by label similarity
   * (align/row-aligner.ts); section 二's captions keep a row within its block.
   */
  private mapLabelledRows(rows: DocRow[]): void {
    const printed: PrintedRow[] = [];
    let currentBlock: BlockDef | undefined;
    for (const docRow of rows) {
      const labelCells = docRow.cells.filter(isLabelCell);
      if (labelCells.length === 0) continue;
      const joined = normalizeLabel(labelCells.map((c) => c.text).join(''));
      const captionBlock = blockCaptions(this.table).find((b) => joined.includes(b.caption))?.block;
      if (captionBlock) {
        currentBlock = captionBlock;
        continue;
      }
      // The last label cell names the row; earlier ones are flattened merged cells such as "（三）不予公开"
      // or a label broken over cells, so the joined tails are tried too.
      const texts = labelCells.map((c) => c.text.trim());
      const printedLabels = texts.map((_, i) => texts.slice(texts.length - 1 - i).join(''));
      printed.push({
        docRow,
        labels: [...printedLabels],
        printedLabels,
        hasFigures: hasFiguresAfterLabel(docRow.cells),
        block: currentBlock,
      });
    }
    joinWrappedLabels(printed);
    // The edition's own rows first; a legacy row (hybrid table) only when they do not align.
    const ownTargets = this.targets();
    const own = this.align(printed, ownTargets);
    let chosen = own.problem ? undefined : { targets: ownTargets, alignment: own };
    for (const legacy of this.legacyRows) {
      if (chosen) break;
      const targets = this.targets(legacy);
      const alignment = this.align(printed, targets);
      if (!alignment.problem && this.legacyApplies(printed, ownTargets, own, targets, alignment)) chosen = { targets, alignment };
    }
    if (!chosen) this.reject(printed, ownTargets, own, rows);
    const { targets, alignment } = chosen;
    targets.forEach((target, t) => {
      const p = printed[alignment.printedOf[t]];
      this.takeValues(
        p.docRow,
        target.row,
        target.block.columns,
        this.printedLabel(p, alignment.scores[alignment.printedOf[t]][t], target),
      );
      if (target.legacy) this.storeLegacy(target, p);
    });
    printed.forEach((p, i) => {
      if (alignment.targetOf[i] >= 0) return;
      const where = (column?: string) => this.loc(p.printedLabels[p.printedLabels.length - 1], column, p.docRow.line, p.docRow.page);
      // A printed row of figures is never dropped: what it is cannot be told, so the table is refused.
      if (p.hasFigures)
        throw new ReportParseError('row not in the template: it reads like none of its rows, so its figures cannot be placed', where());
      if (p.block)
        checkHeaderRow(p.docRow.cells.filter(isLabelCell), p.block.columns, (column, reason) => {
          throw new ReportParseError(reason, where(column));
        });
    });
  }

  /**
   * A legacy row stands for the rows it replaces only where the table prints none of them and the
   * row it takes reads like the legacy label, not like one of them (align/legacy-row.ts).
   */
  private legacyApplies(printed: PrintedRow[], ownTargets: Target[], own: Alignment, targets: Target[], alignment: Alignment): boolean {
    const at = targets.findIndex((t) => t.legacy);
    const legacy = targets[at].legacy!;
    const subRows = ownTargets.flatMap((t, i) => (legacy.replaces.includes(t.row.key) ? [i] : []));
    const reading = legacyReading(own, subRows, alignment, at);
    if (reading.kind !== 'ambiguous') return reading.kind === 'applies';
    const p = printed[reading.printed];
    throw new ReportParseError(
      `row cannot be aligned: it could be the earlier edition's one row "${legacy.label}" or the template row "${ownTargets[reading.subRow].row.label}"`,
      this.loc(p.printedLabels[0], undefined, p.docRow.line, p.docRow.page),
    );
  }

  /** The template rows in order; with a legacy row, it takes the place of the rows it replaces. */
  private targets(legacy?: LegacyRowDef): Target[] {
    const out: Target[] = [];
    for (const block of this.table.blocks)
      for (const row of block.rows) {
        if (!legacy?.replaces.includes(row.key)) out.push({ block, row });
        else if (row.key === legacy.replaces[0]) out.push({ block, row: { key: legacy.key, label: legacy.label }, legacy });
      }
    return out;
  }

  private align(printed: PrintedRow[], targets: Target[]): Alignment {
    const labels = targets.map((t) => [t.row.label, ...(t.row.variants ?? [])]);
    const scores = similarityMatrix(printed, labels, (p, t) => !printed[p].block || printed[p].block === targets[t].block);
    return alignRows(printed, scores, targets.length);
  }

  /** The printed spelling that matched: the tail of label cells most like the template row. */
  private printedLabel(p: PrintedRow, score: number, target: Target): string {
    const labels = [target.row.label, ...(target.row.variants ?? [])];
    const hit = p.printedLabels.find((l) => Math.max(...similarityMatrix([{ labels: [l], hasFigures: true }], [labels])[0]) >= score);
    return hit ?? p.printedLabels[0];
  }

  private reject(printed: PrintedRow[], targets: Target[], alignment: Alignment, rows: DocRow[]): never {
    const problem = alignment.problem!;
    if (problem.kind === 'ambiguous') {
      const p = printed[problem.printed];
      const [a, b] = problem.targets.map((t) => targets[t].row.label);
      const label = p.printedLabels[0];
      const reason =
        a === b
          ? `row cannot be aligned: it reads like the template row "${a}", which another printed row already holds`
          : `row cannot be aligned: it could be the template row "${a}" or "${b}"`;
      throw new ReportParseError(reason, this.loc(label, undefined, p.docRow.line, p.docRow.page));
    }
    const target = targets[problem.target];
    if (problem.printed === undefined)
      throw new ReportParseError(`row missing from the table`, this.loc(target.row.label, undefined, rows[0]?.line));
    const p = printed[problem.printed];
    throw new ReportParseError(
      `row missing from the table: the template row "${target.row.label}" is not found (the row printed here matches it only ${problem.score!.toFixed(2)})`,
      this.loc(p.printedLabels[0], undefined, p.docRow.line, p.docRow.page),
    );
  }

  /** A legacy row stands for rows of this edition: they are stored blank (not zero), and a notice says so. */
  private storeLegacy(target: Target, p: PrintedRow): void {
    const legacy = target.legacy!;
    const location = this.loc(p.printedLabels[0], undefined, p.docRow.line, p.docRow.page);
    for (const key of legacy.replaces) {
      const row = target.block.rows.find((r) => r.key === key)!;
      for (const col of target.block.columns)
        this.cells[cellKey(this.table, key, col.key)] = { value: null, raw: '', location: this.loc(row.label, col.label), source: null };
    }
    this.notices.push({
      rule: legacy.rule,
      message: legacy.message,
      cells: target.block.columns.map((c) => cellKey(this.table, legacy.key, c.key)),
      location,
    });
  }

  private takeValues(docRow: DocRow, row: RowDef, columns: ColumnDef[], printedLabel = row.label): void {
    let values = docRow.cells.slice(lastLabelIndex(docRow.cells) + 1);
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
        this.loc(printedLabel, columns[values.length]?.label, values[values.length - 1]?.line ?? docRow.line, docRow.page),
      );
    }
    if (values.length > columns.length) {
      throw new ReportParseError(
        `row has ${values.length} value cells where the template has ${columns.length}`,
        this.loc(printedLabel, undefined, docRow.line, docRow.page),
      );
    }
    columns.forEach((col, i) => this.put(cellKey(this.table, row.key, col.key), values[i], printedLabel, col, docRow));
  }

  private put(key: string, cell: DocCell, rowLabel: string, col: ColumnDef, docRow: DocRow): void {
    const parsed = parseCellText(cell.text, col.unit);
    const location = this.loc(rowLabel, col.label, cell.line ?? docRow.line, docRow.page);
    if (!parsed.ok) throw new ReportParseError(parsed.reason, location, 'REPORT_BAD_CELL');
    this.cells[key] = { value: parsed.value, raw: cell.text, location, source: cell.source ?? null };
  }

  /**
   * `single_row` (四): one row of values (fifteen in 四) under two or three header rows, or one row
   * per column group under its caption (docs/format.md, "Tables").
   */
  private mapSingleRow(rows: DocRow[]): void {
    const block = this.table.blocks[0];
    const n = block.columns.length;
    const unlabelled = rows.filter((r) => !r.cells.some(isLabelCell) && r.cells.length >= n);
    const dataRow = unlabelled.find((r) => r.cells.some((c) => !isBlank(c))) ?? unlabelled[0];
    if (!dataRow && block.columnGroups && this.mapGroupRows(rows, block, block.columnGroups)) return;
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
      throw new ReportParseError(
        `row has ${values.length} value cells where the template has ${n}`,
        this.loc('', undefined, dataRow.line, dataRow.page),
      );
    block.columns.forEach((col, i) => this.put(cellKey(this.table, '', col.key), values[i], '', col, dataRow));
  }

  /**
   * Column groups printed as rows of figures, each under its caption (行政复议 / 行政诉讼（复议后起诉）…):
   * the captions are aligned to the edition's groups like rows (align/row-aligner.ts), in template
   * order. False for a lone row of figures wider than any group (a cut-short full row keeps its own error).
   */
  private mapGroupRows(rows: DocRow[], block: BlockDef, groups: ColumnGroupDef[]): boolean {
    const lastLevel = (c: ColumnDef) => ({ ...c, label: c.label.split(HEADER_LEVEL_SEPARATOR).pop()! });
    const segments = groupSegments(rows, block.columns.map(lastLevel));
    const widest = Math.max(...groups.map((g) => g.columns.length));
    const widths = segments.map((s) => s.docRow.cells.length - lastLabelIndex(s.docRow.cells) - 1);
    if (segments.length < 2 && !widths.some((w) => w <= widest)) return false;
    const targets = groups.map((g) => [g.label, ...(g.variants ?? [])]);
    const alignment = alignRows(segments, similarityMatrix(segments, targets), groups.length);
    const caption = (s: GroupSegment, of = targets) => bestSpelling(s, of) ?? '';
    const where = (s: GroupSegment) => this.loc(caption(s), undefined, s.docRow.line, s.docRow.page);
    const problem = alignment.problem;
    if (problem?.kind === 'ambiguous') {
      const [a, b] = problem.targets.map((t) => groups[t].label);
      const s = segments[problem.printed];
      throw new ReportParseError(
        a === b
          ? `figures cannot be aligned: their caption reads like the column group "${a}", which other figures already hold`
          : `figures cannot be aligned: their caption could be the column group "${a}" or "${b}"`,
        where(s),
      );
    }
    if (problem) {
      const label = groups[problem.target].label;
      if (problem.printed === undefined)
        throw new ReportParseError(
          `column group "${label}" missing from the table`,
          this.loc(label, undefined, rows[rows.length - 1]?.line),
        );
      const s = segments[problem.printed];
      const why = s.labels.length ? `are under a caption that matches it only ${problem.score!.toFixed(2)}` : 'have no caption';
      throw new ReportParseError(`column group "${label}" not found: the figures printed here ${why}`, where(s));
    }
    segments.forEach((s, i) => {
      const t = alignment.targetOf[i];
      // Group captions differ by a qualifier only: one that reads as well as another group is a guess, in any order.
      const rival = groups.findIndex((_, o) => t >= 0 && o !== t && alignment.scores[i][o] >= alignment.scores[i][t] - AMBIGUITY_MARGIN);
      if (rival >= 0)
        throw new ReportParseError(
          `figures cannot be aligned: their caption reads like the column group "${groups[rival].label}" but stands where the template has "${groups[t].label}"`,
          where(s),
        );
      if (t >= 0) return;
      if (s.labels.length === 0)
        throw new ReportParseError('figures under no caption: which column group they are cannot be told', where(s));
      this.warnings.push(
        `section ${this.table.section}: figures under "${caption(s)}" are not a column group of the template and were not mapped`,
      );
    });
    groups.forEach((g, t) => {
      const s = segments[alignment.printedOf[t]];
      const columns = g.columns.map((k) => block.columns.find((c) => c.key === k)!);
      // A header row over the group (结果维持 | … | 总计) must show its columns in template order.
      for (const header of s.headers)
        checkHeaderRow(header.cells.filter(isLabelCell), columns.map(lastLevel), (column, reason) => {
          throw new ReportParseError(
            reason,
            this.loc(caption(s), `${g.label}${HEADER_LEVEL_SEPARATOR}${column}`, header.line, header.page),
          );
        });
      this.takeValues(s.docRow, block.rows[0], columns, caption(s, [targets[t]]));
    });
    return true;
  }
}
