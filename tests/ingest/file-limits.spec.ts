import * as cheerio from 'cheerio';
import { readFileSync } from 'fs';
import { join } from 'path';
import { HTML_LIMITS, ZIP_LIMITS } from '../../src/ingest/file-limits';
import { readDocx } from '../../src/ingest/readers/docx-reader';
import { Page } from '../../src/ingest/readers/html-page';
import { readHtml } from '../../src/ingest/readers/html-reader';
import { readReport } from '../../src/ingest/report-reader';
import { ParsePool } from '../../src/services/parse-pool';
import { SEED_REPORT } from '../../seeds/seed';
import { deepHtml, docxBomb, storedPart, wideHtml, zipOf } from '../support/file-bombs';

/**
 * The readers' own limits (src/ingest/file-limits.ts): a ZIP bomb is refused from its central
 * directory or after at most a chunk past the limit, an HTML page past the depth or node limit
 * while it is parsed, each fast and naming its limit; and the sandbox ends a thread over its heap
 * or its time and reads on with a new one.
 */
const refusal = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e) => ({ code: e.code, ...e.extensions }),
  );

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const t = Date.now();
  const value = await work();
  return { value, ms: Date.now() - t };
}

describe('ZIP limits of the DOCX reader', () => {
  it('refuses the 400 MB bomb (415 KB) from its declared ratio, before inflating', async () => {
    const { bytes, inflatedBytes } = docxBomb(400);
    expect(bytes.length).toBeLessThan(500_000);
    expect(inflatedBytes).toBeGreaterThan(400 * 2 ** 20);
    const { value, ms } = await timed(() => refusal(readDocx(bytes)));
    expect(value).toMatchObject({ code: 'REPORT_TOO_COMPLEX', limit: 'zip.ratio', max: ZIP_LIMITS.ratio, part: 'word/document.xml' });
    expect(value!.value).toBeGreaterThan(900);
    expect(ms).toBeLessThan(500);
  });

  it('refuses the 20 MB variant (21 KB) the same way', async () => {
    const { bytes } = docxBomb(20);
    expect(bytes.length).toBeLessThan(25_000);
    expect(await refusal(readDocx(bytes))).toMatchObject({ code: 'REPORT_TOO_COMPLEX', limit: 'zip.ratio' });
  });

  it('stops inflating a part whose headers lie about its size, at the part limit or the ratio', async () => {
    const big = docxBomb(400, 100_000);
    const before = process.memoryUsage().rss;
    expect(await refusal(readDocx(big.bytes))).toMatchObject({
      code: 'REPORT_TOO_COMPLEX',
      limit: 'zip.partBytes',
      max: ZIP_LIMITS.partBytes,
    });
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * 2 ** 20);
    const small = docxBomb(20, 100_000);
    const r = await refusal(readDocx(small.bytes));
    expect(r).toMatchObject({ code: 'REPORT_TOO_COMPLEX', limit: 'zip.ratio' });
    // Stopped within a chunk of the ratio, long before the 20 MB it would inflate to.
    expect(r!.value).toBeLessThan(ZIP_LIMITS.ratio * 1.1);
  });

  it('refuses too many entries and too much declared in all', async () => {
    const many = zipOf(Array.from({ length: ZIP_LIMITS.entries + 1 }, (_, i) => storedPart(`media/${i}.txt`, '')));
    expect(await refusal(readDocx(many))).toMatchObject({
      code: 'REPORT_TOO_COMPLEX',
      limit: 'zip.entries',
      value: ZIP_LIMITS.entries + 1,
    });
    // 300 entries declaring 1 MiB each at a ratio of 50 (each passes on its own): 300 MiB in all.
    const parts = Array.from({ length: 300 }, (_, i) => ({
      ...storedPart(`media/${i}.bin`, 'x'.repeat(2 ** 20 / 50)),
      stored: false,
      uncompressedSize: 2 ** 20,
    }));
    expect(await refusal(readDocx(zipOf(parts)))).toMatchObject({
      code: 'REPORT_TOO_COMPLEX',
      limit: 'zip.totalBytes',
      value: 300 * 2 ** 20,
    });
  });

  it('still reads real Word documents (ratios up to 34)', async () => {
    const file = join(__dirname, '..', 'fixtures', 'derived', 'lo-docx', 'pingtan-2021.docx');
    const doc = await readDocx(readFileSync(file));
    expect(doc.blocks.filter((b) => b.kind === 'table').length).toBeGreaterThan(2);
  });
});

describe('HTML limits', () => {
  it('refuses a page nested 100,000 deep (1.1 MB) in milliseconds, naming the depth limit', async () => {
    const html = deepHtml(100_000);
    expect(html.length).toBeGreaterThan(1_000_000);
    const { value, ms } = await timed(() => refusal(readReport(Buffer.from(html), { file: 'deep.html' })));
    expect(value).toMatchObject({ code: 'REPORT_TOO_COMPLEX', limit: 'html.depth', max: HTML_LIMITS.depth, file: 'deep.html' });
    expect(ms).toBeLessThan(1_000);
  });

  it('refuses a page of more elements than the node limit', async () => {
    expect(await refusal(Promise.resolve().then(() => readHtml(wideHtml(HTML_LIMITS.nodes))))).toMatchObject({
      code: 'REPORT_TOO_COMPLEX',
      limit: 'html.nodes',
      max: HTML_LIMITS.nodes,
    });
  });

  it('reads a page nested within the limit, as deep as it goes', () => {
    const depth = HTML_LIMITS.depth - 10;
    const page = `<html><head><title>报告</title></head><body>${'<div>'.repeat(depth)}${'<p>正文内容。</p>'.repeat(10)}${'</div>'.repeat(depth)}</body></html>`;
    expect(readHtml(page).blocks).toHaveLength(10);
  });

  it('finds the elements under <body> in one walk, however deep the tree (no ancestor walk per element)', async () => {
    // Built by htmlparser2 (cheerio's XML mode), which has no depth limit: the page walk itself is timed.
    // 30,000 deep: an ancestor walk per element (the old inBody) takes seconds, one walk milliseconds.
    const $ = cheerio.load(`<html><body>${'<div>'.repeat(30_000)}${'</div>'.repeat(30_000)}</body></html>`, { xml: true });
    const { value, ms } = await timed(async () => new Page($).inBody().length);
    expect(value).toBe(30_000);
    expect(ms).toBeLessThan(500);
  });
});

describe('the sandbox (parse threads with a heap cap and a clock)', () => {
  const big = Buffer.from(wideHtml(HTML_LIMITS.nodes - 1_000));
  const seed = readFileSync(SEED_REPORT);

  it('ends a thread over its heap cap, refuses that file with the limit, and reads on', async () => {
    const pool = new ParsePool(1, { heapMb: 64, timeMs: 60_000 });
    try {
      const [bomb, after] = await Promise.all([refusal(pool.prepareBytes(big, 'big.html')), pool.prepareBytes(seed, 'seed.txt', 2020)]);
      expect(bomb).toMatchObject({ code: 'REPORT_TOO_COMPLEX', limit: 'sandbox.heapMb', max: 64 });
      expect(after.year).toBe(2020);
    } finally {
      await pool.close();
    }
  }, 60_000);

  it('ends a thread past its time, refuses that file with the limit, and reads on', async () => {
    const pool = new ParsePool(1, { heapMb: 512, timeMs: 60_000 });
    try {
      await pool.prepareBytes(seed, 'warm-up.txt', 2020);
      const { value, ms } = await timed(() => refusal(pool.prepareBytes(big, 'big.html', undefined, 50)));
      expect(value).toMatchObject({ code: 'REPORT_TOO_COMPLEX', limit: 'sandbox.timeMs', value: 50 });
      expect(ms).toBeLessThan(1_000);
      expect((await pool.prepareBytes(seed, 'seed.txt', 2020)).year).toBe(2020);
    } finally {
      await pool.close();
    }
  }, 60_000);
});
