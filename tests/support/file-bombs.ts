import { constants, crc32, deflateRawSync } from 'zlib';

/**
 * Hostile files, made small: a real ZIP whose word/document.xml inflates to hundreds of MB, built
 * from one deflated chunk repeated (each segment ends in a full flush, so segments concatenate into
 * one valid deflate stream), and HTML pages nested or spread past the readers' limits.
 */

export interface ZipPart {
  name: string;
  /** The part's deflated bytes (raw deflate), or stored bytes when `stored`. */
  data: Buffer;
  stored?: boolean;
  crc: number;
  /** What the headers declare; a lying bomb declares less than it inflates to. */
  uncompressedSize: number;
}

/** A ZIP archive of the given parts: local headers, data, central directory, end record. */
export function zipOf(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, 'utf8');
    const method = p.stored ? 0 : 8;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(0x5021, 12); // 2020-01-01
    local.writeUInt32LE(p.crc >>> 0, 14);
    local.writeUInt32LE(p.data.length, 18);
    local.writeUInt32LE(p.uncompressedSize, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(0x5021, 14);
    central.writeUInt32LE(p.crc >>> 0, 16);
    central.writeUInt32LE(p.data.length, 20);
    central.writeUInt32LE(p.uncompressedSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, p.data);
    centrals.push(central, name);
    offset += local.length + name.length + p.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const segment = (text: string | Buffer) => deflateRawSync(text, { level: 9, finishFlush: constants.Z_FULL_FLUSH });
/** A final, empty fixed-Huffman block: ends the stream. */
const FINAL_BLOCK = Buffer.from([0x03, 0x00]);

export function storedPart(name: string, text: string): ZipPart {
  const data = Buffer.from(text, 'utf8');
  return { name, data, stored: true, crc: crc32(data), uncompressedSize: data.length };
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
/** 1 MiB of one repeated byte: deflate's best case, about 1,030:1. */
const CHUNK = '0'.repeat(2 ** 20);

/**
 * A Word document whose word/document.xml is one paragraph of `mib` MiB of text, deflated to about
 * a thousandth of that (as the 380 KB file of issue 18 that inflates to 400 MB). `declaredBytes`
 * makes the headers lie about its size.
 */
export function docxBomb(mib: number, declaredBytes?: number): { bytes: Buffer; inflatedBytes: number } {
  const head = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="${W}"><w:body><w:p><w:r><w:t>`;
  const tail = '</w:t></w:r></w:p></w:body></w:document>';
  const chunk = segment(CHUNK);
  const data = Buffer.concat([segment(head), ...Array.from({ length: mib }, () => chunk), segment(tail), FINAL_BLOCK]);
  let crc = crc32(head);
  const chunkBytes = Buffer.from(CHUNK);
  for (let i = 0; i < mib; i++) crc = crc32(chunkBytes, crc);
  crc = crc32(tail, crc);
  const inflatedBytes = Buffer.byteLength(head) + mib * chunkBytes.length + Buffer.byteLength(tail);
  const document: ZipPart = { name: 'word/document.xml', data, crc, uncompressedSize: declaredBytes ?? inflatedBytes };
  const types = storedPart(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
  );
  return { bytes: zipOf([types, document]), inflatedBytes };
}

/** An HTML page of `depth` nested <div>s around one word (100,000 deep: 1.1 MB). */
export function deepHtml(depth: number): string {
  return `<!DOCTYPE html><html><head><title>报告</title></head><body>${'<div>'.repeat(depth)}年报${'</div>'.repeat(depth)}</body></html>`;
}

/** An HTML page of `count` sibling paragraphs. */
export function wideHtml(count: number): string {
  return `<!DOCTYPE html><html><head><title>报告</title></head><body>${'<p>1</p>'.repeat(count)}</body></html>`;
}
