/**
 * Tables: which lines form a table (one table may run over several pages), and each table's rows
 * rebuilt from positions: wrapped labels joined, merged label cells attached to their rows.
 */
import type { DocCell, DocRow, DocTable } from '../../report-document';
import { columnOf, markProse, valueColumns, type Chunk, type Line } from './pdf-layout';

interface Fragment {
  chunk: Chunk;
  column: number;
}

interface LabelBlock {
  fragments: Chunk[];
  column: number;
  page: number;
  top: number;
  bottom: number;
  text: string;
  vertical: boolean;
}

interface Anchor {
  line: Line;
  labels: LabelBlock[];
}

interface PendingRow {
  page: number;
  y: number;
  row: DocRow;
}

/** A cell and where it was printed: page, and PDF points from the page's top-left corner. */
const round = (v: number) => Math.round(v * 10) / 10;
const cell = (text: string, page: number, x: number | undefined, top: number): DocCell => ({
  text,
  source: x === undefined ? { page, y: round(top) } : { page, x: round(x), y: round(top) },
});
const chunkCell = (c: Chunk): DocCell => cell(c.text, c.page, c.x0, c.top);

/**
 * Tables live between headings; inside a section a run of non-prose lines with figures is a table.
 * Page breaks do not end a run, so a table continued on the next page stays one table.
 * Returns each table line's table (the lines of one table share one array).
 */
export function findTables(lines: Line[], bodyFont: number, bodyWidth: number): Map<Line, Line[]> {
  const sections: Line[][] = [];
  for (const l of lines) {
    if (l.heading || !sections.length) sections.push([]);
    sections[sections.length - 1].push(l);
  }
  const tableLines = new Map<Line, Line[]>();
  for (const section of sections) {
    const values = section.filter((l) => l.value);
    if (!values.length) continue;
    markProse(section, valueColumns(values), bodyFont, bodyWidth);
    let run: Line[] = [];
    const flush = () => {
      if (run.some((l) => l.value)) for (const l of run) tableLines.set(l, run);
      run = [];
    };
    for (const l of section) {
      if (l.heading || l.prose) flush();
      else run.push(l);
    }
    flush();
  }
  return tableLines;
}

/** Label text column starts (x of the left edge), clustered so wrapped lines of a cell share one. */
function labelColumns(chunks: Chunk[]): number[] {
  const xs = chunks.map((c) => ({ x: c.x0, tol: c.size })).sort((a, b) => a.x - b.x);
  const starts: number[] = [];
  for (const { x, tol } of xs) if (!starts.length || x - starts[starts.length - 1] > tol) starts.push(x);
  return starts;
}

function nearestIndex(starts: number[], x: number): number {
  let best = 0;
  starts.forEach((s, i) => {
    if (Math.abs(s - x) < Math.abs(starts[best] - x)) best = i;
  });
  return best;
}

/** Builds the rows of one table from its lines (which may run over several pages). */
export function buildTable(table: Line[]): DocTable {
  const lines = joinOffsetFigures(table);
  const groups = columnGroups(lines);
  if (groups.length === 1) return buildGroup(lines);
  const rows = groups.flatMap((g) => buildGroup(g).rows);
  return { rows, page: rows[0]?.page };
}

/**
 * A figure set lower or higher than its row's other cells (LibreOffice puts the first value of a
 * cell without a paragraph about half a line down) stands on a line of its own. Two rows cannot be
 * less than a line apart, so a line of figures that close to a value line, in columns that line
 * leaves empty, is part of it.
 */
function joinOffsetFigures(lines: Line[]): Line[] {
  const out: Line[] = [];
  const apart = (a: Line, b: Line) => a.chunks.every((p) => b.chunks.every((q) => p.x1 <= q.x0 || q.x1 <= p.x0));
  for (const l of lines) {
    const prev = out[out.length - 1];
    const near = prev && prev.page === l.page && Math.abs(prev.y - l.y) < 0.8 * Math.min(prev.size, l.size);
    const figuresOnly = (x: Line) => x.chunks.every((c) => c.figure);
    if (near && l.value && prev.value && (figuresOnly(l) || figuresOnly(prev)) && apart(prev, l)) {
      const chunks = [...prev.chunks, ...l.chunks].sort((a, b) => a.x0 - b.x0);
      // The row stands where its label does (the line that is not figures alone).
      const base = figuresOnly(prev) ? l : prev;
      out[out.length - 1] = { ...base, chunks, text: chunks.map((c) => c.text).join(' ') };
      continue;
    }
    out.push(l);
  }
  return out;
}

/**
 * A table whose parts have columns of their own (section 二's blocks: four, three or two columns,
 * each under its caption and header row) is cut before each later header: a line with text over the
 * value columns after figures, together with the caption lines just above it.
 */
function columnGroups(lines: Line[]): Line[][] {
  const valueLines = lines.filter((l) => l.value);
  if (!valueLines.length) return [lines];
  const valueStart = valueColumns(valueLines)[0].x0;
  const groups: Line[][] = [[]];
  let seenValues = false;
  lines.forEach((l) => {
    const header = !l.value && l.chunks.some((c) => !c.figure && c.x1 > valueStart + 0.5 * c.size);
    const current = groups[groups.length - 1];
    if (header && seenValues) {
      // The caption lines right above the header (label column only) open the new part with it.
      let k = current.length;
      while (k > 0 && !current[k - 1].value && current[k - 1].chunks.every((c) => c.x1 <= valueStart) && current[k - 1].page === l.page)
        k--;
      const moved = current.splice(k);
      if (!current.some((x) => x.value)) current.push(...moved.splice(0));
      groups.push([...moved, l]);
      seenValues = false;
      return;
    }
    current.push(l);
    seenValues ||= l.value;
  });
  return groups.filter((g) => g.some((l) => l.value));
}

function buildGroup(lines: Line[]): DocTable {
  const valueLines = lines.filter((l) => l.value);
  const cols = valueColumns(valueLines);
  const valueStart = cols[0].x0;
  const firstValue = lines.indexOf(valueLines[0]);
  const inValueZone = (c: Chunk) => c.x1 > valueStart + 0.5 * c.size;
  const pending: PendingRow[] = [];
  const fragments: Fragment[] = [];
  const anchors: Anchor[] = [];

  lines.forEach((l, i) => {
    if (l.value) {
      anchors.push({ line: l, labels: [] });
      for (const c of l.chunks) if (!c.figure && !inValueZone(c)) fragments.push({ chunk: c, column: 0 });
      return;
    }
    // Header lines: everything above the first values, and lines with text over the value columns.
    if (i < firstValue || l.chunks.some(inValueZone)) {
      pending.push({ page: l.page, y: l.y, row: { cells: l.chunks.map(chunkCell), page: l.page } });
      return;
    }
    for (const c of l.chunks) fragments.push({ chunk: c, column: 0 });
  });

  const starts = labelColumns(fragments.map((f) => f.chunk));
  for (const f of fragments) f.column = nearestIndex(starts, f.chunk.x0);
  const blocks = labelBlocks(fragments);
  attachLabels(blocks, anchors, pending, cols.length);

  for (const a of anchors) {
    const values: Chunk[][] = cols.map(() => []);
    for (const c of a.line.chunks) if (c.figure || inValueZone(c)) values[columnOf(cols, c)].push(c);
    const labels = [...a.labels].sort((p, q) => p.column - q.column || q.top - p.top);
    const top = a.line.chunks[0].top;
    const valueCells = values.map((v, i) => cell(v.map((c) => c.text).join(' '), a.line.page, v[0]?.x0 ?? cols[i].x0, v[0]?.top ?? top));
    pending.push({
      page: a.line.page,
      y: a.line.y,
      row: { cells: [...labels.map((b) => chunkCell({ ...b.fragments[0], text: b.text })), ...valueCells], page: a.line.page },
    });
  }
  pending.sort((p, q) => p.page - q.page || q.y - p.y);
  return { rows: pending.map((p) => p.row), page: pending[0]?.page };
}

/** Groups label fragments of one column into cells: wrapped lines sit closer than separate rows. */
function labelBlocks(fragments: Fragment[]): LabelBlock[] {
  const byColumn = new Map<string, Chunk[]>();
  for (const f of fragments) {
    const key = `${f.chunk.page}:${f.column}`;
    byColumn.set(key, [...(byColumn.get(key) ?? []), f.chunk]);
  }
  // Line pitch inside a cell: the smallest gap between stacked fragments of one column.
  const gaps: number[] = [];
  for (const chunks of byColumn.values()) {
    chunks.sort((a, b) => b.y - a.y);
    for (let i = 1; i < chunks.length; i++) {
      const gap = chunks[i - 1].y - chunks[i].y;
      if (gap >= 0.8 * chunks[i].size) gaps.push(gap);
    }
  }
  const pitch = gaps.length ? 1.35 * Math.min(...gaps) : 0;
  // Without wrapped labels the smallest gap is the row pitch; no line spacing exceeds ~2.4 em.
  const threshold = (c: Chunk) => Math.min(pitch, 2.4 * c.size);
  const blocks: LabelBlock[] = [];
  for (const [key, chunks] of byColumn) {
    const column = Number(key.split(':')[1]);
    let current: Chunk[] = [];
    const flush = () => {
      if (!current.length) return;
      const vertical = current.length >= 3 && current.every((c) => c.text.replace(/\s/g, '').length <= 2);
      blocks.push({
        fragments: current,
        column,
        page: current[0].page,
        top: current[0].y,
        bottom: current[current.length - 1].y,
        text: current.map((c) => c.text).join(''),
        vertical,
      });
      current = [];
    };
    for (const c of chunks) {
      if (current.length && current[current.length - 1].y - c.y > threshold(c)) flush();
      current.push(c);
    }
    flush();
  }
  return blocks;
}

function attachLabels(blocks: LabelBlock[], anchors: Anchor[], pending: PendingRow[], valueCount: number): void {
  const onPage = (page: number) => anchors.filter((a) => a.line.page === page);
  const nearest = (page: number, y: number) =>
    onPage(page).reduce<Anchor | undefined>(
      (best, a) => (!best || Math.abs(a.line.y - y) < Math.abs(best.line.y - y) ? a : best),
      undefined,
    );
  const standalone = (b: LabelBlock) =>
    pending.push({
      page: b.page,
      y: b.top,
      row: {
        cells: [
          chunkCell({ ...b.fragments[0], text: b.text }),
          ...Array.from({ length: valueCount }, () => cell('', b.page, undefined, b.fragments[0].top)),
        ],
        page: b.page,
      },
    });

  const spanning: LabelBlock[] = [];
  for (const b of blocks) {
    if (b.vertical) {
      spanning.push(b);
      continue;
    }
    const tol = 0.5 * b.fragments[0].size;
    const inside = onPage(b.page).filter((a) => a.line.y <= b.top + tol && a.line.y >= b.bottom - tol);
    if (inside.length === 1) inside[0].labels.push(b);
    else if (inside.length > 1) {
      // Several rows in one block: single-line rows packed tightly; each line goes to its own row.
      for (const f of b.fragments) {
        const a = nearest(b.page, f.y)!;
        a.labels.push({ ...b, fragments: [f], top: f.y, bottom: f.y, text: f.text });
      }
    } else spanning.push(b);
  }
  // A label beside no figures either spans several rows (merged cell, e.g. "（三）不予公开" or the
  // one-character-per-line "三、本年度办理结果") or is a row whose cells are all blank.
  for (const b of spanning) {
    const centre = (b.top + b.bottom) / 2;
    const a = nearest(b.page, centre);
    const ownColumn = a?.labels.some((l) => l.column === b.column);
    if (a && !ownColumn && Math.abs(a.line.y - centre) <= (b.top - b.bottom) / 2 + 3 * b.fragments[0].size) a.labels.push(b);
    else standalone(b);
  }
}
