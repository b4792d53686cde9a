/**
 * Derives the test corpus in tests/fixtures/derived from every real report fixture
 * (../shared/fixtures, and tests/fixtures/real when present) and from a few reports rendered by
 * src/render (fixed seed): each HTML source printed to PDF by headless Chromium (A4/Letter, with and
 * without the browser's header and footer) and copied as the page's text; each HTML source saved as
 * DOCX by LibreOffice; each DOCX (source or LibreOffice's) exported to PDF, legacy DOC and text.
 *
 *   npx tsx tests/corpus/derive-corpus.ts      (needs /usr/bin/chromium and /usr/bin/soffice)
 *
 * Every derived file gets `<file>.truth.json`: a reference to its source's truth (real fixtures),
 * or the full truth (generated reports). The outputs are committed, so tests need neither tool.
 * PDF and text sources (nothing users do to them is in scope) are listed in the manifest but not derived.
 *
 * Chromium's PDFs are large here (~400 KB: Skia embeds the CFF Noto CJK fonts as Type 3 glyphs), so by
 * default each page is printed in two of the four variants, covering both paper sizes and both header
 * settings: A4 with header/footer (Chrome's default in China) and Letter without. `--all-variants`
 * prints all four (A4/Letter × with/without header), about twice the corpus size.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, copyFileSync } from 'fs';
import { tmpdir } from 'os';
import { basename, extname, join } from 'path';
import { renderReport } from '../../src/render/report-renderer';
import { ChromiumPrinter, DEFAULT_VARIANTS, PRINT_VARIANTS } from './chromium-print';
import {
  DERIVED_DIR,
  GENERATED_DIR,
  KINDS,
  KIND_FORMAT,
  MANIFEST_FILE,
  REPO_ROOT,
  repoPath,
  type DerivedKind,
  type DerivedTruth,
  type Truth,
} from './corpus-layout';
import { generatedReports, GENERATED_SEED } from './generated-reports';
import { convertBatch, sofficeVersion } from './libreoffice';
import { LOST } from './lost-in-conversion';
import { existsHere, FIXTURES_ABSENT, FIXTURES_DIR } from '../support/shared';

/** Folders of real fixtures: `<name>.<ext>` beside `<name>.truth.json`. */
const REAL_DIRS = [FIXTURES_DIR, join(REPO_ROOT, 'tests', 'fixtures', 'real')];

interface Source {
  /** Unique stem of the derived files' names. */
  stem: string;
  file: string;
  format: 'html' | 'docx' | 'pdf' | 'text' | 'other';
  truthFile: string;
  /** Present for generated reports: stored in full in each derived truth file. */
  truth?: Truth;
}

interface Derived {
  file: string;
  kind: DerivedKind;
  source: Source;
  derivedBy: string;
}

function formatOf(file: string): Source['format'] {
  const ext = extname(file).toLowerCase();
  return ext === '.html' || ext === '.htm' ? 'html' : ext === '.docx' ? 'docx' : ext === '.pdf' ? 'pdf' : ext === '.txt' ? 'text' : 'other';
}

function realSources(): Source[] {
  const out: Source[] = [];
  for (const dir of REAL_DIRS) {
    if (!existsHere(dir)) {
      console.log(`(${dir}: ${dir === FIXTURES_DIR ? FIXTURES_ABSENT : 'not found'}, skipped)`);
      continue;
    }
    const files = readdirSync(dir).sort();
    for (const truth of files.filter((f) => f.endsWith('.truth.json'))) {
      const name = truth.slice(0, -'.truth.json'.length);
      const sources = files.filter((f) => f.startsWith(`${name}.`) && !f.endsWith('.json') && formatOf(f) !== 'other');
      if (sources.length === 0) console.warn(`${join(dir, truth)}: no source file beside it, skipped`);
      for (const f of sources) out.push({ stem: name, file: join(dir, f), format: formatOf(f), truthFile: join(dir, truth) });
    }
  }
  return out;
}

async function generatedSources(): Promise<Source[]> {
  mkdirSync(GENERATED_DIR, { recursive: true });
  const out: Source[] = [];
  for (const g of generatedReports()) {
    for (const format of ['html', 'docx'] as const) {
      const file = join(GENERATED_DIR, `${g.name}.${format}`);
      writeFileSync(file, await renderReport(g.input, format));
      const truth: Truth = { ...g.truth, format };
      const truthFile = join(GENERATED_DIR, `${g.name}.${format}.truth.json`);
      writeFileSync(
        truthFile,
        JSON.stringify({ generatedBy: `tests/corpus/generated-reports.ts seed ${GENERATED_SEED}`, ...truth }, null, 1) + '\n',
      );
      out.push({ stem: `${g.name}-${format}`, file, format, truthFile, truth });
    }
  }
  return out;
}

/** Stems are file names of the derived files: make them unique across folders and formats. */
function uniqueStems(sources: Source[]): void {
  const seen = new Map<string, number>();
  for (const s of sources) {
    let stem = s.stem;
    if (sources.filter((o) => o.stem === s.stem).length > 1) stem = `${s.stem}-${s.format}`;
    const n = seen.get(stem) ?? 0;
    seen.set(stem, n + 1);
    s.stem = n ? `${stem}-${n + 1}` : stem;
  }
}

function writeTruth(d: Derived): void {
  const t: DerivedTruth = {
    source: repoPath(d.source.truthFile),
    sourceFile: repoPath(d.source.file),
    derivedBy: d.derivedBy,
    format: KIND_FORMAT[d.kind],
  };
  if (d.source.truth)
    Object.assign(t, {
      edition: d.source.truth.edition,
      year: d.source.truth.year,
      values: d.source.truth.values,
      raw: d.source.truth.raw ?? {},
    });
  const lost = LOST[`${d.kind}/${basename(d.file)}`];
  if (lost) Object.assign(t, { lostInConversion: lost.keys, lostNote: lost.note }, lost.rejects ? { rejects: lost.rejects } : {});
  writeFileSync(`${d.file}.truth.json`, JSON.stringify(t, null, 1) + '\n');
}

function sizeOf(dir: string): number {
  let total = 0;
  for (const f of readdirSync(dir)) {
    const p = join(dir, f);
    const st = statSync(p);
    total += st.isDirectory() ? sizeOf(p) : st.size;
  }
  return total;
}

async function main(): Promise<void> {
  const allVariants = process.argv.includes('--all-variants');
  const started = Date.now();
  const sources = [...realSources(), ...(await generatedSources())];
  uniqueStems(sources);
  for (const kind of KINDS) {
    rmSync(join(DERIVED_DIR, kind), { recursive: true, force: true });
    mkdirSync(join(DERIVED_DIR, kind), { recursive: true });
  }
  const derived: Derived[] = [];
  const html = sources.filter((s) => s.format === 'html');
  const docx = sources.filter((s) => s.format === 'docx');
  const notDerived = sources.filter((s) => s.format !== 'html' && s.format !== 'docx');
  console.log(
    `${sources.length} sources: ${html.length} HTML, ${docx.length} DOCX, ${notDerived.length} not derived (${notDerived.map((s) => repoPath(s.file)).join(', ')})`,
  );

  // 1. Chromium: print each page to PDF, copy its text.
  const printer = await ChromiumPrinter.launch();
  try {
    for (const s of html) {
      const url = `https://www.gov.example.cn/zwgk/zfxxgknb/${s.stem}.html`;
      const page = await printer.print(readFileSync(s.file), url, allVariants ? PRINT_VARIANTS : DEFAULT_VARIANTS);
      for (const pdf of page.pdfs) {
        const file = join(DERIVED_DIR, 'chromium-pdf', `${s.stem}.${pdf.suffix}.pdf`);
        writeFileSync(file, pdf.bytes);
        derived.push({ file, kind: 'chromium-pdf', source: s, derivedBy: `${pdf.description} (Chromium ${printer.version}, page.pdf)` });
      }
      const file = join(DERIVED_DIR, 'chromium-text', `${s.stem}.txt`);
      writeFileSync(file, page.text);
      derived.push({
        file,
        kind: 'chromium-text',
        source: s,
        derivedBy: `chromium body innerText (select all, copy) (Chromium ${printer.version})`,
      });
      console.log(`chromium: ${s.stem}`);
    }
  } finally {
    await printer.close();
  }

  // 2. LibreOffice, batched: HTML → DOCX, then every DOCX → PDF, DOC, text.
  const work = mkdtempSync(join(tmpdir(), 'nianbao-corpus-'));
  const profile = join(work, 'lo-profile');
  const lo = sofficeVersion();
  try {
    const stage = (s: Source, ext: string) => {
      const dir = join(work, 'in');
      mkdirSync(dir, { recursive: true });
      const p = join(dir, `${s.stem}.${ext}`);
      copyFileSync(s.file, p);
      return p;
    };
    const htmlIn = html.map((s) => stage(s, 'html'));
    const loDocx = convertBatch(htmlIn, 'docx', join(work, 'docx'), profile);
    const docxIn: { path: string; source: Source; via: string }[] = docx.map((s) => ({ path: stage(s, 'docx'), source: s, via: 'docx' }));
    html.forEach((s, i) => {
      const file = join(DERIVED_DIR, 'lo-docx', `${s.stem}.docx`);
      copyFileSync(loDocx[i], file);
      derived.push({ file, kind: 'lo-docx', source: s, derivedBy: `libreoffice html→docx (Writer, MS Word 2007 XML) (${lo})` });
      docxIn.push({ path: file, source: s, via: 'html→docx' });
    });
    console.log(`libreoffice: ${html.length} html → docx`);
    for (const [target, kind, what] of [
      ['pdf', 'lo-pdf', 'pdf (writer_pdf_Export)'],
      ['doc', 'lo-doc', 'doc (MS Word 97)'],
      ['txt', 'lo-txt', 'txt (Text (encoded), UTF-8)'],
    ] as const) {
      const outs = convertBatch(
        docxIn.map((d) => d.path),
        target,
        join(work, target),
        profile,
      );
      docxIn.forEach((d, i) => {
        const file = join(DERIVED_DIR, kind, `${d.source.stem}.${target}`);
        copyFileSync(outs[i], file);
        derived.push({ file, kind, source: d.source, derivedBy: `libreoffice ${d.via}→${what} (${lo})` });
      });
      console.log(`libreoffice: ${docxIn.length} docx → ${target}`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }

  for (const d of derived) writeTruth(d);
  const manifest = {
    note: 'Made by tests/corpus/derive-corpus.ts; scored by tests/ingest/derived-corpus.spec.ts. Do not edit by hand: rerun the script.',
    tools: { chromium: derived.find((d) => d.kind === 'chromium-pdf')?.derivedBy.match(/Chromium [^,)]+/)?.[0] ?? null, libreoffice: lo },
    generatedSeed: GENERATED_SEED,
    printVariants: allVariants ? 'all' : 'default',
    sources: sources.map((s) => ({
      stem: s.stem,
      file: repoPath(s.file),
      format: s.format,
      derived: s.format === 'html' || s.format === 'docx',
    })),
    files: derived.map((d) => ({ file: repoPath(d.file), kind: d.kind, source: repoPath(d.source.file), derivedBy: d.derivedBy })),
  };
  writeFileSync(MANIFEST_FILE, JSON.stringify(manifest, null, 1) + '\n');

  const counts = KINDS.map((k) => `${k} ${derived.filter((d) => d.kind === k).length}`).join(', ');
  console.log(
    `${derived.length} derived files (${counts}); ${(sizeOf(DERIVED_DIR) / 1024 / 1024).toFixed(1)} MB in ${repoPath(DERIVED_DIR)}; ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
