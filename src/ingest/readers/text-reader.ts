import { headingNumber } from '../report-assembler';
import type { DocBlock, DocCell, DocRow, DocTable, ReportDocument } from '../report-document';
import { isFigure } from '../cell-value';
import { readCellStream } from './cell-stream';

/**
 * Plain-text exports of a report, in whichever shape the program that wrote them uses (the shape is
 * told from the text itself; every cell keeps its line):
 * - tab-indented cells (Word's text export, the seed): every cell on its own line starting with a
 *   tab, rows separated by blank lines, a cell's later lines without the tab;
 * - tab-separated rows (a browser's copy of a page): one row per line, cells between tabs; where each
 *   paragraph of a cell stands on its own line, the tab between cells does too;
 * - pipe tables (Markdown): `| a | b |` rows, `|---|` rules;
 * - one cell per line (LibreOffice's text export): no row boundaries at all, blank cells as empty lines;
 *   the rows are rebuilt from the template structure (cell-stream.ts).
 */
export function readText(text: string): ReportDocument {
  const lines = text.replace(/^\ufeff/, '').split(/\r?\n/);
  // Each shape test runs over every line: the cheap character checks stand in for (or guard) the patterns.
  const count = (test: (l: string) => boolean) => lines.reduce((n, l) => (test(l) ? n + 1 : n), 0);
  const indented = count((l) => l.startsWith('\t')); // /^\t/
  const separated = count((l) => l.includes('\t') && /[^\t\s]\t/.test(l));
  const piped = count((l) => l.includes('|') && /^\s*\|.*\|\s*$/.test(l));
  const rowLines = Math.max(indented, separated, piped);
  let blocks: DocBlock[];
  if (rowLines === 0) blocks = readCellStream(lines.map((l, i) => ({ text: l, line: i + 1, source: { line: i + 1 } })));
  // Markdown: `## 三、…` headings are the report's own headings without their marks; a `###` line over
  // a pipe table is a heading of its own (it repeats the row's label), not a caption row.
  else if (piped === rowLines)
    blocks = joinSplitValueRows(
      readRows(
        lines.map((l) => l.replace(/^\s*#{1,6}\s+/, '')),
        pipeCells,
        false,
      ),
    );
  else if (
    count((l) => l === '\t') >= 4 &&
    count((l) => l.startsWith('\t') && l.length > 1 && l[1] !== '\t') < count((l) => l === '\t') / 10
  )
    blocks = readParagraphCells(lines);
  else if (separated >= indented) blocks = readRows(lines, tabCells);
  else blocks = readIndented(lines);
  return { format: 'text', blocks };
}

const cellAt = (text: string, line: number): DocCell => ({ text, line, source: { line } });
const SENTENCE_END = /[。；！？]\s*$/u;
const isBlank = (l: string) => l.replace(/[\s\u3000\u00a0\ufeff]+/g, '') === '';

function tabCells(line: string): string[] | null {
  return line.includes('\t') ? line.split('\t') : null;
}

function pipeCells(line: string): string[] | null {
  const m = /^\s*\|(.*)\|\s*$/.exec(line);
  return m ? m[1].split('|').map((c) => c.trim()) : null;
}

/**
 * A single-row table printed in parts (section 四 as three small tables, one under each heading
 * "行政复议", "行政诉讼（未经复议直接起诉）", …): consecutive tables, apart only by short headings, that
 * each hold a header row and one row of figures only, become one table of caption, header and value
 * rows per part. The captions stay in it, so the mapper aligns each part to its column group by
 * caption rather than trusting the order they were printed in.
 */
function joinSplitValueRows(blocks: DocBlock[]): DocBlock[] {
  const valueOnly = (b: DocBlock) =>
    b.kind === 'table' &&
    b.table.rows.length === 2 &&
    b.table.rows[1].cells.every((c) => isFigure(c.text)) &&
    !b.table.rows[0].cells.some((c) => isFigure(c.text));
  const isCaption = (b: DocBlock | undefined): b is Extract<DocBlock, { kind: 'paragraph' }> =>
    b?.kind === 'paragraph' && headingNumber(b.text) === 0 && !SENTENCE_END.test(b.text) && b.text.length <= 40;
  const out: DocBlock[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const parts: Array<{ caption?: Extract<DocBlock, { kind: 'paragraph' }>; table: DocTable }> = [];
    let caption: Extract<DocBlock, { kind: 'paragraph' }> | undefined;
    let j = i;
    while (j < blocks.length) {
      const b = blocks[j];
      if (valueOnly(b)) {
        parts.push({ caption, table: (b as Extract<DocBlock, { kind: 'table' }>).table });
        caption = undefined;
        j++;
      } else if (parts.length && isCaption(b) && j + 1 < blocks.length && valueOnly(blocks[j + 1])) {
        caption = b;
        j++;
      } else break;
    }
    if (parts.length < 2) {
      out.push(blocks[i]);
      continue;
    }
    // The first part's heading was read before the run began: take it back from the output.
    const before = out[out.length - 1];
    if (isCaption(before)) parts[0].caption = out.pop() as Extract<DocBlock, { kind: 'paragraph' }>;
    const rows: DocRow[] = parts.flatMap(({ caption: c, table }) => [
      ...(c ? [{ cells: [cellAt(c.text, c.line ?? 0)], line: c.line }] : []),
      table.rows[0],
      table.rows[1],
    ]);
    out.push({ kind: 'table', table: { rows, line: rows[0].line } });
    i = j - 1;
  }
  return out;
}

/**
 * One row per line. A short line that is neither a heading nor a sentence, standing right above a
 * row (a section 二 caption, "第二十条第（一）项"), is a one-cell row of the table.
 */
function readRows(lines: string[], split: (line: string) => string[] | null, captions = true): DocBlock[] {
  const blocks: DocBlock[] = [];
  let rows: DocRow[] | null = null;
  const endTable = () => {
    if (rows?.length) blocks.push({ kind: 'table', table: { rows, line: rows[0].line } });
    rows = null;
  };
  const nextRowLine = (i: number) => {
    let j = i + 1;
    while (j < lines.length && isBlank(lines[j])) j++;
    return j < lines.length && split(lines[j]) !== null;
  };
  lines.forEach((line, i) => {
    const n = i + 1;
    const cells = split(line);
    if (cells && /^[\s|:-]+$/.test(line) && line.includes('-')) return; // a Markdown rule under the header
    if (cells) {
      rows ??= [];
      rows.push({ cells: cells.map((c) => cellAt(c, n)), line: n });
      return;
    }
    if (isBlank(line)) return;
    const caption = captions && headingNumber(line) === 0 && !SENTENCE_END.test(line) && line.trim().length <= 40 && nextRowLine(i);
    if (caption) {
      rows ??= [];
      rows.push({ cells: [cellAt(line, n)], line: n });
      return;
    }
    endTable();
    blocks.push({ kind: 'paragraph', text: line, line: n });
  });
  endTable();
  return blocks;
}

/**
 * A browser's text of a page whose cells hold paragraphs: each paragraph followed by an empty line,
 * the tab between cells on a line of its own, rows three or more empty lines apart. Each row is
 * joined back into one tab-separated line (a cell's paragraphs kept apart by line breaks), then read
 * as tab-separated rows; every cell keeps the line its row starts on.
 */
function readParagraphCells(lines: string[]): DocBlock[] {
  type Piece = { text: string; line: number };
  const chunks: Piece[][] = [];
  let chunk: Piece[] = [];
  let piece: Piece | null = null;
  let empties = 0;
  lines.forEach((line, i) => {
    if (line === '') {
      empties++;
      piece = null;
      return;
    }
    if (empties >= 3 && chunk.length) {
      chunks.push(chunk);
      chunk = [];
    }
    empties = 0;
    // A heading is never part of a cell, even where no empty line sets it apart.
    const heading = headingNumber(line) > 0;
    if (heading) piece = null;
    if (piece) piece.text += '\n' + line;
    else {
      piece = { text: line, line: i + 1 };
      chunk.push(piece);
    }
    if (heading) piece = null;
  });
  if (chunk.length) chunks.push(chunk);

  // Headings and sentences stand alone; the rest of a chunk with a tab in it is one row.
  const out: Piece[] = [];
  for (const pieces of chunks) {
    let row: Piece[] = [];
    const flush = () => {
      if (!row.length) return;
      // The piece after the last tab is the row's last cell; later pieces are the paragraphs after the table.
      const lastTab = row.map((p) => p.text.includes('\t')).lastIndexOf(true);
      const tail: Piece[] = lastTab >= 0 ? row.splice(lastTab + 2) : [];
      // A figure closing the row with lines after it: the page's next paragraph followed the table at once.
      const last = row[row.length - 1];
      const [first, ...rest] = last.text.split('\n');
      if (!last.text.includes('\t') && rest.length && isFigure(first)) {
        row[row.length - 1] = { text: first, line: last.line };
        tail.unshift(...rest.map((text, k) => ({ text, line: last.line + 1 + k })));
      }
      if (!row.some((p) => p.text.includes('\t'))) out.push(...row);
      else
        out.push({
          line: row[0].line,
          text: row.reduce((t, p) => t + (t === '' || t.endsWith('\t') || p.text.startsWith('\t') ? '' : '\n') + p.text, ''),
        });
      out.push(...tail);
      row = [];
    };
    for (const p of pieces) {
      if (headingNumber(p.text) > 0 || SENTENCE_END.test(p.text)) {
        flush();
        out.push(p);
      } else row.push(p);
    }
    flush();
  }
  const blocks = readRows(
    out.map((o) => o.text),
    tabCells,
  );
  // readRows numbered the joined rows; each cell gets the source line its row starts on.
  for (const b of blocks) {
    if (b.kind === 'paragraph') b.line = out[b.line! - 1].line;
    else {
      for (const r of b.table.rows) {
        const line = out[r.line! - 1].line;
        r.line = line;
        for (const c of r.cells) Object.assign(c, { line, source: { line } });
      }
      b.table.line = b.table.rows[0]?.line;
    }
  }
  return blocks;
}

/** Word's text export: every cell on its own line starting with a tab, rows separated by blank lines. */
function readIndented(lines: string[]): DocBlock[] {
  const blocks: DocBlock[] = [];
  let rows: DocRow[] | null = null;
  let row: DocRow | null = null;
  let previousWasCell = false;

  const endTable = () => {
    if (rows) {
      if (row?.cells.length) rows.push(row);
      blocks.push({ kind: 'table', table: { rows, line: rows[0]?.line } });
    }
    rows = null;
    row = null;
  };

  lines.forEach((line, i) => {
    const lineNo = i + 1;
    if (line.startsWith('\t')) {
      if (!rows) rows = [];
      if (!row) row = { cells: [], line: lineNo };
      row.cells.push(cellAt(line.slice(1), lineNo));
      previousWasCell = true;
      return;
    }
    if (line.trim() === '') {
      if (rows && row?.cells.length) rows.push(row);
      row = null;
      previousWasCell = false;
      return;
    }
    if (previousWasCell && row) {
      const last = row.cells[row.cells.length - 1];
      last.text += '\n' + line;
      return;
    }
    endTable();
    blocks.push({ kind: 'paragraph', text: line, line: lineNo });
    previousWasCell = false;
  });
  endTable();
  return blocks;
}
