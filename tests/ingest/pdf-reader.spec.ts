import { createHash } from 'crypto';
import { readFileSync } from 'fs';
import { join } from 'path';
import { ReportParseError } from '../../src/common/errors';
import { readPdf } from '../../src/ingest/readers/pdf-reader';
import { assembleReport } from '../../src/ingest/report-assembler';
import { onePagePdf } from '../support/pdf-builder';
import { describeWithFixtures, FIXTURES_DIR } from '../support/shared';

const TEXT = 'Government information disclosure annual report 2024';
const textContent = () => Buffer.from(`BT /F1 12 Tf 72 760 Td (${TEXT}) Tj ET`, 'latin1');

// --- PDF Standard security handler, revision 2 (40-bit RC4), as in PDF 1.7 §7.6.3. ---

function rc4(key: Buffer, data: Buffer): Buffer {
  const s = Array.from({ length: 256 }, (_, i) => i);
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + s[i] + key[i % key.length]) & 255;
    [s[i], s[j]] = [s[j], s[i]];
  }
  const out = Buffer.alloc(data.length);
  for (let n = 0, i = 0, j = 0; n < data.length; n++) {
    i = (i + 1) & 255;
    j = (j + s[i]) & 255;
    [s[i], s[j]] = [s[j], s[i]];
    out[n] = data[n] ^ s[(s[i] + s[j]) & 255];
  }
  return out;
}

const PAD = Buffer.from('28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A', 'hex');
const md5 = (...parts: Buffer[]) => createHash('md5').update(Buffer.concat(parts)).digest();
const padded = (password: string) => Buffer.concat([Buffer.from(password, 'latin1'), PAD]).subarray(0, 32);

function encryptedPdf(userPassword: string, ownerPassword: string): Buffer {
  const id = Buffer.from('0123456789abcdef0123456789abcdef', 'hex');
  const permissions = Buffer.alloc(4);
  permissions.writeInt32LE(-44);
  const o = rc4(md5(padded(ownerPassword)).subarray(0, 5), padded(userPassword));
  const fileKey = md5(padded(userPassword), o, permissions, id).subarray(0, 5);
  const u = rc4(fileKey, PAD);
  // Each object's data is encrypted with the file key salted by its object number (here 4, gen 0).
  const objectKey = md5(fileKey, Buffer.from([4, 0, 0, 0, 0])).subarray(0, 10);
  const encrypt = `<< /Filter /Standard /V 1 /R 2 /O <${o.toString('hex')}> /U <${u.toString('hex')}> /P -44 >>`;
  return onePagePdf(rc4(objectKey, textContent()), `/Encrypt 6 0 R /ID [<${id.toString('hex')}> <${id.toString('hex')}>]`, [encrypt]);
}

async function parseError(bytes: Buffer): Promise<ReportParseError> {
  try {
    await readPdf(bytes);
  } catch (e) {
    expect(e).toBeInstanceOf(ReportParseError);
    return e as ReportParseError;
  }
  throw new Error('readPdf accepted a damaged PDF');
}

describeWithFixtures('readPdf on huaian-2024.pdf', () => {
  const file = 'huaian-2024.pdf';
  const bytes = readFileSync(join(FIXTURES_DIR, file));
  const truth = JSON.parse(readFileSync(join(FIXTURES_DIR, 'huaian-2024.truth.json'), 'utf8')) as {
    year: number;
    edition: string;
    values: Record<string, number | null>;
  };

  it('reads every cell of the truth file', async () => {
    const parsed = assembleReport(await readPdf(bytes), { file });
    const keys = Object.keys(truth.values);
    const wrong = keys.filter((k) => {
      const v = parsed.cells[k]?.value;
      return (v === null || v === undefined ? null : Number(v)) !== truth.values[k];
    });
    const right = keys.length - wrong.length;
    console.log(`${file}: ${right}/${keys.length} cells (${((100 * right) / keys.length).toFixed(1)}%)`);
    expect(wrong).toEqual([]);
    expect(parsed.edition).toBe(truth.edition);
    expect(parsed.year).toBe(truth.year);
    expect(parsed.warnings).toEqual([]);
  });

  it('keeps headings and narrative in order, page numbers out', async () => {
    const doc = await readPdf(bytes);
    const paragraphs = doc.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));
    const headings = paragraphs.filter((t) => /^[一二三四五六]、/.test(t));
    expect(headings).toEqual([
      '一、总体情况',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项',
    ]);
    expect(paragraphs.join('\n')).not.toMatch(/- ?\d ?-/);
    // Section 五 runs from page 5 onto page 6 as one paragraph.
    expect(paragraphs).toContainEqual(expect.stringMatching(/^对照上级新要求.*还有一些需要加强和改进的地方。主要表现在/));
    const parsed = assembleReport(doc, { file });
    expect(parsed.narratives.find((n) => n.section === 6)?.text).toContain('3940');
  });

  it('rebuilds table rows: wrapped labels joined, the table across pages 4/5 one table, the vertical label no row', async () => {
    const doc = await readPdf(bytes);
    const tables = doc.blocks.flatMap((b) => (b.kind === 'table' ? [b.table] : []));
    expect(tables).toHaveLength(3);
    const rows = tables[1].rows.map((r) => r.cells.map((c) => c.text));
    expect(rows).toContainEqual(['（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '447', '7', '0', '0', '0', '0', '454']);
    expect(rows).toContainEqual(['5.要求行政机关确认或重新出具已获取信息', '1', '0', '0', '0', '0', '0', '1']);
    expect(rows.find((r) => r.includes('1、申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'))?.slice(-7)).toEqual([
      '67',
      '3',
      '0',
      '0',
      '1',
      '0',
      '71',
    ]);
    expect(rows.some((r) => r.length === 1 && ['本', '年', '度', '办', '理', '结', '果'].includes(r[0]))).toBe(false);
    expect(new Set(tables[1].rows.map((r) => r.page))).toEqual(new Set([4, 5]));
    expect(tables[2].rows.at(-1)!.cells.map((c) => c.text)).toEqual([
      '72',
      '64',
      '178',
      '37',
      '351',
      '13',
      '4',
      '8',
      '1',
      '26',
      '12',
      '1',
      '1',
      '6',
      '20',
    ]);
  });

  it('names a truncated copy as truncated', async () => {
    const err = await parseError(bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    expect(err.message).toMatch(/truncated PDF/);
  });
});

describe('readPdf on damaged PDFs', () => {
  it('reads a well-formed hand-made PDF (control for the cases below)', async () => {
    const doc = await readPdf(onePagePdf(textContent()));
    expect(doc.blocks).toEqual([expect.objectContaining({ kind: 'paragraph', text: TEXT })]);
  });

  it('rejects an image-only page as having no text layer', async () => {
    const err = await parseError(onePagePdf(Buffer.from('0.2 0.4 0.6 rg 72 500 451 270 re f 0 0 0 RG 2 w 72 480 m 523 480 l S', 'latin1')));
    expect(err.code).toBe('REPORT_NO_TEXT');
    expect(err.message).toMatch(/no text layer \(scanned or image-only PDF\)/);
  });

  it('rejects a PDF that needs a password', async () => {
    const err = await parseError(encryptedPdf('user-secret', 'owner-secret'));
    expect(err.code).toBe('REPORT_ENCRYPTED');
    expect(err.message).toMatch(/encrypted PDF: a password is needed/);
  });

  it('reads a PDF encrypted with an owner password only (opens without one)', async () => {
    const doc = await readPdf(encryptedPdf('', 'owner-secret'));
    expect(doc.blocks).toEqual([expect.objectContaining({ kind: 'paragraph', text: TEXT })]);
  });

  it('rejects a truncated PDF', async () => {
    const whole = onePagePdf(textContent());
    const err = await parseError(whole.subarray(0, Math.floor(whole.length / 3)));
    expect(err.code).toBe('REPORT_UNREADABLE');
    expect(err.message).toMatch(/truncated PDF/);
  });

  it('rejects a PDF whose body is garbage', async () => {
    const err = await parseError(Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(4000, 0x41), Buffer.from('\n%%EOF\n')]));
    expect(err.message).toMatch(/corrupt PDF/);
  });

  it('rejects bytes that are not a PDF at all', async () => {
    const err = await parseError(Buffer.from('<html><body>not a pdf</body></html>'));
    expect(err.message).toMatch(/not a PDF/);
  });
});
