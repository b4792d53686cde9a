import { execFileSync } from 'child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import fc from 'fast-check';
import { allEditions, cellsOf } from '../../src/shared/editions';
import { closePdfReader } from '../../src/ingest/readers/pdf-reader';
import { readReport } from '../../src/ingest/report-reader';
import { renderDocx, renderHtml, type RenderInput } from '../../src/render/report-renderer';
import { CHROMIUM_PATH, ChromiumPrinter, DEFAULT_VARIANTS } from '../corpus/chromium-print';
import { convertBatch, SOFFICE } from '../corpus/libreoffice';
import { reportArb } from '../render/report-arbitrary';

/**
 * Property: any report of either edition, rendered as HTML and DOCX, then printed to PDF by Chromium
 * (and copied as text) and converted by LibreOffice (DOCX → DOC, TXT, PDF; HTML → DOCX), reads back
 * cell for cell, whichever program made the file. Chromium and LibreOffice runs are slow: the number
 * of reports per edition is capped (ROUNDTRIP_RUNS, default 1). Skipped, with a message, where the
 * machine has neither program. Chromium without a Chinese font prints every character as a box of
 * no text (a page no reader, human or program, can read): its part is skipped then too.
 */
const RUNS = Number(process.env.ROUNDTRIP_RUNS ?? 1);
function hasChineseFont(): boolean {
  try {
    return execFileSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' }).trim() !== '';
  } catch {
    return false;
  }
}
const chineseFont = existsSync(CHROMIUM_PATH) && hasChineseFont();
const haveChromium = existsSync(CHROMIUM_PATH) && chineseFont;
const haveSoffice = existsSync(SOFFICE);
const missing = [
  !existsSync(CHROMIUM_PATH) ? CHROMIUM_PATH : !chineseFont && 'a Chinese font for Chromium (fc-list :lang=zh)',
  !haveSoffice && SOFFICE,
]
  .filter(Boolean)
  .join(' and ');

/** Every cell that differs from what was rendered, as "key: expected …, got …". */
async function misreads(input: RenderInput, bytes: Buffer, file: string): Promise<string[]> {
  const edition = allEditions().find((e) => e.id === input.edition)!;
  let parsed;
  try {
    ({ parsed } = await readReport(bytes, { file }));
  } catch (e) {
    return [`rejected: ${(e as Error).message}`];
  }
  const out: string[] = [];
  for (const c of cellsOf(edition)) {
    const want = input.cells[c.key]?.value ?? null;
    const got = parsed.cells[c.key]?.value;
    if (got === undefined || (want === null ? got !== null : got === null || Number(got) !== Number(want)))
      out.push(`${c.key}: expected ${want}, got ${got}`);
  }
  return out;
}

/** Every derived file of one rendered report: name → bytes. */
async function derive(input: RenderInput, printer: ChromiumPrinter | null, dir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  const html = Buffer.from(renderHtml(input));
  const docx = await renderDocx(input);
  if (printer) {
    const page = await printer.print(html, 'https://www.example.gov.cn/report.html', DEFAULT_VARIANTS);
    for (const pdf of page.pdfs) files.set(`chromium-${pdf.suffix}.pdf`, pdf.bytes);
    files.set('chromium-text.txt', Buffer.from(page.text));
  }
  if (haveSoffice) {
    const htmlFile = join(dir, 'report-html.html');
    const docxFile = join(dir, 'report-docx.docx');
    writeFileSync(htmlFile, html);
    writeFileSync(docxFile, docx);
    const profile = join(dir, 'lo-profile');
    for (const target of ['doc', 'txt', 'pdf'] as const) {
      const [out] = convertBatch([docxFile], target, join(dir, target), profile);
      files.set(`lo-docx.${target}`, readFileSync(out));
    }
    const [fromHtml] = convertBatch([htmlFile], 'docx', join(dir, 'docx'), profile);
    files.set('lo-html.docx', readFileSync(fromHtml));
  }
  return files;
}

const suite = haveChromium || haveSoffice ? describe : describe.skip;
if (!haveChromium || !haveSoffice)
  console.warn(
    `conversion round trip: ${missing} not found; ${haveChromium || haveSoffice ? 'those conversions are' : 'the test is'} skipped`,
  );

suite('reports converted by Chromium and LibreOffice read back cell for cell', () => {
  let printer: ChromiumPrinter | null = null;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'nianbao-roundtrip-'));
    if (haveChromium) printer = await ChromiumPrinter.launch();
  }, 60_000);

  afterAll(async () => {
    await printer?.close();
    await closePdfReader();
    rmSync(dir, { recursive: true, force: true });
  });

  for (const edition of allEditions()) {
    it(
      `edition ${edition.id}: every derived file of ${RUNS} generated report(s)`,
      async () => {
        await fc.assert(
          fc.asyncProperty(reportArb(edition), async (input) => {
            const failures: string[] = [];
            for (const [name, bytes] of await derive(input, printer, dir)) {
              const misses = await misreads(input, bytes, name);
              if (misses.length)
                failures.push(`${name}: ${misses.slice(0, 5).join('; ')}${misses.length > 5 ? ` … ${misses.length - 5} more` : ''}`);
            }
            expect(failures).toEqual([]);
          }),
          { numRuns: RUNS, seed: 20260101, endOnFailure: true },
        );
      },
      240_000 * RUNS,
    );
  }
});
