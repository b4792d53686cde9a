import { createHash } from 'crypto';
import { readFileSync } from 'fs';
import { join } from 'path';
import { createDeflate } from 'zlib';
import { ReportParseError } from '../../src/common/errors';
import { readPdf } from '../../src/ingest/readers/pdf-reader';
import { closePdfReader, extractText, type PdfEngine } from '../../src/ingest/readers/pdf/pdf-extraction';
import { onePagePdf } from '../support/pdf-builder';
import { describeWithFixtures, FIXTURES_DIR } from '../support/shared';

/**
 * The reader's refusals are the same whichever engine extracts: encrypted → REPORT_ENCRYPTED,
 * cut off → "truncated PDF", garbage → "corrupt PDF" (both REPORT_UNREADABLE), no text layer or
 * glyphs without characters → REPORT_NO_TEXT. PDFium rebuilds a lost cross-reference table and
 * honours /ActualText, so each of these is a case it could get wrong. PDFium's WebAssembly memory
 * lies outside the thread's heap limit; its own cap must refuse a decompression bomb as REPORT_TOO_COMPLEX.
 */
const TEXT = 'Government information disclosure annual report 2024';
const textContent = () => Buffer.from(`BT /F1 12 Tf 72 760 Td (${TEXT}) Tj ET`, 'latin1');

// PDF Standard security handler, revision 2 (40-bit RC4), PDF 1.7 §7.6.3 (as in pdf-reader.spec.ts).
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
  const objectKey = md5(fileKey, Buffer.from([4, 0, 0, 0, 0])).subarray(0, 10);
  const encrypt = `<< /Filter /Standard /V 1 /R 2 /O <${o.toString('hex')}> /U <${u.toString('hex')}> /P -44 >>`;
  return onePagePdf(rc4(objectKey, textContent()), `/Encrypt 6 0 R /ID [<${id.toString('hex')}> <${id.toString('hex')}>]`, [encrypt]);
}

/** A one-page PDF whose content stream inflates to `mb` MiB of spaces (about 1 MB on disk per GB). */
async function contentBomb(mb: number): Promise<Buffer> {
  const deflate = createDeflate({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (b: Buffer) => out.push(b));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  const chunk = Buffer.alloc(1 << 20, 0x20);
  for (let i = 0; i < mb; i++) if (!deflate.write(chunk)) await new Promise((resolve) => deflate.once('drain', resolve));
  deflate.end();
  await done;
  const pdf = onePagePdf(Buffer.concat(out)).toString('latin1');
  return Buffer.from(pdf.replace(/<<\s+\/Length/, '<< /Filter /FlateDecode /Length'), 'latin1');
}

const engines: PdfEngine[] = ['pdfium', 'pdfjs'];

async function readWith(engine: PdfEngine, bytes: Buffer) {
  const before = process.env.PDF_ENGINE;
  process.env.PDF_ENGINE = engine;
  try {
    return await readPdf(bytes);
  } finally {
    if (before === undefined) delete process.env.PDF_ENGINE;
    else process.env.PDF_ENGINE = before;
  }
}

async function refusal(engine: PdfEngine, bytes: Buffer): Promise<ReportParseError> {
  try {
    await readWith(engine, bytes);
  } catch (e) {
    expect(e).toBeInstanceOf(ReportParseError);
    return e as ReportParseError;
  }
  throw new Error(`${engine} read a damaged PDF`);
}

afterAll(() => closePdfReader());

describe.each(engines)('PDF errors with %s', (engine) => {
  it('reads a well-formed hand-made PDF (control)', async () => {
    const doc = await readWith(engine, onePagePdf(textContent()));
    expect(doc.blocks).toEqual([expect.objectContaining({ kind: 'paragraph', text: TEXT })]);
  });

  it('reads a PDF encrypted with an owner password only', async () => {
    const doc = await readWith(engine, encryptedPdf('', 'owner-secret'));
    expect(doc.blocks).toEqual([expect.objectContaining({ kind: 'paragraph', text: TEXT })]);
  });

  it('refuses a PDF that needs a password as REPORT_ENCRYPTED', async () => {
    const err = await refusal(engine, encryptedPdf('user-secret', 'owner-secret'));
    expect(err.code).toBe('REPORT_ENCRYPTED');
  });

  it('names a cut-off PDF truncated', async () => {
    const whole = onePagePdf(textContent());
    const err = await refusal(engine, whole.subarray(0, Math.floor(whole.length / 3)));
    expect(err.code).toBe('REPORT_UNREADABLE');
    expect(err.message).toMatch(/truncated PDF/);
  });

  it('names a PDF whose body is garbage corrupt', async () => {
    const err = await refusal(engine, Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(4000, 0x41), Buffer.from('\n%%EOF\n')]));
    expect(err.code).toBe('REPORT_UNREADABLE');
    expect(err.message).toMatch(/corrupt PDF/);
  });

  it('refuses an image-only page as REPORT_NO_TEXT', async () => {
    const err = await refusal(engine, onePagePdf(Buffer.from('0.2 0.4 0.6 rg 72 500 451 270 re f', 'latin1')));
    expect(err.code).toBe('REPORT_NO_TEXT');
  });

  it('refuses a page of boxes (glyphs with /ActualText but no character) as REPORT_NO_TEXT', async () => {
    const err = await refusal(engine, readFileSync(join(__dirname, '..', 'fixtures', 'damaged', 'pingtan-2021.no-chinese-font.pdf')));
    expect(err.code).toBe('REPORT_NO_TEXT');
    expect(err.message).toMatch(/maps to no characters/);
  });
});

describeWithFixtures('a real report cut off, with either engine', () => {
  const bytes = readFileSync(join(FIXTURES_DIR, 'huaian-2024.pdf'));
  it.each(engines)('%s names huaian-2024.pdf cut at 60%% truncated', async (engine) => {
    const err = await refusal(engine, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    expect(err.message).toMatch(/truncated PDF/);
  });
});

describe('PDFium memory cap', () => {
  it('refuses a content stream inflating past the cap as REPORT_TOO_COMPLEX, then reads the next file', async () => {
    await expect(extractText(await contentBomb(700), 'pdfium')).rejects.toMatchObject({ code: 'REPORT_TOO_COMPLEX' });
    const next = await extractText(onePagePdf(textContent()), 'pdfium');
    expect(next.ok && next.pages[0].items.map((i) => i.text).join('')).toBe(TEXT);
  }, 60_000);
});
