import { dirname } from 'path';
import { Worker } from 'worker_threads';
import { ReportParseError } from '../../common/errors';
import { parseCellText } from '../cell-value';
import { headingNumber } from '../report-assembler';
import type { DocBlock, DocCell, DocRow, DocTable, ReportDocument } from '../report-document';

/** One positioned text run as pdf.js reports it (PDF user space: y grows upwards, y is the baseline). */
interface TextItem {
  text: string;
  x: number;
  y: number;
  w: number;
  size: number;
}

interface PageText {
  width: number;
  height: number;
  items: TextItem[];
}

type ExtractResult = { ok: true; pages: PageText[] } | { ok: false; name: string; message: string };

/**
 * pdfjs-dist v5 ships only ES modules, and CommonJS hosts such as Jest's module VM refuse import().
 * A worker thread runs on Node's own loader, so pdf.js is imported there (once per process) and only
 * plain text positions come back. It also lets a pathological file be stopped by a timeout.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { pdfjsDir } = workerData;
const path = require('node:path');
const url = (p) => require('node:url').pathToFileURL(path.join(pdfjsDir, p)).href;
// The fake (in-thread) pdf.js worker is loaded from disk up front, never fetched.
const pdfjsReady = import(url('legacy/build/pdf.worker.mjs')).then((w) => {
  globalThis.pdfjsWorker = w;
  return import(url('legacy/build/pdf.mjs'));
});
async function extract(pdfjs, data) {
  const task = pdfjs.getDocument({
    data,
    cMapUrl: path.join(pdfjsDir, 'cmaps') + '/',
    cMapPacked: true,
    standardFontDataUrl: path.join(pdfjsDir, 'standard_fonts') + '/',
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  });
  const doc = await task.promise;
  const pages = [];
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      let page;
      try {
        page = await doc.getPage(n);
      } catch (e) {
        throw Object.assign(new Error('page ' + n + ' cannot be read: ' + e.message), { name: e.name || 'Error' });
      }
      const view = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const items = [];
      for (const it of content.items) {
        if (typeof it.str !== 'string' || it.str.trim() === '') continue;
        const [a, b, c, d, e, f] = it.transform;
        items.push({ text: it.str, x: e, y: f, w: it.width, size: Math.hypot(c, d) || Math.hypot(a, b) || it.height });
      }
      pages.push({ width: view.width, height: view.height, items });
      page.cleanup();
    }
  } finally {
    await doc.destroy();
  }
  return pages;
}
parentPort.on('message', ({ id, data }) => {
  pdfjsReady
    .then((pdfjs) => extract(pdfjs, data))
    .then((pages) => parentPort.postMessage({ id, result: { ok: true, pages } }))
    .catch((e) => parentPort.postMessage({ id, result: { ok: false, name: (e && e.name) || 'Error', message: String((e && e.message) || e) } }));
});
`;

const EXTRACT_TIMEOUT_MS = 60_000;

function pdfjsDir(): string {
  return dirname(require.resolve('pdfjs-dist/package.json'));
}

interface Pending {
  resolve: (r: ExtractResult) => void;
  reject: (e: Error) => void;
  timer: NodeJS.Timeout;
}

/** One long-lived extraction thread per process: pdf.js loads once, not once per file. */
let extractor: { worker: Worker; pending: Map<number, Pending> } | null = null;
let nextId = 1;

function failAll(pending: Map<number, Pending>, error: Error): void {
  for (const p of pending.values()) {
    clearTimeout(p.timer);
    p.reject(error);
  }
  pending.clear();
}

function getExtractor() {
  if (extractor) return extractor;
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { pdfjsDir: pdfjsDir() } });
  // An idle extractor must not keep the process alive; pending timers do while work is under way.
  worker.unref();
  const pending = new Map<number, Pending>();
  const current = { worker, pending };
  worker.on('message', (m: { id: number; result: ExtractResult }) => {
    const p = pending.get(m.id);
    if (!p) return;
    pending.delete(m.id);
    clearTimeout(p.timer);
    p.resolve(m.result);
  });
  worker.on('error', (e) => failAll(pending, new ReportParseError(`PDF reader failed: ${e.message}`)));
  worker.on('exit', () => {
    if (extractor === current) extractor = null;
    failAll(pending, new ReportParseError('PDF reader stopped before finishing'));
  });
  extractor = current;
  return current;
}

function extractText(bytes: Buffer): Promise<ExtractResult> {
  return new Promise((resolve, reject) => {
    const { worker, pending } = getExtractor();
    const id = nextId++;
    const data = new Uint8Array(bytes.byteLength);
    data.set(bytes);
    const timer = setTimeout(() => {
      pending.delete(id);
      reject(new ReportParseError(`PDF text extraction timed out after ${EXTRACT_TIMEOUT_MS / 1000} s`, {}, 'REPORT_UNREADABLE'));
      // A stuck parse blocks the thread: replace it; files queued behind it fail and may be retried.
      if (extractor?.worker === worker) extractor = null;
      void worker.terminate();
    }, EXTRACT_TIMEOUT_MS);
    pending.set(id, { resolve, reject, timer });
    worker.postMessage({ id, data }, [data.buffer]);
  });
}

/** Maps pdf.js failures onto the reasons a user can act on. */
function extractionError(bytes: Buffer, name: string, message: string): ReportParseError {
  if (name === 'PasswordException') return new ReportParseError('encrypted PDF: a password is needed to open it', {}, 'REPORT_ENCRYPTED');
  // Every complete PDF ends with %%EOF (a few tools append junk after it, hence the window).
  const truncated = !bytes.subarray(Math.max(0, bytes.length - 2048)).toString('latin1').includes('%%EOF');
  const what = truncated ? 'truncated PDF (the file ends before its %%EOF marker)' : 'corrupt PDF';
  return new ReportParseError(`${what}: ${message}`, {}, 'REPORT_UNREADABLE');
}

// ---------------------------------------------------------------------------------------------
// Layout: items → chunks (runs of one cell or one line of prose) → lines → tables and paragraphs.

interface Chunk {
  text: string;
  x0: number;
  x1: number;
  y: number;
  size: number;
  page: number;
  figure: boolean;
}

interface Line {
  page: number;
  y: number;
  size: number;
  chunks: Chunk[];
  text: string;
  heading: boolean;
  value: boolean;
  prose: boolean;
}

const PAGE_NUMBER = /^(?:[-—–－]\s*\d{1,4}\s*[-—–－]|第\s*\d{1,4}\s*页(?:\s*[,，/／]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*[/／]\s*\d{1,4})$/u;
const NO_FIGURE_MARKS = new Set(['/', '／', '-', '－', '—', '——', '–', '--', '―', '无']);

/** A cell that reads as a figure: number, decorated number ("251000元", "减少22") or a no-figure mark. */
function isFigure(text: string): boolean {
  const t = text.normalize('NFKC').replace(/\s+/g, '');
  if (t === '') return false;
  if (NO_FIGURE_MARKS.has(t)) return true;
  return /\d/.test(t) && (parseCellText(t, 'signed_count').ok || parseCellText(t, 'wan_yuan').ok);
}

function joinRun(parts: Array<{ text: string; x0: number; x1: number; size: number }>): string {
  let out = '';
  parts.forEach((p, i) => {
    // A visible gap between runs on one line was a space in the source (e.g. "2024 年").
    if (i > 0 && p.x0 - parts[i - 1].x1 > 0.3 * p.size) out += ' ';
    out += p.text;
  });
  return out;
}

function buildLines(pages: PageText[]): Line[] {
  const lines: Line[] = [];
  pages.forEach((page, pi) => {
    const items = [...page.items].sort((a, b) => b.y - a.y || a.x - b.x);
    const groups: TextItem[][] = [];
    for (const it of items) {
      const g = groups[groups.length - 1];
      // Table cells put numbers a little off the label's baseline; wrapped lines are a full line apart.
      if (g && Math.abs(g[0].y - it.y) <= 0.4 * Math.min(g[0].size, it.size)) g.push(it);
      else groups.push([it]);
    }
    for (const g of groups) {
      g.sort((a, b) => a.x - b.x);
      const runs: Array<Array<{ text: string; x0: number; x1: number; size: number }>> = [];
      for (const it of g) {
        const part = { text: it.text, x0: it.x, x1: it.x + it.w, size: it.size };
        const run = runs[runs.length - 1];
        if (run && part.x0 - run[run.length - 1].x1 <= 0.6 * Math.min(part.size, run[run.length - 1].size)) run.push(part);
        else runs.push([part]);
      }
      const y = g[0].y;
      const chunks: Chunk[] = runs.map((run) => {
        const text = joinRun(run).trim();
        return { text, x0: run[0].x0, x1: run[run.length - 1].x1, y, size: Math.max(...run.map((p) => p.size)), page: pi + 1, figure: isFigure(text) };
      });
      const text = joinRun(chunks.map((c) => ({ text: c.text, x0: c.x0, x1: c.x1, size: c.size })));
      if (chunks.length === 1 && PAGE_NUMBER.test(text.trim())) continue;
      // A bare number alone in the top or bottom margin is a page number too.
      if (chunks.length === 1 && /^\d{1,4}$/.test(text.trim()) && (y < 0.08 * page.height || y > 0.92 * page.height)) continue;
      lines.push({ page: pi + 1, y, size: Math.max(...chunks.map((c) => c.size)), chunks, text, heading: false, value: false, prose: false });
    }
  });
  return lines;
}

/** Numbers at the right end of a line, clear of any text: a table row's values. */
function isValueLine(line: Line): boolean {
  const first = line.chunks.findIndex((c) => c.figure);
  if (first < 0 || line.chunks.slice(first).some((c) => !c.figure)) return false;
  if (first === 0) return true;
  const gap = line.chunks[first].x0 - line.chunks[first - 1].x1;
  return gap >= line.chunks[first].size;
}

interface Column {
  x0: number;
  x1: number;
}

/** Value columns: x-extents of the figures, merged where they overlap (left, centred or right aligned alike). */
function valueColumns(lines: Line[]): Column[] {
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

function columnOf(cols: Column[], c: Chunk): number {
  let best = 0;
  let bestDist = Infinity;
  cols.forEach((col, i) => {
    const overlap = Math.min(col.x1, c.x1) - Math.max(col.x0, c.x0);
    const dist = overlap > 0 ? -overlap : Math.abs((col.x0 + col.x1) / 2 - (c.x0 + c.x1) / 2);
    if (dist < bestDist) [best, bestDist] = [i, dist];
  });
  return best;
}

function modeFontSize(lines: Line[]): number {
  const weight = new Map<number, number>();
  for (const l of lines) for (const c of l.chunks) weight.set(Math.round(c.size * 2) / 2, (weight.get(Math.round(c.size * 2) / 2) ?? 0) + c.text.length);
  return [...weight.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 12;
}

/** Body prose runs across value columns at body size; table text stays inside its cell. */
function markProse(lines: Line[], cols: Column[], bodyFont: number, bodyWidth: number): void {
  lines.forEach((l, i) => {
    if (l.value || l.heading) return;
    const wide = l.chunks.some(
      (c) => c.size >= 0.85 * bodyFont && c.x1 - c.x0 >= 0.4 * bodyWidth && cols.filter((col) => col.x1 > c.x0 && col.x0 < c.x1).length >= 2,
    );
    const prev = lines[i - 1];
    // The short last line of a paragraph continues the prose line above it.
    const continues =
      prev?.prose && prev.page === l.page && Math.abs(prev.size - l.size) < 0.1 * l.size && prev.y - l.y <= 2.2 * l.size && Math.abs(prev.chunks[0].x0 - l.chunks[0].x0) <= 2.5 * l.size;
    l.prose = wide || Boolean(continues);
  });
}

// ---------------------------------------------------------------------------------------------
// Tables

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

const cell = (text: string): DocCell => ({ text });

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
function buildTable(lines: Line[]): DocTable {
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
      pending.push({ page: l.page, y: l.y, row: { cells: l.chunks.map((c) => cell(c.text)), page: l.page } });
      return;
    }
    for (const c of l.chunks) fragments.push({ chunk: c, column: 0 });
  });

  const starts = labelColumns(fragments.map((f) => f.chunk));
  for (const f of fragments) f.column = nearestIndex(starts, f.chunk.x0);
  const blocks = labelBlocks(fragments);
  attachLabels(blocks, anchors, pending, cols.length);

  for (const a of anchors) {
    const values: string[][] = cols.map(() => []);
    for (const c of a.line.chunks) if (c.figure || inValueZone(c)) values[columnOf(cols, c)].push(c.text);
    const labels = [...a.labels].sort((p, q) => p.column - q.column || q.top - p.top);
    pending.push({ page: a.line.page, y: a.line.y, row: { cells: [...labels.map((b) => cell(b.text)), ...values.map((v) => cell(v.join(' ')))], page: a.line.page } });
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
    onPage(page).reduce<Anchor | undefined>((best, a) => (!best || Math.abs(a.line.y - y) < Math.abs(best.line.y - y) ? a : best), undefined);
  const standalone = (b: LabelBlock) =>
    pending.push({ page: b.page, y: b.top, row: { cells: [cell(b.text), ...Array.from({ length: valueCount }, () => cell(''))], page: b.page } });

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

// ---------------------------------------------------------------------------------------------
// Paragraphs

function buildParagraphs(lines: Line[], leftMargin: number, lastOnPage: Set<Line>): Array<{ page: number; text: string }> {
  const out: Array<{ page: number; text: string; last: Line }> = [];
  for (const l of lines) {
    const prev = out[out.length - 1];
    const p = prev?.last;
    const x0 = l.chunks[0].x0;
    const indented = x0 > leftMargin + l.size;
    const centredPair = p && x0 > leftMargin + l.size && p.chunks[0].x0 > leftMargin + l.size && !p.heading;
    const continues =
      p &&
      !l.heading &&
      !p.heading &&
      Math.abs(p.size - l.size) < 0.1 * l.size &&
      (p.page === l.page ? p.y - l.y <= 2.5 * l.size : l.page === p.page + 1 && lastOnPage.has(p)) &&
      (!indented || centredPair);
    if (continues) {
      prev.text += l.text;
      prev.last = l;
    } else out.push({ page: l.page, text: l.text, last: l });
  }
  return out.map(({ page, text }) => ({ page, text }));
}

// ---------------------------------------------------------------------------------------------

/** Reads a PDF with a text layer into paragraphs and tables (sections 二, 三, 四 as DocTables). */
export async function readPdf(bytes: Buffer): Promise<ReportDocument> {
  if (bytes.subarray(0, 1024).indexOf('%PDF-') < 0) throw new ReportParseError('not a PDF file (no %PDF- header)', {}, 'REPORT_UNREADABLE');
  const result = await extractText(bytes);
  if (!result.ok) throw extractionError(bytes, result.name, result.message);

  const lines = buildLines(result.pages);
  const meaningful = lines.reduce((n, l) => n + l.text.replace(/\s/g, '').length, 0);
  if (meaningful < 20)
    throw new ReportParseError(
      `no text layer (scanned or image-only PDF): ${result.pages.length} page(s) hold ${meaningful} characters of text`,
      {},
      'REPORT_NO_TEXT',
    );

  for (const l of lines) {
    l.heading = headingNumber(l.text) > 0;
    l.value = !l.heading && isValueLine(l);
  }
  const bodyFont = modeFontSize(lines);
  const bodyLines = lines.filter((l) => Math.abs(l.size - bodyFont) < 0.1 * bodyFont);
  const leftMargin = Math.min(...bodyLines.map((l) => l.chunks[0].x0));
  const bodyWidth = Math.max(...bodyLines.map((l) => l.chunks[l.chunks.length - 1].x1)) - leftMargin;

  // Tables live between headings; inside a section a run of non-prose lines with figures is a table.
  const parts: Line[][] = [];
  for (const l of lines) {
    if (l.heading || !parts.length) parts.push([]);
    parts[parts.length - 1].push(l);
  }
  const tableOf = new Map<Line, Line[]>();
  for (const part of parts) {
    const values = part.filter((l) => l.value);
    if (!values.length) continue;
    markProse(part, valueColumns(values), bodyFont, bodyWidth);
    let run: Line[] = [];
    const flush = () => {
      if (run.some((l) => l.value)) for (const l of run) tableOf.set(l, run);
      run = [];
    };
    for (const l of part) {
      if (l.heading || l.prose) flush();
      else run.push(l);
    }
    flush();
  }

  const lastOnPage = new Set(lines.filter((l, i) => lines[i + 1]?.page !== l.page));
  const blocks: DocBlock[] = [];
  const emitted = new Set<Line[]>();
  let prose: Line[] = [];
  const flushProse = () => {
    for (const p of buildParagraphs(prose, leftMargin, lastOnPage))
      blocks.push({ kind: 'paragraph', text: p.text, page: p.page });
    prose = [];
  };
  for (const l of lines) {
    const table = tableOf.get(l);
    if (!table) {
      prose.push(l);
      continue;
    }
    flushProse();
    if (emitted.has(table)) continue;
    emitted.add(table);
    blocks.push({ kind: 'table', table: buildTable(table) });
  }
  flushProse();
  return { format: 'pdf', blocks };
}

/** Stops the extraction thread (tests and short-lived tools); the next PDF starts a new one. */
export async function closePdfReader(): Promise<void> {
  const current = extractor;
  extractor = null;
  if (current) await current.worker.terminate();
}
