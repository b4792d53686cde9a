import { readFileSync } from 'fs';
import { join } from 'path';
import JSZip from 'jszip';
import { ReportParseError } from '../../src/common/errors';
import { readReport } from '../../src/ingest/report-reader';
import { ImportService } from '../../src/services/import.service';
import { renderHtml } from '../../src/render/report-renderer';
import { SEED_REPORT } from '../../seeds/seed';
import { onePagePdf } from '../support/pdf-builder';
import { describeEachEngine, type TestApp } from '../support/test-app';

const seed = readFileSync(SEED_REPORT, 'utf8');

/** The seed rendered as an HTML page, cut off inside table 三. */
async function truncatedHtml(): Promise<Buffer> {
  const { parsed } = await readReport(Buffer.from(seed), { file: 'seed.txt' });
  const html = renderHtml({
    edition: parsed.edition,
    year: parsed.year!,
    agencyName: '济宁市公共资源交易服务中心汶上分中心',
    title: parsed.title,
    cells: parsed.cells,
    narratives: parsed.narratives,
  });
  return Buffer.from(html.slice(0, html.indexOf('重复申请')));
}

async function zipThatIsNotWord(): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('notes.txt', '这不是Word文档');
  return zip.generateAsync({ type: 'nodebuffer' });
}

/** A legacy .doc of a generated report (tests/fixtures/derived/lo-doc, LibreOffice's "MS Word 97" export). */
const DOC = join(__dirname, '..', 'fixtures', 'derived', 'lo-doc', 'gen-2020-a-docx.doc');

/** The .doc with its sector allocation tables zeroed: the compound file's directory cannot be followed. */
function docWithoutAllocation(): Buffer {
  const bytes = Buffer.from(readFileSync(DOC));
  bytes.fill(0, 512, 4096);
  return bytes;
}

const ENGLISH_PAGE =
  '<html><body><h1>Annual report on government information disclosure</h1><p>We received 12 requests.</p><table><tr><td>Requests</td><td>12</td></tr></table></body></html>';

/** Row counts and the highest ids of every table: any write shows up here. */
async function snapshot(app: TestApp) {
  const out: Record<string, unknown> = {};
  for (const t of ['region', 'agency', 'report', 'report_cell', 'report_narrative', 'finding'])
    out[t] = (await app.db.query(`SELECT COUNT(*) AS n FROM ${t}`))[0].n.toString();
  out.maxReport = (await app.db.query('SELECT MAX(id) AS m FROM report'))[0].m?.toString() ?? null;
  return out;
}

function cutRowShort(text: string): string {
  // Drop the third value of the 规范性文件 row.
  return text.replace('\t规范性文件\n\t9\n\t9\n\t9\n', '\t规范性文件\n\t9\n\t9\n');
}

const CASES: Array<{ name: string; bytes: () => Buffer | Promise<Buffer>; code: string; where: RegExp }> = [
  {
    name: 'a row cut short',
    bytes: () => Buffer.from(cutRowShort(seed)),
    code: 'REPORT_UNREADABLE',
    where: /section 二, row "规范性文件", column "对外公开总数量"/,
  },
  {
    name: 'a letter in a number cell',
    bytes: () => Buffer.from(seed.replace('\t12.90\n', '\t12.9O\n')),
    code: 'REPORT_BAD_CELL',
    where: /section 二, row "政府集中采购", column "采购总金额", line \d+: "12\.9O" is not a number/,
  },
  {
    name: 'section 三 missing',
    bytes: () =>
      Buffer.from(seed.slice(0, seed.indexOf('三、收到和处理政府信息公开申请情况')) + seed.slice(seed.indexOf('四、政府信息公开行政复议'))),
    code: 'REPORT_UNREADABLE',
    where: /section 三: section missing/,
  },
  { name: 'an empty file', bytes: () => Buffer.alloc(0), code: 'REPORT_EMPTY', where: /damaged\.txt: empty file/ },
  {
    name: 'a binary file',
    bytes: () => Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)),
    code: 'REPORT_UNSUPPORTED_FORMAT',
    where: /binary content/,
  },
  {
    name: 'an HTML page cut off inside table 三',
    bytes: truncatedHtml,
    code: 'REPORT_UNREADABLE',
    where: /section 三, row "2\.重复申请": row missing from the table/,
  },
  {
    name: 'a renamed zip that is not a Word document',
    bytes: zipThatIsNotWord,
    code: 'REPORT_UNSUPPORTED_FORMAT',
    where: /not a Word document/,
  },
  {
    name: 'a truncated .doc',
    bytes: () => readFileSync(DOC).subarray(0, 30_000),
    code: 'REPORT_UNREADABLE',
    where: /damaged\.txt: truncated \.doc file: 30000 bytes/,
  },
  { name: 'a corrupt .doc', bytes: docWithoutAllocation, code: 'REPORT_UNREADABLE', where: /damaged\.txt: corrupt \.doc file/ },
  {
    name: 'an image-only PDF',
    bytes: () => onePagePdf(Buffer.from('0 0 1 rg 72 72 300 300 re f', 'latin1')),
    code: 'REPORT_NO_TEXT',
    where: /no text layer/,
  },
  {
    name: 'a PDF printed by a browser without a Chinese font',
    bytes: () => readFileSync(join(__dirname, '..', 'fixtures', 'damaged', 'pingtan-2021.no-chinese-font.pdf')),
    code: 'REPORT_NO_TEXT',
    where: /text that maps to no characters: \d+ of the \d+ characters on 4 page\(s\) are glyphs without a character/,
  },
  {
    name: 'a report in another language',
    bytes: () => Buffer.from(ENGLISH_PAGE),
    code: 'REPORT_UNREADABLE',
    where: /no report tables found/,
  },
];

describeEachEngine('importing damaged copies of the seed', (app) => {
  for (const c of CASES) {
    it(`rejects ${c.name}, naming the place, and writes nothing`, async () => {
      const before = await snapshot(app());
      const attempt = app().services.imports.importReport(app().ctx(), {
        bytes: await c.bytes(),
        fileName: 'damaged.txt',
        agencyName: '济宁市公共资源交易服务中心汶上分中心',
      });
      await expect(attempt).rejects.toBeInstanceOf(ReportParseError);
      const err = (await attempt.catch((e) => e)) as ReportParseError;
      expect(err.code).toBe(c.code);
      expect(err.message).toMatch(c.where);
      expect(err.message).toContain('damaged.txt');
      expect(await snapshot(app())).toEqual(before);
    });
  }

  it('leaves nothing half-written when the write fails inside its transaction', async () => {
    const before = await snapshot(app());
    const failing = new ImportService(app().connection, [{ afterWrite: async () => Promise.reject(new Error('disk full')) }]);
    await expect(failing.importReport(app().ctx(), { bytes: Buffer.from(seed), fileName: 'seed.txt' })).rejects.toThrow('disk full');
    expect(await snapshot(app())).toEqual(before);
  });

  it('stores the intact seed, and stores nothing new when it is imported again', async () => {
    const before = await snapshot(app());
    const first = await app().services.imports.importReport(app().ctx(), { bytes: Buffer.from(seed), fileName: 'seed.txt' });
    expect(first.status).toBe('stored');
    const afterFirst = await snapshot(app());
    expect(Number(afterFirst.report)).toBe(Number(before.report) + 1);
    const again = await app().services.imports.importReport(app().ctx(), { bytes: Buffer.from(seed), fileName: 'seed-copy.txt' });
    expect(again.status).toBe('unchanged');
    expect(await snapshot(app())).toEqual(afterFirst);
  });

  it('keeps the older revision when a corrected copy arrives', async () => {
    const corrected = seed.replace('\t6\n\t12.90\n', '\t7\n\t13.50\n');
    const r = await app().services.imports.importReport(app().ctx(), { bytes: Buffer.from(corrected), fileName: 'seed-corrected.txt' });
    expect(r.status).toBe('revised');
    const res = await app().gql(
      `{ agencies(filter:{nameContains:"汶上分中心"}) { nodes { report(year: 2020) { revision current value(key:"active.procurement.amount") revisions { revision current value(key:"active.procurement.amount") } } } } }`,
    );
    const rep = res.data.agencies.nodes[0].report;
    expect(rep.value).toBe(13.5);
    expect(rep.revisions).toEqual([
      { revision: 1, current: false, value: 12.9 },
      { revision: 2, current: true, value: 13.5 },
    ]);
  });
});
