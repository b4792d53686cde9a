import { createHash } from 'crypto';
import { existsSync, readdirSync, readFileSync } from 'fs';
import { basename, extname, join, relative } from 'path';
import JSZip from 'jszip';
import { SeededRandom } from '../../src/shared/seeded-random';
import { SEED_REPORT } from '../../seeds/seed';
import { onePagePdf } from '../support/pdf-builder';
import { FIXTURES_ABSENT, FIXTURES_DIR, hasFixtures } from '../support/shared';

/**
 * Seeded mutated copies of real reports, in every format the readers read (docs/format.md): each
 * copy keeps a label of what was done to it, so a failure names the copy that caused it.
 */

export type SourceFormat = 'text' | 'html' | 'docx' | 'doc' | 'pdf';

export interface Source {
  /** Path relative to the project root (or ../shared/fixtures/…), for labels. */
  name: string;
  format: SourceFormat;
  /** The year the report is for: the seed's 2020, else the year in its file name. */
  year: number;
  bytes: Buffer;
}

export type MutationKind =
  | 'intact'
  | 'truncated'
  | 'bytes-flipped'
  | 'cells-swapped'
  | 'figure-to-letters'
  | 'row-deleted'
  | 'edition-changed'
  | 'padded'
  | 'huge'
  | 'empty'
  | 'zip-not-docx'
  | 'pdf-xref-cut'
  | 'bad-base64'
  | 'year-out-of-range';

export interface Mutant {
  kind: MutationKind;
  /** What was done, to which source: "truncated at 1234 of 5678 bytes: tests/fixtures/real/x.html". */
  label: string;
  source: string;
  /** Unique per copy, so that an error message can be matched to the copy that caused it. */
  fileName: string;
  year: number;
  bytes: Buffer;
  /** Sent instead of bytes.toString('base64') (bad-base64). */
  contentBase64?: string;
}

const ROOT = join(__dirname, '..', '..');
const FORMAT_BY_EXT: Record<string, SourceFormat> = {
  '.txt': 'text',
  '.md': 'text',
  '.html': 'html',
  '.htm': 'html',
  '.docx': 'docx',
  '.doc': 'doc',
  '.pdf': 'pdf',
};

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));
}

function sourceOf(path: string, year?: number): Source | null {
  const format = FORMAT_BY_EXT[extname(path).toLowerCase()];
  const y = year ?? Number(/(20\d\d)/.exec(basename(path))?.[1]);
  if (!format || !y || basename(path) === 'README.md') return null;
  return { name: relative(ROOT, path), format, year: y, bytes: readFileSync(path) };
}

/** A one-page PDF the test writes itself (Helvetica text, no report tables): small enough to be submitted whole. */
function builtPdf(): Source {
  const text = ['2020 Annual report on government information disclosure', 'Requests received 12 9 3', 'Granted 7'];
  const ops = text.map((t, i) => `BT /F1 12 Tf 72 ${760 - i * 20} Td (${t}) Tj ET`).join('\n');
  return { name: 'built/one-page.pdf', format: 'pdf', year: 2020, bytes: onePagePdf(Buffer.from(ops, 'latin1')) };
}

/**
 * Every source: the seed, tests/fixtures/real, tests/fixtures/derived (text, HTML, DOCX, DOC, PDF),
 * ../shared/fixtures when it is beside the checkout (`missing` says so when not), and a built PDF.
 */
export function loadSources(): { sources: Source[]; missing: string[] } {
  const missing = hasFixtures ? [] : [FIXTURES_ABSENT];
  const paths = [
    ...filesUnder(join(ROOT, 'tests', 'fixtures', 'real')),
    ...filesUnder(join(ROOT, 'tests', 'fixtures', 'derived')),
    ...(hasFixtures ? filesUnder(FIXTURES_DIR) : []),
  ];
  const sources = [sourceOf(SEED_REPORT, 2020), ...paths.filter((p) => !p.endsWith('.json')).map((p) => sourceOf(p)), builtPdf()].filter(
    (s): s is Source => s !== null,
  );
  return { sources, missing };
}

/** A figure standing alone in its cell: between line breaks, tabs, pipes or tags (text, HTML, Word XML). */
const FIGURE = /(^|[\t|>])([ \t]*)(\d+(?:\.\d+)?)(?=[ \t]*(?:$|[\t|<\r\n]))/gm;

interface Figure {
  at: number;
  text: string;
}

function figuresOf(s: string): Figure[] {
  return [...s.matchAll(FIGURE)].map((m) => ({ at: m.index! + m[1].length + m[2].length, text: m[3] }));
}

const splice = (s: string, at: number, len: number, by: string) => s.slice(0, at) + by + s.slice(at + len);

/** The XML part of a DOCX that holds its tables, or the text itself: where a text edit goes. */
async function editText(
  src: Source,
  edit: (text: string) => { text: string; what: string } | null,
): Promise<{ bytes: Buffer; what: string } | null> {
  if (src.format === 'text' || src.format === 'html') {
    const r = edit(src.bytes.toString('utf8'));
    return r && { bytes: Buffer.from(r.text, 'utf8'), what: r.what };
  }
  if (src.format !== 'docx') return null;
  const zip = await JSZip.loadAsync(src.bytes);
  const part = zip.file('word/document.xml');
  if (!part) return null;
  const r = edit(await part.async('string'));
  if (!r) return null;
  zip.file('word/document.xml', r.text);
  return { bytes: await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }), what: r.what };
}

function swapCells(rng: SeededRandom) {
  return (s: string) => {
    const figs = figuresOf(s);
    if (figs.length < 2) return null;
    const a = rng.pick(figs);
    const others = figs.filter((f) => f.text !== a.text);
    if (!others.length) return null;
    const b = rng.pick(others);
    const [first, second] = a.at < b.at ? [a, b] : [b, a];
    const text = splice(splice(s, second.at, second.text.length, first.text), first.at, first.text.length, second.text);
    return { text, what: `figures ${first.text}@${first.at} and ${second.text}@${second.at} swapped` };
  };
}

const LETTERS = ['abc', '十二', '12.9O', 'l0', 'x', '一百零五', 'NaN', '1,2,3'];

function figureToLetters(rng: SeededRandom) {
  return (s: string) => {
    const figs = figuresOf(s);
    if (!figs.length) return null;
    const f = rng.pick(figs);
    const by = rng.pick(LETTERS);
    return { text: splice(s, f.at, f.text.length, by), what: `figure ${f.text}@${f.at} replaced by "${by}"` };
  };
}

function deleteRow(rng: SeededRandom, format: SourceFormat) {
  return (s: string) => {
    // HTML and Word tables: one <tr>/<w:tr> element; text: a labelled line and the figures under it.
    const tag = format === 'docx' ? /<w:tr[ >][\s\S]*?<\/w:tr>/g : format === 'html' ? /<tr[\s>][\s\S]*?<\/tr>/gi : null;
    if (tag) {
      const rows = [...s.matchAll(tag)];
      if (!rows.length) return null;
      const r = rng.pick(rows);
      return { text: splice(s, r.index!, r[0].length, ''), what: `table row ${rows.indexOf(r) + 1} of ${rows.length} deleted` };
    }
    const lines = s.split('\n');
    const numeric = (l: string | undefined) => l !== undefined && /^[\s\d.]+$/.test(l) && /\d/.test(l);
    const labelled = lines
      .map((l, i) => (/[\u4e00-\u9fff]/.test(l) && (/\d/.test(l) || numeric(lines[i + 1])) ? i : -1))
      .filter((i) => i >= 0);
    if (!labelled.length) return null;
    const i = rng.pick(labelled);
    let n = 1;
    while (numeric(lines[i + n])) n++;
    lines.splice(i, n);
    return { text: lines.join('\n'), what: `line ${i + 1} and the ${n - 1} figure lines under it deleted` };
  };
}

/** A copy kept under the body limit of the server when `within` is set, so that the reader, not the limit, answers. */
function truncate(rng: SeededRandom, bytes: Buffer, within: number): { bytes: Buffer; what: string } {
  const cut = rng.below(Math.min(bytes.length, within));
  return { bytes: bytes.subarray(0, cut), what: `truncated at ${cut} of ${bytes.length} bytes` };
}

function flipBytes(rng: SeededRandom, bytes: Buffer): { bytes: Buffer; what: string } {
  const out = Buffer.from(bytes);
  const n = rng.int(1, 16);
  const at: number[] = [];
  for (let i = 0; i < n && out.length; i++) {
    const p = rng.below(out.length);
    out[p] ^= 1 << rng.below(8);
    at.push(p);
  }
  return { bytes: out, what: `${at.length} bytes flipped at ${at.slice(0, 6).join(',')}${at.length > 6 ? ',…' : ''}` };
}

async function zipNotDocx(rng: SeededRandom): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('notes.txt', `这不是Word文档 ${rng.below(1e9)}`);
  if (rng.chance(0.5)) zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types/>');
  return zip.generateAsync({ type: 'nodebuffer' });
}

const EXT: Record<SourceFormat, string> = { text: 'txt', html: 'html', docx: 'docx', doc: 'doc', pdf: 'pdf' };
const TEXTUAL: SourceFormat[] = ['text', 'html', 'docx'];

/** How often each kind comes up (out of the sum); the rare ones are the slow or the trivially refused. */
const WEIGHTS: Array<[MutationKind, number]> = [
  ['intact', 10],
  ['truncated', 14],
  ['bytes-flipped', 14],
  ['cells-swapped', 14],
  ['figure-to-letters', 12],
  ['row-deleted', 12],
  ['edition-changed', 8],
  ['padded', 3],
  ['huge', 1],
  ['empty', 2],
  ['zip-not-docx', 2],
  ['pdf-xref-cut', 3],
  ['bad-base64', 2],
  ['year-out-of-range', 2],
];

export interface MutantOptions {
  seed: number;
  count: number;
  /** Largest file the server can take in one request (its body limit, less JSON and base64's third). */
  maxFileBytes: number;
  /** Only these kinds (default: all, by WEIGHTS). */
  kinds?: MutationKind[];
}

/**
 * `count` distinct copies (no two with the same bytes and year: each stored one is a new revision),
 * reproducible from `seed`. Kinds a source cannot take (a row of a PDF) are drawn again.
 */
export async function generateMutants(sources: Source[], opts: MutantOptions): Promise<Mutant[]> {
  const rng = new SeededRandom(opts.seed);
  const fits = sources.filter((s) => s.bytes.length <= opts.maxFileBytes);
  const textual = fits.filter((s) => TEXTUAL.includes(s.format));
  const pdfs = sources.filter((s) => s.format === 'pdf');
  const bag = WEIGHTS.filter(([k]) => !opts.kinds || opts.kinds.includes(k)).flatMap(([k, w]) => Array<MutationKind>(w).fill(k));
  const seen = new Set<string>();
  const out: Mutant[] = [];
  let attempts = 0;
  while (out.length < opts.count) {
    if (++attempts > opts.count * 20) throw new Error(`could not make ${opts.count} distinct mutants from ${sources.length} sources`);
    const kind = rng.pick(bag);
    const m = await mutate(rng, kind, { sources, fits, textual, pdfs }, opts.maxFileBytes);
    if (!m) continue;
    const key = `${createHash('sha256').update(m.bytes).digest('hex')}:${m.year}:${m.contentBase64 ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ ...m, kind, fileName: `m${String(out.length).padStart(4, '0')}-${kind}.${m.ext}` });
  }
  return out;
}

type Draft = Omit<Mutant, 'kind' | 'fileName'> & { ext: string };
interface Pools {
  sources: Source[];
  fits: Source[];
  textual: Source[];
  pdfs: Source[];
}

async function mutate(rng: SeededRandom, kind: MutationKind, pools: Pools, maxFileBytes: number): Promise<Draft | null> {
  const draft = (src: Source, bytes: Buffer, what: string, year = src.year): Draft => ({
    label: `${kind}: ${what}: ${src.name}`,
    source: src.name,
    year,
    bytes,
    ext: EXT[src.format],
  });
  switch (kind) {
    case 'intact': {
      const src = rng.pick(pools.fits);
      return draft(src, src.bytes, 'unchanged copy');
    }
    case 'truncated': {
      // Mostly within the limit (the reader must answer); sometimes anywhere (the limit may answer).
      const src = rng.pick(pools.sources);
      const t = truncate(rng, src.bytes, rng.chance(0.8) ? maxFileBytes : src.bytes.length);
      return draft(src, t.bytes, t.what);
    }
    case 'bytes-flipped': {
      const src = rng.pick(rng.chance(0.9) ? pools.fits : pools.sources);
      const f = flipBytes(rng, src.bytes);
      return draft(src, f.bytes, f.what);
    }
    case 'cells-swapped':
    case 'figure-to-letters':
    case 'row-deleted': {
      const src = rng.pick(pools.textual);
      const edit =
        kind === 'cells-swapped' ? swapCells(rng) : kind === 'figure-to-letters' ? figureToLetters(rng) : deleteRow(rng, src.format);
      const r = await editText(src, edit);
      return r && draft(src, r.bytes, r.what);
    }
    case 'edition-changed': {
      // 2019 tables under a 2021-edition year, and the reverse (docs/format.md: 2019 edition for 2019–2020).
      const src = rng.pick(pools.fits);
      const year = src.year <= 2020 ? rng.int(2021, 2025) : rng.int(2019, 2020);
      return draft(src, src.bytes, `${src.year} report submitted as ${year}`, year);
    }
    case 'padded': {
      const src = rng.pick(pools.fits.filter((s) => s.format === 'text' || s.format === 'html'));
      const size = rng.int(src.bytes.length, maxFileBytes);
      const pad = Buffer.alloc(size - src.bytes.length, src.format === 'html' ? ' ' : '\n');
      return draft(src, Buffer.concat([src.bytes, pad]), `padded with whitespace to ${size} bytes`);
    }
    case 'huge': {
      const src = rng.pick(pools.sources);
      const size = 20 * 1024 * 1024 + rng.below(1024);
      return draft(src, Buffer.concat([src.bytes, Buffer.alloc(Math.max(0, size - src.bytes.length), ' ')]), `padded to ${size} bytes`);
    }
    case 'empty': {
      const src = rng.pick(pools.sources);
      return draft(src, Buffer.alloc(0), 'no bytes at all', src.year + rng.below(2));
    }
    case 'zip-not-docx': {
      const src = rng.pick(pools.sources);
      return { ...draft(src, await zipNotDocx(rng), 'a zip of a text file, named .docx'), ext: 'docx' };
    }
    case 'pdf-xref-cut': {
      // Half from the PDFs small enough to reach the reader (the built one), half from the real ones.
      const small = pools.pdfs.filter((p) => p.bytes.length <= maxFileBytes);
      const src = rng.pick(small.length && rng.chance(0.5) ? small : pools.pdfs);
      const at = src.bytes.lastIndexOf('xref');
      if (at < 0) return null;
      const keep = rng.chance(0.5) ? at : at + rng.below(src.bytes.length - at);
      return draft(src, src.bytes.subarray(0, keep), `cut at byte ${keep}, in or before its xref table at ${at}`);
    }
    case 'bad-base64': {
      const src = rng.pick(pools.fits);
      const b64 = src.bytes.toString('base64');
      const at = rng.below(b64.length);
      const bad = splice(b64, at, 1, rng.pick(['!', '*', '%', ' ', '\u00e9', '==', '-']));
      return { ...draft(src, src.bytes, `base64 broken at character ${at}`), contentBase64: bad };
    }
    case 'year-out-of-range': {
      const src = rng.pick(pools.fits);
      const year = rng.pick([0, 1900, 2007, 2999, -2020, 99999]);
      return draft(src, src.bytes, `submitted for year ${year}`, year);
    }
  }
}
