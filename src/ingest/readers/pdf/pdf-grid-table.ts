/**
 * Grids as DocTables: each box's text (its lines joined), rows of the boxes that start in them, and a
 * table continued on the next page joined to its first part: the header rows the renderer repeats
 * dropped, and a row the page break cut in two (its boxes open at the break) made whole again.
 */
import type { DocCell, DocRow, DocTable } from '../../report-document';
import type { Grid, GridBox } from './pdf-grid';
import { ideographs, isFigure, joinRun } from './pdf-layout';
import type { TextItem } from './pdf-text.types';

interface Cell {
  box: GridBox;
  text: string;
  page: number;
}

/** A table being built from one grid or several continued over pages. */
export interface GridTable {
  rows: Cell[][];
  /** Last grid's page, edges and extent, to tell whether the next grid continues it. */
  page: number;
  x0: number;
  x1: number;
  last: Grid;
}

const LATIN = /[A-Za-z]/;
/** The start of a numbered row label: "（三）", "三、", "1." and the like. */
const NEW_ROW = /^\s*(?:[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、|\d+\s*[.．、]|第.{1,8}[条项])/u;

/** A box's text: items grouped into lines by baseline, lines joined (a space only between Latin letters). */
export function boxText(items: TextItem[]): string {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: TextItem[][] = [];
  for (const it of sorted) {
    const l = lines[lines.length - 1];
    if (l && Math.abs(l[0].y - it.y) <= 0.4 * Math.min(l[0].size, it.size)) l.push(it);
    else lines.push([it]);
  }
  let out = '';
  for (const l of lines) {
    l.sort((a, b) => a.x - b.x);
    const text = joinRun(l.map((it) => ({ text: ideographs(it.text), x0: it.x, x1: it.x + it.w, size: it.size }))).trim();
    if (!text) continue;
    // A number wrapped in a narrow cell is one number; Latin words wrapped at a space get it back.
    if (out && LATIN.test(out[out.length - 1]) && LATIN.test(text[0])) out += ' ';
    out += text;
  }
  // A blank cell keeps its spaces as printed (full-width spaces in many templates): raw text is verbatim.
  return out || items.map((it) => it.text).join('');
}

/** A blank box overlapping a cell with text in its row is an artifact of a badly fragmented merged cell. */
const overlap = (a: GridBox, b: GridBox) => Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);

/**
 * The row a box starts in. Chromium ends the fragment of a merged cell continued from the page before
 * short of the row boundary, and the cell below it then starts at that fragment's end, above its row:
 * such a cell belongs to the row its text stands in.
 */
function rowOf(grid: Grid, b: GridBox, pageHeight: number): number {
  const belowFragment = grid.boxes.some(
    (f) => f !== b && f.openTop && !f.items.length && Math.abs(f.bottom - b.top) <= 2 && f.c0 < b.c1 && b.c0 < f.c1,
  );
  if (!belowFragment || !b.items.length) return b.r0;
  const it = b.items[0];
  const cy = pageHeight - it.y - 0.35 * it.size;
  // Elementary band of the text: the boxes of one band share its top; find the band whose span holds the text.
  const bands = [...new Set(grid.boxes.map((x) => x.r0))].sort((p, q) => p - q);
  const tops = new Map(grid.boxes.map((x) => [x.r0, x.top]));
  let row = b.r0;
  for (const r of bands) if (r >= b.r0 && r < b.r1 && tops.get(r)! <= cy) row = r;
  return row;
}

export function gridTable(grid: Grid, pageHeight: number): GridTable {
  const byRow = new Map<number, GridBox[]>();
  for (const b of grid.boxes) {
    const r = rowOf(grid, b, pageHeight);
    byRow.set(r, [...(byRow.get(r) ?? []), b]);
  }
  const rows = [...byRow.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([, boxes]) => boxes.sort((a, b) => a.c0 - b.c0).map((box) => ({ box, text: boxText(box.items), page: grid.page })))
    .map((row) => row.filter((c) => c.text.trim() || !row.some((o) => o !== c && o.text.trim() && overlap(o.box, c.box) > 2)))
    // A row of nothing but empty fragments of cells cut by the page break carries no cell of its own.
    .filter((row) => !row.every((c) => !c.text.trim() && (c.box.openTop || c.box.openBottom) && c.box.c1 - c.box.c0 > 1));
  return { rows, page: grid.page, x0: grid.x0, x1: grid.x1, last: grid };
}

/** A grid at the top of the page after `t`'s last grid, aligned with it, continues it (nothing stands between them). */
export function continues(t: GridTable, next: Grid): boolean {
  // One edge may differ: a merged cell's column can lack the rules that join it to the grid on one page.
  return next.page === t.page + 1 && (Math.abs(next.x0 - t.x0) <= 3 || Math.abs(next.x1 - t.x1) <= 3);
}

const rowKey = (row: Cell[]) => row.map((c) => c.text).join('\u0001');

export function appendGrid(t: GridTable, next: Grid, pageHeight: number): void {
  const more = gridTable(next, pageHeight).rows;
  // Header rows repeated at the top of the continuation (an HTML thead, Word's repeated heading rows).
  let k = 0;
  while (k < more.length && k < t.rows.length && rowKey(more[k]) === rowKey(t.rows[k]) && more[k].some((c) => c.text)) k++;
  more.splice(0, k);
  // A row or a merged cell cut by the page break goes on in the continuation's first row. Chromium
  // leaves the rule off at the cut (and off the top of every continued page); LibreOffice draws both.
  const first = more[0];
  if (first) {
    // Only boxes at the bottom of the page just before: earlier pages' boxes were continued already.
    const bottom = t.rows.flatMap((row) => row).filter((c) => t.last.boxes.includes(c.box) && c.box.r1 === t.last.rows);
    const above = (c: Cell) =>
      c.box.r0 === 0 ? bottom.find((a) => Math.abs(a.box.x0 - c.box.x0) <= 3 && Math.abs(a.box.x1 - c.box.x1) <= 3) : undefined;
    const tall = (c: Cell) => c.box.r1 - c.box.r0 > 1;
    const single = first.filter((c) => !tall(c));
    const label = single.find((c) => c.text.trim() && !isFigure(c.text));
    const goesOn = !(label && NEW_ROW.test(label.text));
    // Drawn open below, every cell of the row above was cut. Drawn closed, only the rest of a label with
    // no figure beside it passes for a cut row: a new row ("行政许可") has its own figures, or none at all.
    const openCut = single.every((c) => above(c)?.box.openBottom);
    const closedCut = Boolean(label) && single.every((c) => above(c) && !isFigure(c.text)) && single.some((c) => isFigure(above(c)!.text));
    // A figure beside it passes only as the rest of a number the break cut: under a figure that wrapped
    // and fills its last line (so it may go on), the two joined still one figure. A figure under a
    // complete one is a new row's ("行政事业性收费" and its own figures).
    const figureRest = (c: Cell) =>
      isFigure(c.text) &&
      Boolean(above(c)) &&
      isFigure(above(c)!.text) &&
      fullLastLine(above(c)!.box.items) &&
      isFigure(joinText(above(c)!.text, c.text));
    const figureCut =
      single.some(figureRest) &&
      single.every((c) => above(c) && (!c.text.trim() || figureRest(c) || (c === label && !isFigure(above(c)!.text))));
    const rowCut = single.length > 0 && goesOn && (openCut || closedCut || figureCut);
    const rest: Cell[] = [];
    for (const c of first) {
      const a = above(c);
      // A merged cell on both sides of the break is one cell unless the new part starts a numbered row.
      const joins = a && (tall(c) ? tall(a) && !NEW_ROW.test(c.text) : rowCut);
      if (joins) a.text = joinText(a.text, c.text);
      else rest.push(c);
    }
    if (rest.length) more[0] = rest;
    else more.shift();
  }
  t.rows.push(...more);
  Object.assign(t, { page: next.page, x0: next.x0, x1: next.x1, last: next });
}

/** A cell's text wrapped onto two lines or more, its last line as wide as its widest: the cell was full there. */
function fullLastLine(items: TextItem[]): boolean {
  const lines: TextItem[][] = [];
  for (const it of [...items].filter((i) => i.text.trim()).sort((a, b) => b.y - a.y || a.x - b.x)) {
    const l = lines[lines.length - 1];
    if (l && Math.abs(l[0].y - it.y) <= 0.4 * Math.min(l[0].size, it.size)) l.push(it);
    else lines.push([it]);
  }
  if (lines.length < 2) return false;
  const width = (l: TextItem[]) => Math.max(...l.map((i) => i.x + i.w)) - Math.min(...l.map((i) => i.x));
  const last = lines[lines.length - 1];
  return width(last) >= Math.max(...lines.map(width)) - 0.3 * last[0].size;
}

function joinText(a: string, b: string): string {
  if (!a || !b) return a + b;
  return LATIN.test(a[a.length - 1]) && LATIN.test(b[0]) ? `${a} ${b}` : a + b;
}

const round = (v: number) => Math.round(v * 10) / 10;

function docCell(c: Cell, pageHeight: (page: number) => number): DocCell {
  // Where the text starts (first item), else the box's corner; PDF points from the page's top-left.
  const first = [...c.box.items].sort((a, b) => b.y - a.y || a.x - b.x)[0];
  const source = first
    ? { page: c.page, x: round(first.x), y: round(pageHeight(c.page) - first.y) }
    : { page: c.page, x: round(c.box.x0), y: round(c.box.top) };
  return { text: c.text, source };
}

export function docTable(t: GridTable, pageHeight: (page: number) => number): DocTable {
  const rows: DocRow[] = t.rows.filter((r) => r.length).map((r) => ({ cells: r.map((c) => docCell(c, pageHeight)), page: r[0].page }));
  return { rows, page: rows[0]?.page };
}
