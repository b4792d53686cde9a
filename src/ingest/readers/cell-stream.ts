/**
 * Tables that reach us as a flat stream of cells, one after another with no row boundaries:
 * LibreOffice's text export (one cell per line, blank cells as empty lines) and the text of a
 * legacy Word .doc. The rows are rebuilt from the structure every template table shares
 * (docs/format.md, "Tables"): a data row is its label cell(s) followed by its value cells; a
 * section 二 block opens with its caption and a header row; the header cells of 三 and 四 sit
 * above the first figures. Blank cells stay where they stand: a blank after a row's values is
 * either a blank value or the placeholder of a merged label below, and the mapper keeps exactly
 * the template's number of values, so a figure is never moved to another column.
 */
import { headingNumber } from '../report-assembler';
import { isFigure } from '../cell-value';
import type { CellSource, DocBlock, DocCell, DocRow } from '../report-document';

export interface StreamCell {
  text: string;
  line?: number;
  source?: CellSource;
}

type Kind = 'blank' | 'figure' | 'text' | 'prose' | 'heading';

/** Sentences end in a full stop; template labels and headers never do. */
const PROSE_END = /[。；！？!?]\s*$/u;
/** A cell longer than this is running text, never a label (the longest template label is ~40). */
const PROSE_CHARS = 90;
/**
 * A row of this many values under many heading cells (or of this many figures under a few) is a
 * single-row table (section 四, docs/format.md): its header above, its values with no row label.
 */
const SINGLE_ROW_VALUES = 10;

function kindOf(c: StreamCell): Kind {
  const t = c.text.replace(/[\s\u3000\u00a0\u200b\ufeff]+/g, '');
  if (t === '') return 'blank';
  if (isFigure(t)) return 'figure';
  if (headingNumber(c.text) > 0) return 'heading';
  if (PROSE_END.test(t) || t.length > PROSE_CHARS) return 'prose';
  return 'text';
}

const docCell = (c: StreamCell): DocCell => ({ text: c.text, line: c.line, source: c.source });
const row = (cells: StreamCell[]): DocRow => ({ cells: cells.map(docCell), line: cells.find((c) => c.line !== undefined)?.line });

/**
 * Splits a run of label cells that precedes `values` value cells: a section 二 block's caption and
 * header row (the header names the label column and every value column) stand before the row's own label.
 */
function splitLabels(labels: StreamCell[], values: StreamCell[], rowEnds: boolean): StreamCell[][] {
  const figures = values.filter((c) => isFigure(c.text)).length;
  if (values.length >= SINGLE_ROW_VALUES && (labels.length >= 5 || (labels.length >= 3 && figures >= SINGLE_ROW_VALUES))) {
    // Where every row ends in an empty mark (.doc), the first blank is the header row's end, not a value.
    if (rowEnds && values.length && kindOf(values[0]) === 'blank') return [[...labels, values.shift()!], []];
    return [labels, []];
  }
  // The values as far as the last non-blank one: a header row names the label column and each of them.
  let filled = values.length;
  while (filled > 0 && kindOf(values[filled - 1]) === 'blank') filled--;
  if (labels.length <= 2 || (labels.length === 3 && filled > 1)) return [labels];
  // Labels and one row-end mark: a header or caption row of its own.
  if (rowEnds && filled === 0 && values.length === 1) return [labels];
  const own = labels.slice(-1);
  const before = labels.slice(0, -1);
  const header = Math.min(before.length, Math.max(2, filled + 1));
  const captions = before.slice(0, before.length - header).map((c) => [c]);
  return [...captions, before.slice(before.length - header), own];
}

/** Sections that hold the template's tables (docs/format.md, "Sections"). */
const TABLE_SECTIONS = new Set([2, 3, 4]);

/**
 * Where a figure-less table starts: the first label with a blank cell after it, if at least three
 * labels have one or one has a single row's worth of blanks (a blank template, or a report printed
 * with every cell empty), else -1.
 */
function blankTableStart(kinds: Kind[], from: number, to: number): number {
  const starts: number[] = [];
  let longRun = false;
  for (let j = from; j + 1 < to; j++)
    if (kinds[j] === 'text' && kinds[j + 1] === 'blank') {
      starts.push(j);
      let k = j + 1;
      while (k < to && kinds[k] === 'blank') k++;
      longRun ||= k - j - 1 >= SINGLE_ROW_VALUES;
    }
  return starts.length >= 3 || longRun ? starts[0] : -1;
}

/** The rows of one table's cells: labels then values, repeated. */
function buildRows(cells: StreamCell[], kinds: Kind[], rowEnds: boolean): DocRow[] {
  const rows: DocRow[] = [];
  let labels: StreamCell[] = [];
  let values: StreamCell[] = [];
  const flush = () => {
    if (!labels.length && !values.length) return;
    const parts = splitLabels(labels, values, rowEnds);
    parts.forEach((p, i) => {
      const cells = i === parts.length - 1 ? [...p, ...values] : p;
      if (cells.length) rows.push(row(cells));
    });
    labels = [];
    values = [];
  };
  cells.forEach((c, i) => {
    if (kinds[i] === 'text') {
      if (values.length) flush();
      labels.push(c);
    } else values.push(c);
  });
  flush();
  return rows;
}

/**
 * Paragraphs and tables of a cell stream in document order. Between two headings, a table runs from
 * the first cell after the last sentence before its first figure to its last figure (and the blank
 * cells after it); sentences between tables are paragraphs. `rowEnds`: every table row ends in one
 * empty cell of its own (Word's row-end mark in a .doc).
 */
export function readCellStream(cells: StreamCell[], opts: { rowEnds?: boolean } = {}): DocBlock[] {
  const kinds = cells.map(kindOf);
  const blocks: DocBlock[] = [];
  const paragraph = (c: StreamCell) => blocks.push({ kind: 'paragraph', text: c.text, line: c.line });
  let i = 0;
  let section = 0;
  while (i < cells.length) {
    const nextHeading = kinds.findIndex((k, j) => j >= i && k === 'heading');
    const segmentEnd = nextHeading < 0 ? cells.length : nextHeading;
    let nextFigure = kinds.findIndex((k, j) => j >= i && k === 'figure');
    if (nextFigure >= segmentEnd) nextFigure = -1;
    // A report left blank has no figure at all: in the table sections its cells are labels and blanks.
    if (nextFigure < 0 && TABLE_SECTIONS.has(section)) nextFigure = blankTableStart(kinds, i, segmentEnd);
    if (nextFigure < 0) {
      // No table before the next heading: everything up to it is prose.
      for (let j = i; j < segmentEnd; j++) if (kinds[j] !== 'blank') paragraph(cells[j]);
      if (nextHeading >= 0) {
        paragraph(cells[nextHeading]);
        section = headingNumber(cells[nextHeading].text);
      }
      i = segmentEnd + 1;
      continue;
    }
    let start = nextFigure;
    while (start > i && (kinds[start - 1] === 'text' || kinds[start - 1] === 'blank')) start--;
    while (start < nextFigure && kinds[start] === 'blank') start++;
    for (let j = i; j < start; j++) if (kinds[j] !== 'blank') paragraph(cells[j]);
    // The table ends before the next heading or sentence, its trailing blank cells kept.
    let end = nextFigure;
    while (end < cells.length && kinds[end] !== 'heading' && kinds[end] !== 'prose') end++;
    let last = end - 1;
    while (last > nextFigure && kinds[last] === 'text') last--;
    const rows = buildRows(cells.slice(start, last + 1), kinds.slice(start, last + 1), opts.rowEnds ?? false);
    blocks.push({ kind: 'table', table: { rows, line: rows[0]?.line } });
    i = last + 1;
  }
  return blocks;
}
