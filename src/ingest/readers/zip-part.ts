import { inflateRawSync } from 'zlib';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { ReportParseError, ReportTooComplexError } from '../../common/errors';
import { ZIP_LIMITS } from '../file-limits';

type ZipLimits = { readonly [K in keyof typeof ZIP_LIMITS]: number };

const unreadable = (e: Error) => new ReportParseError(`not a readable zip archive (${e.message})`, {}, 'REPORT_UNSUPPORTED_FORMAT');

/**
 * One part of a ZIP container (word/document.xml of a DOCX), inflated under ZIP_LIMITS: the entry
 * count, every entry's declared size and ratio and the archive's totals are judged from the central
 * directory before a byte is inflated, and the part's actual output is counted while it inflates
 * (a header may lie), so a bomb is refused after at most one chunk over the limit. yauzl rather
 * than JSZip: it lists entries without inflating them and finds a part's data, which Node's zlib
 * inflates under a cap, where JSZip inflates a part whole before anyone can count it. null: no such part.
 */
export async function readZipPart(bytes: Buffer, part: string, limits: ZipLimits = ZIP_LIMITS): Promise<Buffer | null> {
  let zip: ZipFile;
  try {
    // Sizes are checked here, against the limits, not against the headers' own claims.
    zip = await yauzl.fromBufferPromise(bytes, { lazyEntries: true, validateEntrySizes: false });
  } catch (e) {
    throw unreadable(e as Error);
  }
  try {
    if (zip.entryCount > limits.entries) throw new ReportTooComplexError('zip.entries', zip.entryCount, limits.entries);
    const entries = await listEntries(zip);
    let total = 0;
    let compressed = 0;
    for (const e of entries) {
      checkRatio(e.uncompressedSize, e.compressedSize, limits, e.fileName);
      total += e.uncompressedSize;
      compressed += e.compressedSize;
    }
    if (total > limits.totalBytes) throw new ReportTooComplexError('zip.totalBytes', total, limits.totalBytes);
    checkRatio(total, compressed, limits);
    const entry = entries.find((e) => e.fileName === part);
    if (!entry) return null;
    if (entry.uncompressedSize > limits.partBytes)
      throw new ReportTooComplexError('zip.partBytes', entry.uncompressedSize, limits.partBytes, { part });
    return await inflate(zip, bytes, entry, limits);
  } finally {
    zip.close();
  }
}

function checkRatio(uncompressed: number, compressed: number, limits: ZipLimits, part?: string): void {
  if (uncompressed <= limits.ratioFloorBytes) return;
  const ratio = uncompressed / Math.max(1, compressed);
  if (ratio > limits.ratio) throw new ReportTooComplexError('zip.ratio', ratio, limits.ratio, part ? { part } : {});
}

function listEntries(zip: ZipFile): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: Entry[] = [];
    zip.on('entry', (e: Entry) => {
      entries.push(e);
      zip.readEntry();
    });
    zip.once('end', () => resolve(entries));
    zip.once('error', (e: Error) => reject(unreadable(e)));
    zip.readEntry();
  });
}

/**
 * The part's bytes, inflated by Node's zlib with an output cap (it stops at the first chunk past
 * it): the part limit, or the ratio limit times the part's compressed size if that is smaller.
 */
async function inflate(zip: ZipFile, bytes: Buffer, entry: Entry, limits: ZipLimits): Promise<Buffer> {
  if (entry.isEncrypted()) throw new ReportParseError('encrypted Word document: a password is needed to open it', {}, 'REPORT_ENCRYPTED');
  let start: number;
  try {
    ({ fileDataStart: start } = await zip.readLocalFileHeaderPromise(entry, { minimal: true }));
  } catch (e) {
    throw unreadable(e as Error);
  }
  const compressed = bytes.subarray(start, start + entry.compressedSize);
  if (compressed.length !== entry.compressedSize) throw unreadable(new Error(`${entry.fileName} runs past the end of the archive`));
  if (entry.compressionMethod === 0) return compressed;
  if (entry.compressionMethod !== 8)
    throw unreadable(new Error(`${entry.fileName}: compression method ${entry.compressionMethod} is not supported`));
  const byRatio = Math.max(limits.ratioFloorBytes, limits.ratio * entry.compressedSize);
  const cap = Math.min(limits.partBytes, byRatio);
  try {
    return inflateRawSync(compressed, { maxOutputLength: cap });
  } catch (e) {
    if ((e as { code?: string }).code !== 'ERR_BUFFER_TOO_LARGE') throw unreadable(e as Error);
    // Stopped just past the cap: the part inflates to more than that.
    if (cap === limits.partBytes) throw new ReportTooComplexError('zip.partBytes', cap + 1, limits.partBytes, { part: entry.fileName });
    throw new ReportTooComplexError('zip.ratio', (cap + 1) / Math.max(1, entry.compressedSize), limits.ratio, { part: entry.fileName });
  }
}
