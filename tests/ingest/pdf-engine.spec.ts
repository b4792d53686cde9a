import { existsSync, readdirSync, readFileSync } from 'fs';
import { basename, join } from 'path';
import type { ParsedCell } from '../../src/shared/parsed-report';
import { readReport } from '../../src/ingest/report-reader';
import { closePdfReader, type PdfEngine } from '../../src/ingest/readers/pdf/pdf-extraction';
import { DERIVED_DIR } from '../corpus/corpus-layout';
import { existsHere, FIXTURES_DIR } from '../support/shared';

/**
 * PDFium (the default engine) against pdf.js on every PDF of the test corpus: the derived PDFs
 * (LibreOffice and Chromium), the real ones in ../shared/fixtures and the damaged one. Both engines'
 * PageText goes through the same reader, which must give the same cells: same keys, values and
 * places (section, row, column, page), and the same raw text, except that a blank cell's raw text
 * may differ in whitespace (pdf.js turns a full-width space glyph into a gap and a gap into a " "
 * run; PDFium keeps the glyphs: template-2021-blank's "　　" as its truth has it). A file one engine
 * rejects the other must reject with the same code. Scores against the truth files are
 * derived-corpus.spec.ts's and real-fixtures.spec.ts's, run with the default engine.
 */
const pdfs = [
  ...['lo-pdf', 'chromium-pdf'].flatMap((kind) => {
    const dir = join(DERIVED_DIR, kind);
    return existsSync(dir)
      ? readdirSync(dir)
          .filter((f) => f.endsWith('.pdf'))
          .sort()
          .map((f) => join(dir, f))
      : [];
  }),
  ...(existsHere(FIXTURES_DIR) ? readdirSync(FIXTURES_DIR).filter((f) => f.endsWith('.pdf')) : []).map((f) => join(FIXTURES_DIR, f)),
  join(__dirname, '..', 'fixtures', 'damaged', 'pingtan-2021.no-chinese-font.pdf'),
];

type Outcome = { cells: Record<string, ParsedCell>; year: number | null; edition: string } | { rejected: string; code: string | undefined };

async function readWith(engine: PdfEngine, file: string): Promise<Outcome> {
  const before = process.env.PDF_ENGINE;
  process.env.PDF_ENGINE = engine;
  try {
    const { parsed } = await readReport(readFileSync(file), { file: basename(file) });
    return { cells: parsed.cells, year: parsed.year, edition: parsed.edition };
  } catch (e) {
    return { rejected: (e as Error).message, code: (e as { code?: string }).code };
  } finally {
    if (before === undefined) delete process.env.PDF_ENGINE;
    else process.env.PDF_ENGINE = before;
  }
}

/** Where the two readings of one file disagree (empty when they agree). */
function differences(a: Outcome, b: Outcome): string[] {
  if ('rejected' in a || 'rejected' in b) {
    const code = (o: Outcome) => ('rejected' in o ? `rejected ${o.code}` : 'read');
    return code(a) === code(b) ? [] : [`pdf.js ${code(a)}, PDFium ${code(b)}`];
  }
  const out: string[] = [];
  if (a.year !== b.year || a.edition !== b.edition) out.push(`year/edition ${a.year}/${a.edition} vs ${b.year}/${b.edition}`);
  for (const key of new Set([...Object.keys(a.cells), ...Object.keys(b.cells)])) {
    const x = a.cells[key];
    const y = b.cells[key];
    if (!x || !y) out.push(`${key}: only ${x ? 'pdf.js' : 'PDFium'} has it`);
    else if (x.value !== y.value) out.push(`${key}: value ${x.value} vs ${y.value}`);
    else if (JSON.stringify(x.location) !== JSON.stringify(y.location))
      out.push(`${key}: at ${JSON.stringify(x.location)} vs ${JSON.stringify(y.location)}`);
    else if (x.raw !== y.raw && !(x.value === null && x.raw.trim() === '' && y.raw.trim() === ''))
      out.push(`${key}: raw ${JSON.stringify(x.raw)} vs ${JSON.stringify(y.raw)}`);
  }
  return out;
}

const outcomes = new Map<string, { pdfjs: Outcome; pdfium: Outcome }>();

// Every file with one engine, then with the other: switching engines restarts the extraction thread.
beforeAll(async () => {
  const byEngine: Record<PdfEngine, Outcome[]> = { pdfjs: [], pdfium: [] };
  for (const engine of ['pdfjs', 'pdfium'] as const) for (const file of pdfs) byEngine[engine].push(await readWith(engine, file));
  pdfs.forEach((file, i) => outcomes.set(file, { pdfjs: byEngine.pdfjs[i], pdfium: byEngine.pdfium[i] }));
}, 300_000);
afterAll(() => closePdfReader());

describe('PDFium and pdf.js read every corpus PDF into the same cells', () => {
  it('finds the corpus PDFs', () => expect(pdfs.length).toBeGreaterThan(30));

  for (const file of pdfs) {
    it(`${file.split('/fixtures/')[1]}`, () => {
      const { pdfjs, pdfium } = outcomes.get(file)!;
      expect(differences(pdfjs, pdfium)).toEqual([]);
      // The comparison must have something to compare: a read report has its tables' cells.
      if (!('rejected' in pdfium)) expect(Object.keys(pdfium.cells).length).toBeGreaterThan(150);
    });
  }
});
