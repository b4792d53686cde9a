import type { BlockDef, ColumnDef, TableDef } from '../../shared/editions';
import { normalizeLabel } from '../../shared/editions/label';
import { parseCellText } from '../cell-value';
import type { DocCell, DocRow } from '../report-document';
import { ROW_THRESHOLD, similarityMatrix, type Printed } from './row-aligner';

/**
 * What the table mapper knows of printed rows before it aligns them: which cells are labels, which
 * rows carry figures, wrapped labels joined, captions found, rows of grouped tables cut into segments.
 */

export const isBlank = (c: DocCell) => c.text.replace(/[\s\u3000\u00a0\u200b\ufeff]/g, '') === '';

/** A label holds Chinese text that does not read as a figure ("251000元" and "减少22" are figures). */
export function isLabelCell(c: DocCell): boolean {
  // Asked several times per cell, of texts that repeat across rows and reports: memoised by text.
  let label = labelTexts.get(c.text);
  if (label === undefined) {
    label =
      !isBlank(c) && /[\u3400-\u9fff]/u.test(c.text) && !parseCellText(c.text, 'wan_yuan').ok && !parseCellText(c.text, 'signed_count').ok;
    if (labelTexts.size > 20_000) labelTexts.clear();
    labelTexts.set(c.text, label);
  }
  return label;
}
const labelTexts = new Map<string, boolean>();

/** Each table's block captions, normalised once. */
const captionsOf = new WeakMap<TableDef, Array<{ block: BlockDef; caption: string }>>();
export function blockCaptions(table: TableDef): Array<{ block: BlockDef; caption: string }> {
  let captions = captionsOf.get(table);
  if (!captions)
    captionsOf.set(
      table,
      (captions = table.blocks.flatMap((block) => (block.caption ? [{ block, caption: normalizeLabel(block.caption) }] : []))),
    );
  return captions;
}

/** A printed row with label cells, in document order, with the block its caption put it in. */
export interface PrintedRow extends Printed {
  docRow: DocRow;
  /** The label as printed (the label cells naming the row, trimmed). */
  printedLabels: string[];
  block?: BlockDef;
}

/**
 * A long label wrapped over two lines (PDF, text) arrives as a row of label only beside the row
 * with the figures: the joined label is one more spelling of the row with figures.
 */
export function joinWrappedLabels(printed: PrintedRow[]): void {
  printed.forEach((p, i) => {
    if (!p.hasFigures) return;
    const before = printed[i - 1];
    const after = printed[i + 1];
    const own = p.printedLabels[0];
    if (before && !before.hasFigures && before.block === p.block) p.labels.push(before.printedLabels[0] + own);
    if (after && !after.hasFigures && after.block === p.block) p.labels.push(own + after.printedLabels[0]);
  });
}

export const hasFiguresAfterLabel = (cells: DocCell[]) => cells.slice(lastLabelIndex(cells) + 1).some((c) => !isBlank(c));

/** A row of figures with the label-only rows above it (since the previous one): its captions (the labels) and header rows. */
export interface GroupSegment extends Printed {
  docRow: DocRow;
  headers: DocRow[];
}

/** The segment's label most like one of the targets (the caption, not a header row), if it has labels. */
export function bestSpelling(s: GroupSegment, targets: string[][]): string | undefined {
  const scores = s.labels.map((l) => Math.max(0, ...similarityMatrix([{ labels: [l], hasFigures: true }], targets)[0]));
  return s.labels[scores.indexOf(Math.max(...scores))];
}

export function lastLabelIndex(cells: DocCell[]): number {
  let last = -1;
  cells.forEach((c, i) => {
    if (isLabelCell(c)) last = i;
  });
  return last;
}

/**
 * Rows of figures, each with the label rows above it: a row with a cell like a column's label
 * (结果维持) is a header, any other a caption. An all-blank row under a caption is a group left blank.
 */
export function groupSegments(rows: DocRow[], columns: ColumnDef[]): GroupSegment[] {
  const columnLabels = columns.map((c) => [c.label, ...(c.variants ?? [])]);
  const isHeader = (cells: DocCell[]) =>
    similarityMatrix(
      cells.map((c) => ({ labels: [c.text.trim()], hasFigures: false })),
      columnLabels,
    ).some((r) => r.some((v) => v >= ROW_THRESHOLD));
  const joined = (cells: DocCell[]) => cells.map((c) => c.text.trim()).join('');
  const out: GroupSegment[] = [];
  let labels: string[] = [];
  let headers: DocRow[] = [];
  let blank: DocRow | undefined;
  const close = (docRow: DocRow) => {
    const own = joined(docRow.cells.filter(isLabelCell));
    out.push({ docRow, headers, labels: own && !labels.includes(own) ? [...labels, own] : labels, hasFigures: true });
    [labels, headers, blank] = [[], [], undefined];
  };
  for (const r of rows) {
    const labelCells = r.cells.filter(isLabelCell);
    if (hasFiguresAfterLabel(r.cells)) {
      // A caption in the row of figures: a blank group above it is a group of its own.
      if (blank && labelCells.length) close(blank);
      close(r);
    } else if (labelCells.length === 0) {
      if ((labels.length || headers.length) && !blank && r.cells.length > 1) blank = r;
    } else if (isHeader(labelCells)) headers.push(r);
    else {
      if (blank) close(blank);
      labels.push(joined(labelCells));
      // Blank cells beside a caption: figures left blank, unless figures follow under it.
      if (r.cells.length - lastLabelIndex(r.cells) - 1 > 1) blank = r;
    }
  }
  if (blank) close(blank);
  return out;
}
