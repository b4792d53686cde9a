/**
 * Layout: pdf.js text items → chunks (runs of one cell or one line of prose) → lines, and the value
 * columns and prose marks that tell a table's lines from the body text around it.
 */
import { isFigure } from '../../cell-value';

export { isFigure };
import type { PageText, TextItem } from './pdf-text.types';

export interface Chunk {
  text: string;
  x0: number;
  x1: number;
  y: number;
  /** Baseline in PDF points from the page's top edge (y counts from the bottom). */
  top: number;
  size: number;
  page: number;
  figure: boolean;
}

export interface Line {
  page: number;
  y: number;
  size: number;
  chunks: Chunk[];
  text: string;
  heading: boolean;
  value: boolean;
  prose: boolean;
}

export interface Column {
  x0: number;
  x1: number;
}

export interface Part {
  text: string;
  x0: number;
  x1: number;
  size: number;
  y?: number;
}

/** Page numbers as printed alone: "- 1 -", "第 1 页", "第1页 共6页", "1/6", "Page 1 of 6". */
export const PAGE_NUMBER =
  /^(?:[-—–－]\s*\d{1,4}\s*[-—–－]|第\s*\d{1,4}\s*页(?:\s*[,，/／]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*[/／]\s*\d{1,4}|[Pp]age\s*\d{1,4}(?:\s*of\s*\d{1,4})?)$/u;

export function joinRun(parts: Part[]): string {
  let out = '';
  parts.forEach((p, i) => {
    // A visible gap between runs on one line was a space in the source (e.g. "2024 年").
    if (i > 0 && p.x0 - parts[i - 1].x1 > 0.3 * p.size) out += ' ';
    out += p.text;
  });
  return out;
}

/**
 * Fonts embedded by Chromium map some ideographs to their Kangxi or supplementary radicals
 * (U+2F00–U+2FDF, U+2E80–U+2EFF: "⼀" for 一, "⾏" for 行); the page shows the ideograph, and NFKC
 * gives it back. Nothing else is folded: the raw text of a cell stays as printed.
 */
export function ideographs(text: string): string {
  return text.replace(/[\u2e80-\u2eff\u2f00-\u2fdf]/gu, (ch) => SUPPLEMENT[ch] ?? ch.normalize('NFKC'));
}

/** Radicals Supplement forms that are whole (simplified) ideographs but have no NFKC mapping. */
const SUPPLEMENT: Record<string, string> = Object.fromEntries(
  [
    ...'⺊卜⺝月⺟母⺠民⺧牛⺩王⺮竹⺷羊⻁虎⻄西⻅见⻆角⻉贝⻋车⻓长⻔门⻗雨⻘青⻚页⻛风⻜飞⻝食⻢马⻣骨⻤鬼⻥鱼⻦鸟⻨麦⻩黄⻬齐⻮齿⻰龙⻳龟',
  ].flatMap((ch, i, all) => (i % 2 ? [] : [[ch, all[i + 1]]])),
);

/** Lines of every page, top to bottom, with page numbers left out. */
export function buildLines(pages: PageText[]): Line[] {
  const lines: Line[] = [];
  pages.forEach((page, pi) => {
    // Blank runs (kept by the extractor for blank table cells) carry nothing for lines of text.
    const items = page.items.filter((it) => it.text.trim() !== '').sort((a, b) => b.y - a.y || a.x - b.x);
    const groups: TextItem[][] = [];
    for (const it of items) {
      const g = groups[groups.length - 1];
      // Table cells put numbers a little off the label's baseline; wrapped lines are a full line apart.
      if (g && Math.abs(g[0].y - it.y) <= 0.4 * Math.min(g[0].size, it.size)) g.push(it);
      else groups.push([it]);
    }
    for (const g of groups) {
      g.sort((a, b) => a.x - b.x);
      const runs: Part[][] = [];
      for (const it of g) {
        const part = { text: ideographs(it.text), x0: it.x, x1: it.x + it.w, size: it.size, y: it.y };
        const run = runs[runs.length - 1];
        const prev = run?.[run.length - 1];
        // Text of one cell shares its baseline; a figure set a little off it is the next cell's, however close.
        if (prev && part.x0 - prev.x1 <= 0.6 * Math.min(part.size, prev.size) && Math.abs(part.y - prev.y!) < 0.08 * part.size)
          run!.push(part);
        else runs.push([part]);
      }
      const y = g[0].y;
      const chunks: Chunk[] = runs.map((run) => {
        const text = joinRun(run).trim();
        return {
          text,
          x0: run[0].x0,
          x1: run[run.length - 1].x1,
          y,
          top: page.height - y,
          size: Math.max(...run.map((p) => p.size)),
          page: pi + 1,
          figure: isFigure(text),
        };
      });
      const text = joinRun(chunks);
      if (chunks.length === 1 && PAGE_NUMBER.test(text.trim())) continue;
      // A bare number alone in the top or bottom margin is a page number too.
      if (chunks.length === 1 && /^\d{1,4}$/.test(text.trim()) && (y < 0.08 * page.height || y > 0.92 * page.height)) continue;
      lines.push({
        page: pi + 1,
        y,
        size: Math.max(...chunks.map((c) => c.size)),
        chunks,
        text,
        heading: false,
        value: false,
        prose: false,
      });
    }
  });
  return lines;
}

/** Numbers at the right end of a line, clear of any text: a table row's values. */
export function isValueLine(line: Line): boolean {
  const first = line.chunks.findIndex((c) => c.figure);
  if (first < 0 || line.chunks.slice(first).some((c) => !c.figure)) return false;
  if (first === 0) return true;
  const gap = line.chunks[first].x0 - line.chunks[first - 1].x1;
  return gap >= line.chunks[first].size;
}

/** Value columns: x-extents of the figures, merged where they overlap (left, centred or right aligned alike). */
export function valueColumns(lines: Line[]): Column[] {
  const spans = lines.flatMap((l) => l.chunks.filter((c) => c.figure).map((c) => ({ x0: c.x0, x1: c.x1 })));
  spans.sort((a, b) => a.x0 - b.x0);
  const cols: Column[] = [];
  for (const s of spans) {
    const last = cols[cols.length - 1];
    if (last && s.x0 <= last.x1 + 1) last.x1 = Math.max(last.x1, s.x1);
    else cols.push({ ...s });
  }
  return cols;
}

/** The column a chunk overlaps most, else the one whose centre is nearest. */
export function columnOf(cols: Column[], c: Chunk): number {
  let best = 0;
  let bestDist = Infinity;
  cols.forEach((col, i) => {
    const overlap = Math.min(col.x1, c.x1) - Math.max(col.x0, c.x0);
    const dist = overlap > 0 ? -overlap : Math.abs((col.x0 + col.x1) / 2 - (c.x0 + c.x1) / 2);
    if (dist < bestDist) [best, bestDist] = [i, dist];
  });
  return best;
}

/** The body font: the size (to half a point) that sets the most characters. */
export function modeFontSize(lines: Line[]): number {
  const weight = new Map<number, number>();
  for (const l of lines)
    for (const c of l.chunks) {
      const size = Math.round(c.size * 2) / 2;
      weight.set(size, (weight.get(size) ?? 0) + c.text.length);
    }
  return [...weight.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 12;
}

/** Body prose runs across value columns at body size; table text stays inside its cell. */
export function markProse(lines: Line[], cols: Column[], bodyFont: number, bodyWidth: number): void {
  lines.forEach((l, i) => {
    if (l.value || l.heading) return;
    const wide = l.chunks.some(
      (c) =>
        c.size >= 0.85 * bodyFont && c.x1 - c.x0 >= 0.4 * bodyWidth && cols.filter((col) => col.x1 > c.x0 && col.x0 < c.x1).length >= 2,
    );
    const prev = lines[i - 1];
    // The short last line of a paragraph continues the prose line above it.
    const continues =
      prev?.prose &&
      prev.page === l.page &&
      Math.abs(prev.size - l.size) < 0.1 * l.size &&
      prev.y - l.y <= 2.2 * l.size &&
      Math.abs(prev.chunks[0].x0 - l.chunks[0].x0) <= 2.5 * l.size;
    l.prose = wide || Boolean(continues);
  });
}
