/**
 * Tables from drawn rules: the horizontal and vertical segments of a page joined into grids, the
 * grid's elementary cells merged where a rule is missing (a merged cell), and each text item put in
 * the cell box its centre falls in. A grid row holds the boxes that start in it, as an HTML table
 * row holds its cells (a merged cell once, in the row it starts in).
 */
import type { PageText, TextItem } from './pdf-text.types';

/** Rules closer than this (points) are one rule: Chromium draws each cell's own border beside its neighbour's. */
const SNAP = 2;

export interface GridBox {
  /** Elementary rows and columns the box covers (r1, c1 exclusive). */
  r0: number;
  r1: number;
  c0: number;
  c1: number;
  x0: number;
  x1: number;
  top: number;
  bottom: number;
  items: TextItem[];
  /** No rule drawn along the box's bottom (or top) edge at the grid's edge: a row split by a page break. */
  openBottom: boolean;
  openTop: boolean;
}

export interface Grid {
  page: number;
  top: number;
  bottom: number;
  x0: number;
  x1: number;
  rows: number;
  boxes: GridBox[];
  /** The vertical rules, to cut a text run that pdf.js joined across cells. */
  vrules: VSeg[];
}

interface HSeg {
  y: number;
  x0: number;
  x1: number;
}
export interface VSeg {
  x: number;
  top: number;
  bottom: number;
}

/** Cluster positions closer than SNAP; returns the cluster centres in order. */
function snap(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const v of sorted) {
    const last = out[out.length - 1];
    if (last && v - last[last.length - 1] <= SNAP) last.push(v);
    else out.push([v]);
  }
  return out.map((c) => c.reduce((s, v) => s + v, 0) / c.length);
}

function find(parent: number[], i: number): number {
  while (parent[i] !== i) i = parent[i] = parent[parent[i]];
  return i;
}

const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

/**
 * pdf.js joins glyphs that stand close on one baseline into one run, even across a cell border: such a
 * run is cut where a vertical rule crosses it, each character placed by its estimated advance (a CJK
 * character one em, others about half).
 */
function splitAtRules(it: TextItem, pageHeight: number, grids: Grid[]): TextItem[] {
  const cy = pageHeight - it.y - 0.35 * it.size;
  // A grid's outer rule cuts nothing: text running past it overflows its own cell (LibreOffice sets a
  // table partly off the page, the label column's text left of its rule), no other cell lies there.
  const cuts = grids
    .flatMap((g) => g.vrules.filter((v) => v.x > g.x0 + SNAP && v.x < g.x1 - SNAP))
    .filter((v) => v.top <= cy && v.bottom >= cy && v.x > it.x + 1 && v.x < it.x + it.w - 1)
    .map((v) => v.x)
    .sort((a, b) => a - b);
  if (!cuts.length) return [it];
  const chars = [...it.text];
  const est = chars.map((ch) => (WIDE.test(ch) ? 1 : ch === ' ' ? 0.3 : 0.55));
  const scale = it.w / est.reduce((a, b) => a + b, 0);
  const pieces: TextItem[] = [];
  let x = it.x;
  chars.forEach((ch, i) => {
    const w = est[i] * scale;
    const piece = cuts.filter((c) => c <= x + w / 2).length;
    const last = pieces[pieces.length - 1] as (TextItem & { piece?: number }) | undefined;
    if (last && last.piece === piece) {
      last.text += ch;
      last.w = x + w - last.x;
    } else pieces.push(Object.assign({ ...it, text: ch, x, w }, { piece }));
    x += w;
  });
  return pieces.map(({ text, x: px, y, w, size }) => ({ text, x: px, y, w, size }));
}

/** Collinear pieces that touch join into one rule (Chromium draws a border cell by cell). */
function mergeH(hs: HSeg[]): HSeg[] {
  const sorted = [...hs].sort((a, b) => a.x0 - b.x0);
  const out: HSeg[] = [];
  for (const h of sorted) {
    const same = out.find((o) => Math.abs(o.y - h.y) <= SNAP / 2 && h.x0 <= o.x1 + SNAP && h.x1 >= o.x0 - SNAP);
    if (same) [same.x0, same.x1] = [Math.min(same.x0, h.x0), Math.max(same.x1, h.x1)];
    else out.push({ ...h });
  }
  return out;
}

function mergeV(vs: VSeg[]): VSeg[] {
  const sorted = [...vs].sort((a, b) => a.top - b.top);
  const out: VSeg[] = [];
  for (const v of sorted) {
    const same = out.find((o) => Math.abs(o.x - v.x) <= SNAP / 2 && v.top <= o.bottom + SNAP && v.bottom >= o.top - SNAP);
    if (same) [same.top, same.bottom] = [Math.min(same.top, v.top), Math.max(same.bottom, v.bottom)];
    else out.push({ ...v });
  }
  return out;
}

/** Segments that touch or cross form one table. */
function components(hs: HSeg[], vs: VSeg[]): Array<{ hs: HSeg[]; vs: VSeg[] }> {
  const parent = Array.from({ length: hs.length + vs.length }, (_, i) => i);
  const union = (a: number, b: number) => {
    parent[find(parent, a)] = find(parent, b);
  };
  hs.forEach((h, i) =>
    vs.forEach((v, j) => {
      if (v.x >= h.x0 - SNAP && v.x <= h.x1 + SNAP && h.y >= v.top - SNAP && h.y <= v.bottom + SNAP) union(i, hs.length + j);
    }),
  );
  const groups = new Map<number, { hs: HSeg[]; vs: VSeg[] }>();
  const group = (i: number) => {
    const r = find(parent, i);
    if (!groups.has(r)) groups.set(r, { hs: [], vs: [] });
    return groups.get(r)!;
  };
  hs.forEach((h, i) => group(i).hs.push(h));
  vs.forEach((v, j) => group(hs.length + j).vs.push(v));
  return [...groups.values()];
}

function buildGrid(pageNo: number, hs: HSeg[], vs: VSeg[]): Grid | null {
  const xs = snap(vs.map((v) => v.x));
  // A row cut by the page break has no rule on that side: the verticals' ends bound it instead.
  const ys = snap([...hs.map((h) => h.y), ...vs.flatMap((v) => [v.top, v.bottom])]);
  if (xs.length < 2 || ys.length < 2) return null;
  const rows = ys.length - 1;
  const cols = xs.length - 1;
  const hasV = (c: number, r: number) => {
    const mid = (ys[r] + ys[r + 1]) / 2;
    return vs.some((v) => Math.abs(v.x - xs[c]) <= SNAP && v.top <= mid && v.bottom >= mid);
  };
  const hasH = (r: number, c: number) => {
    const mid = (xs[c] + xs[c + 1]) / 2;
    return hs.some((h) => Math.abs(h.y - ys[r]) <= SNAP && h.x0 <= mid && h.x1 >= mid);
  };
  // Bands with no vertical rule at either side lie outside the table (between two tables that touch one rule).
  const parent = Array.from({ length: rows * cols }, (_, i) => i);
  const id = (r: number, c: number) => r * cols + c;
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) {
      if (c + 1 < cols && !hasV(c + 1, r)) parent[find(parent, id(r, c))] = find(parent, id(r, c + 1));
      if (r + 1 < rows && !hasH(r + 1, c)) parent[find(parent, id(r, c))] = find(parent, id(r + 1, c));
    }
  const byRoot = new Map<number, GridBox>();
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) {
      const root = find(parent, id(r, c));
      const b = byRoot.get(root);
      if (!b)
        byRoot.set(root, {
          r0: r,
          r1: r + 1,
          c0: c,
          c1: c + 1,
          x0: xs[c],
          x1: xs[c + 1],
          top: ys[r],
          bottom: ys[r + 1],
          items: [],
          openTop: false,
          openBottom: false,
        });
      else {
        b.r1 = Math.max(b.r1, r + 1);
        b.c0 = Math.min(b.c0, c);
        b.c1 = Math.max(b.c1, c + 1);
        b.x0 = xs[b.c0];
        b.x1 = xs[b.c1];
        b.bottom = ys[b.r1];
      }
    }
  // A box with neither side ruled anywhere is not a cell (the gap around a table's outline).
  const boxes = [...byRoot.values()].filter((b) => {
    for (let r = b.r0; r < b.r1; r++) if (hasV(b.c0, r) || hasV(b.c1, r)) return true;
    return false;
  });
  for (const b of boxes) {
    b.openTop = b.r0 === 0 && ![...Array(b.c1 - b.c0).keys()].some((k) => hasH(0, b.c0 + k));
    b.openBottom = b.r1 === rows && ![...Array(b.c1 - b.c0).keys()].some((k) => hasH(rows, b.c0 + k));
  }
  return { page: pageNo, top: ys[0], bottom: ys[rows], x0: xs[0], x1: xs[cols], rows, boxes, vrules: vs };
}

/**
 * Text just outside a grid's outer rule, within one of its rows and touching the rule (a label column
 * drawn without its left rule, a one-character-per-line label that overflows it), is that row's edge
 * cell's: nothing but the table stands there.
 */
function edgeBox(grids: Grid[], it: TextItem, cx: number, cy: number): GridBox | undefined {
  for (const g of grids) {
    if (cy < g.top || cy > g.bottom) continue;
    const left = cx < g.x0 && it.x + it.w >= g.x0 - it.size;
    const right = cx > g.x1 && it.x <= g.x1 + it.size;
    if (!left && !right) continue;
    const inRow = g.boxes.filter((b) => cy >= b.top && cy <= b.bottom);
    const edge = left ? Math.min(...inRow.map((b) => b.x0)) : Math.max(...inRow.map((b) => b.x1));
    const box = inRow.find((b) => (left ? b.x0 : b.x1) === edge);
    if (box && Math.abs(edge - (left ? g.x0 : g.x1)) <= SNAP) return box;
  }
  return undefined;
}

/**
 * The grids of one page with their text; returns the grids (two boxes or more) and the items outside
 * every grid. A page without rules has no grids.
 */
export function pageGrids(page: PageText, pageNo: number): { grids: Grid[]; rest: TextItem[] } {
  const H = page.height;
  const hs: HSeg[] = [];
  const vs: VSeg[] = [];
  for (const r of page.rules ?? []) {
    if (r.y0 === r.y1) hs.push({ y: H - r.y0, x0: r.x0, x1: r.x1 });
    else vs.push({ x: r.x0, top: H - r.y1, bottom: H - r.y0 });
  }
  const parts = components(mergeH(hs), mergeV(vs));
  const tables = parts.filter((g) => g.hs.length >= 2 && g.vs.length >= 2);
  // A column of a merged cell continued from the page before and on to the next has no horizontal rule
  // to join it to its table: a lone vertical as tall as a table beside it belongs to that table.
  for (const lone of parts.filter((g) => !g.hs.length))
    for (const v of lone.vs) {
      const t = tables.find((g) => {
        const top = Math.min(...g.vs.map((x) => x.top));
        const bottom = Math.max(...g.vs.map((x) => x.bottom));
        return Math.abs(top - v.top) <= 3 && Math.abs(bottom - v.bottom) <= 3;
      });
      t?.vs.push(v);
    }
  const grids = tables
    .map((g) => buildGrid(pageNo, g.hs, g.vs))
    .filter((g): g is Grid => g !== null && g.boxes.length >= 2)
    .sort((a, b) => a.top - b.top);
  const rest: TextItem[] = [];
  for (const it of page.items.flatMap((i) => splitAtRules(i, H, grids))) {
    // The glyphs' middle: the baseline is near the bottom of a CJK glyph, about 0.35 em below its centre.
    const cx = it.x + it.w / 2;
    const cy = H - it.y - 0.35 * it.size;
    const box =
      grids.flatMap((g) => g.boxes).find((b) => cx >= b.x0 && cx <= b.x1 && cy >= b.top && cy <= b.bottom) ?? edgeBox(grids, it, cx, cy);
    if (box) box.items.push(it);
    else rest.push(it);
  }
  // A frame with no text in it (a rule under a heading, an empty box) is no table: nothing of it is kept.
  return { grids: grids.filter((g) => g.boxes.some((b) => b.items.length)), rest };
}
