import WordExtractor from 'word-extractor';
import { ReportParseError } from '../../common/errors';
import type { ReportDocument } from '../report-document';
import { readCellStream, type StreamCell } from './cell-stream';

/** Compound-file (OLE2) signature: legacy Word .doc and WPS Writer .wps files start with it. */
export const OLE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/**
 * A legacy Word (.doc) or WPS document, read by word-extractor. Its text ends every table cell with
 * a tab and every paragraph with a line break, and a row's end with one more tab (or a tab and a
 * line break), but a row end and an empty cell read alike, so the cells arrive as one stream and the rows are rebuilt from the template structure (cell-stream.ts). A cell's place is
 * its table, row and cell in the rebuilt tables (1-based).
 */
export async function readDoc(bytes: Buffer): Promise<ReportDocument> {
  if (!bytes.subarray(0, 8).equals(OLE_SIGNATURE))
    throw new ReportParseError('not a Word .doc file (no compound-file signature)', {}, 'REPORT_UNREADABLE');
  // A compound file is a header and whole sectors (512 bytes, or 4096 in version 4): a cut file is not.
  const sector = bytes.readUInt16LE(30) === 12 ? 4096 : 512;
  if (bytes.length % sector !== 0)
    throw new ReportParseError(
      `truncated .doc file: ${bytes.length} bytes is not a whole number of ${sector}-byte sectors`,
      {},
      'REPORT_UNREADABLE',
    );
  let body: string;
  try {
    const doc = await new WordExtractor().extract(bytes);
    // Unicode kept as published (the library would fold curly quotes to ASCII).
    body = doc.getBody({ filterUnicode: false });
  } catch (e) {
    throw new ReportParseError(`corrupt .doc file (${(e as Error).message})`, {}, 'REPORT_UNREADABLE');
  }
  // Word ends each cell and each row with the same mark (read as a tab); where the library saw a row
  // end it wrote a line break after the tab instead: that one becomes the row's empty end cell too.
  const cells: StreamCell[] = body
    .replace(/\r\n?/g, '\n')
    .replace(/\t\n/g, '\t\t')
    .split(/[\t\n]/)
    .map((text) => ({ text }));
  const blocks = readCellStream(cells, { rowEnds: true });
  let table = 0;
  for (const b of blocks) {
    if (b.kind !== 'table') continue;
    table++;
    b.table.rows.forEach((r, ri) => r.cells.forEach((c, ci) => (c.source = { table, row: ri + 1, cell: ci + 1 })));
  }
  return { format: 'doc', blocks };
}
