import { readFileSync } from 'fs';
import { join } from 'path';
import JSZip from 'jszip';
import { ReportParseError } from '../../src/common/errors';
import { detectFormat, hasReader, readReport } from '../../src/ingest/report-reader';
import { describeWithFixtures, FIXTURES_DIR } from '../support/shared';
import { sourceOf, truthFilesIn } from '../support/fixture-files';

interface Truth {
  year: number | null;
  edition: string;
  format: string;
  values: Record<string, number | null>;
  raw: Record<string, string>;
}

describeWithFixtures('real report fixtures', () => {
  for (const truthFile of truthFilesIn(FIXTURES_DIR)) {
    const source = sourceOf(FIXTURES_DIR, truthFile);
    const bytes = readFileSync(join(FIXTURES_DIR, source));
    const format = detectFormat(bytes, source);
    const run = hasReader(format) ? it : it.skip;
    if (!hasReader(format)) console.warn(`${source}: skipped, no ${format} reader is registered`);

    run(`${source} reads every cell as the truth file has it`, async () => {
      const truth = JSON.parse(readFileSync(join(FIXTURES_DIR, truthFile), 'utf8')) as Truth;
      const { parsed } = await readReport(bytes, { file: source });
      const misses: string[] = [];
      const keys = Object.keys(truth.values);
      for (const key of keys) {
        const cell = parsed.cells[key];
        const expected = truth.values[key];
        const got = cell ? (cell.value === null ? null : Number(cell.value)) : undefined;
        if (got !== expected)
          misses.push(`${key}: expected ${expected}, got ${got === undefined ? 'no cell' : got} (raw ${JSON.stringify(cell?.raw)})`);
        else if (key in truth.raw && cell?.raw !== truth.raw[key])
          misses.push(`${key}: raw expected ${JSON.stringify(truth.raw[key])}, got ${JSON.stringify(cell?.raw)}`);
      }
      const right = keys.length - misses.length;
      console.log(
        `${source}: ${right}/${keys.length} cells (${((100 * right) / keys.length).toFixed(1)}%)${misses.length ? '\n  ' + misses.join('\n  ') : ''}`,
      );
      expect(misses).toEqual([]);
      expect(parsed.edition).toBe(truth.edition);
      expect(parsed.year).toBe(truth.year);
      expect(parsed.format).toBe(truth.format);
    });
  }
});

async function parseError(bytes: Buffer, file: string): Promise<ReportParseError> {
  const err = await readReport(bytes, { file }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ReportParseError);
  return err as ReportParseError;
}

describeWithFixtures('damaged fixtures', () => {
  it('HTML cut off inside table 三 names the missing rows', async () => {
    const html = readFileSync(join(FIXTURES_DIR, 'pingtan-2025.html'), 'utf8');
    const cut = html.slice(0, html.indexOf('2.重复申请'));
    const err = await parseError(Buffer.from(cut), 'cut.html');
    expect(err.message).toMatch(/section 三/);
    expect(err.message).toMatch(/重复申请|row/);
  });

  it('HTML cut off before table 四 names the missing section', async () => {
    const html = readFileSync(join(FIXTURES_DIR, 'pingtan-2023.html'), 'utf8');
    const cut = html.slice(0, html.lastIndexOf('<table'));
    const err = await parseError(Buffer.from(cut), 'cut.html');
    expect(err.message).toMatch(/section 四/);
    expect(err.message).toMatch(/section missing/);
  });
});

describe('damaged input', () => {
  it('a zip that is not a Word document is refused as such', async () => {
    const zip = new JSZip();
    zip.file('content.xml', '<office:document-content/>');
    zip.file('notes.txt', '二、主动公开政府信息情况');
    const bytes = await zip.generateAsync({ type: 'nodebuffer' });
    const err = await parseError(bytes, 'report.docx');
    expect(err.code).toBe('REPORT_UNSUPPORTED_FORMAT');
    expect(err.message).toMatch(/not a Word document/);
    expect(err.message).toMatch(/word\/document\.xml/);
  });

  it('an HTML page in another language, with no template tables, says no report tables were found', async () => {
    const html = `<!DOCTYPE html><html><head><title>Annual Report on Government Information Disclosure</title></head>
      <body><div class="content"><h1>Annual Report 2023</h1>
      <p>1. Overview</p><p>This year the office published 1,200 items of information.</p>
      <p>2. Proactive disclosure</p>
      <table><tr><th>Item</th><th>Count</th></tr><tr><td>Regulations</td><td>3</td></tr><tr><td>Normative documents</td><td>12</td></tr></table>
      <p>3. Requests received</p><p>We received 40 requests.</p></div></body></html>`;
    const err = await parseError(Buffer.from(html), 'english.html');
    expect(err.message).toMatch(/no report tables found/);
  });

  it('an HTML page of a report without tables names what is missing', async () => {
    const html = `<html><body><div><p>二、主动公开政府信息情况</p><p>见附表。</p><p>三、收到和处理政府信息公开申请情况</p><p>无。</p></div></body></html>`;
    const err = await parseError(Buffer.from(html), 'no-tables.html');
    expect(err.message).toMatch(/no report tables found/);
  });
});
