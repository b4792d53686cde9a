import type { ColumnDef } from '../../shared/editions';
import type { DocCell } from '../report-document';
import { alignInOrder, ROW_THRESHOLD, similarityMatrix } from './row-aligner';

/**
 * A printed header row of a block (section 二: 信息内容 | 本年制发件数 | …) checked against the
 * template's columns in their fixed order. Data cells are still read by order within the row
 * (docs/format.md), so a header that shows a template column missing means the figures would
 * shift: that is refused, naming the column. A row that resembles no column is not a header.
 */
/** As alike as a label that holds the column's whole (label-similarity.ts, CONTAINED). */
const MERGED = 0.8;

export function checkHeaderRow(cells: DocCell[], columns: ColumnDef[], fail: (column: string, reason: string) => never): void {
  // Fewer cells than columns: headers merged into one cell (PDF text), which says nothing about order.
  if (cells.length < columns.length) return;
  const printed = cells.map((c) => ({ labels: [c.text.trim()], hasFigures: false }));
  const scores = similarityMatrix(
    printed,
    columns.map((c) => [c.label, ...(c.variants ?? [])]),
  );
  if (!scores.some((row) => row.some((s) => s >= ROW_THRESHOLD))) return;
  // A cell holding two column labels at once is merged headers: no order can be read from it.
  if (scores.some((row) => row.filter((s) => s >= MERGED).length > 1)) return;
  const targetOf = alignInOrder(scores, columns.length);
  const missing = columns.find((_, t) => !targetOf.includes(t));
  if (missing)
    fail(missing.label, `header row has no column "${missing.label}" where the template has it: the figures cannot be placed by order`);
}
