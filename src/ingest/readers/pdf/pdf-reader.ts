import { ReportParseError } from '../../../common/errors';
import { headingNumber } from '../../report-assembler';
import type { DocBlock, ReportDocument } from '../../report-document';
import { extractionError, extractText } from './pdf-extraction';
import { buildLines, isValueLine, modeFontSize, type Line } from './pdf-layout';
import { buildParagraphs } from './pdf-paragraphs';
import { buildTable, findTables } from './pdf-tables';

export { closePdfReader } from './pdf-extraction';

/** Reads a PDF with a text layer into paragraphs and tables (sections 二, 三, 四 as DocTables). */
export async function readPdf(bytes: Buffer): Promise<ReportDocument> {
  if (bytes.subarray(0, 1024).indexOf('%PDF-') < 0) throw new ReportParseError('not a PDF file (no %PDF- header)', {}, 'REPORT_UNREADABLE');
  const result = await extractText(bytes);
  if (!result.ok) throw extractionError(bytes, result.name, result.message);

  const lines = buildLines(result.pages);
  const meaningful = lines.reduce((n, l) => n + l.text.replace(/\s/g, '').length, 0);
  if (meaningful < 20)
    throw new ReportParseError(
      `no text layer (scanned or image-only PDF): ${result.pages.length} page(s) hold ${meaningful} characters of text`,
      {},
      'REPORT_NO_TEXT',
    );

  for (const l of lines) {
    l.heading = headingNumber(l.text) > 0;
    l.value = !l.heading && isValueLine(l);
  }
  const bodyFont = modeFontSize(lines);
  const bodyLines = lines.filter((l) => Math.abs(l.size - bodyFont) < 0.1 * bodyFont);
  const leftMargin = Math.min(...bodyLines.map((l) => l.chunks[0].x0));
  const bodyWidth = Math.max(...bodyLines.map((l) => l.chunks[l.chunks.length - 1].x1)) - leftMargin;
  const tableLines = findTables(lines, bodyFont, bodyWidth);

  // Document order: each table where its first line stands, the prose between tables as paragraphs.
  const lastOnPage = new Set(lines.filter((l, i) => lines[i + 1]?.page !== l.page));
  const blocks: DocBlock[] = [];
  const emitted = new Set<Line[]>();
  let prose: Line[] = [];
  const flushProse = () => {
    for (const p of buildParagraphs(prose, leftMargin, lastOnPage)) blocks.push({ kind: 'paragraph', text: p.text, page: p.page });
    prose = [];
  };
  for (const l of lines) {
    const table = tableLines.get(l);
    if (!table) {
      prose.push(l);
      continue;
    }
    flushProse();
    if (emitted.has(table)) continue;
    emitted.add(table);
    blocks.push({ kind: 'table', table: buildTable(table) });
  }
  flushProse();
  return { format: 'pdf', blocks };
}
