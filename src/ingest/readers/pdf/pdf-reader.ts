import { ReportParseError } from '../../../common/errors';
import { headingNumber } from '../../report-assembler';
import type { DocBlock, ReportDocument } from '../../report-document';
import { extractionError, extractText } from './pdf-extraction';
import { dropFurniture } from './pdf-furniture';
import { pageGrids, type Grid } from './pdf-grid';
import { appendGrid, continues, docTable, gridTable, type GridTable } from './pdf-grid-table';
import { buildLines, isValueLine, modeFontSize, type Line } from './pdf-layout';
import { buildParagraphs } from './pdf-paragraphs';
import { buildTable, findTables } from './pdf-tables';

export { closePdfReader } from './pdf-extraction';

/** Characters of glyphs that map to none. */
const UNMAPPED = /[\u0000\ufffd]/g;

/**
 * Reads a PDF with a text layer into paragraphs and tables (sections 二, 三, 四 as DocTables). Tables
 * drawn with rules are read from their grid; text outside every grid is laid out by position, where a
 * table without rules is told from prose by its columns of figures.
 */
export async function readPdf(bytes: Buffer): Promise<ReportDocument> {
  if (bytes.subarray(0, 1024).indexOf('%PDF-') < 0) throw new ReportParseError('not a PDF file (no %PDF- header)', {}, 'REPORT_UNREADABLE');
  const result = await extractText(bytes);
  if (!result.ok) throw extractionError(bytes, result.name, result.message);
  const pages = result.pages;

  const meaningful = pages.reduce((n, p) => n + p.items.reduce((m, it) => m + it.text.replace(/\s/g, '').length, 0), 0);
  if (meaningful < 20)
    throw new ReportParseError(
      `no text layer (scanned or image-only PDF): ${pages.length} page(s) hold ${meaningful} characters of text`,
      {},
      'REPORT_NO_TEXT',
    );
  // Glyphs that map to no character (U+0000, U+FFFD): a page printed without the fonts of its
  // script, such as a browser with no Chinese font, whose every Chinese character is a box.
  const unmapped = pages.reduce((n, p) => n + p.items.reduce((m, it) => m + (it.text.match(UNMAPPED) ?? []).length, 0), 0);
  if (unmapped >= 20 && unmapped * 3 >= meaningful)
    throw new ReportParseError(
      `text that maps to no characters: ${unmapped} of the ${meaningful} characters on ${pages.length} page(s) are glyphs without a character (made without the fonts of its script, e.g. printed by a browser with no Chinese font)`,
      {},
      'REPORT_NO_TEXT',
    );

  const perPage = pages.map((p, i) => pageGrids(p, i + 1));
  const grids = perPage.flatMap((p) => p.grids);
  const lines = dropFurniture(buildLines(pages.map((p, i) => ({ ...p, items: perPage[i].rest }))), pages);

  for (const l of lines) {
    l.heading = headingNumber(l.text) > 0;
    l.value = !l.heading && isValueLine(l);
  }
  const bodyFont = modeFontSize(lines);
  const bodyLines = lines.filter((l) => Math.abs(l.size - bodyFont) < 0.1 * bodyFont);
  const leftMargin = bodyLines.length ? Math.min(...bodyLines.map((l) => l.chunks[0].x0)) : 0;
  const bodyWidth = bodyLines.length ? Math.max(...bodyLines.map((l) => l.chunks[l.chunks.length - 1].x1)) - leftMargin : 0;
  const tableLines = findTables(lines, bodyFont, bodyWidth);

  // Document order: each table where its first line (or its grid's top) stands, the prose between as paragraphs.
  const lastOnPage = new Set(lines.filter((l, i) => lines[i + 1]?.page !== l.page));
  const blocks: DocBlock[] = [];
  const gridBlocks: Array<{ index: number; table: GridTable }> = [];
  let open: GridTable | null = null;
  const emitted = new Set<Line[]>();
  let prose: Line[] = [];
  const push = (b: DocBlock) => {
    blocks.push(b);
    open = null;
  };
  const flushProse = () => {
    for (const p of buildParagraphs(prose, leftMargin, lastOnPage, pages[0].width / 2))
      push({ kind: 'paragraph', text: p.text, page: p.page });
    prose = [];
  };
  const emitGrid = (g: Grid) => {
    flushProse();
    if (open && continues(open, g)) return appendGrid(open, g, pages[g.page - 1].height);
    push({ kind: 'table', table: { rows: [] } });
    open = gridTable(g, pages[g.page - 1].height);
    gridBlocks.push({ index: blocks.length - 1, table: open });
  };
  const topOf = (l: Line) => pages[l.page - 1].height - l.y;
  let g = 0;
  for (const l of lines) {
    while (g < grids.length && (grids[g].page < l.page || (grids[g].page === l.page && grids[g].top < topOf(l)))) emitGrid(grids[g++]);
    const table = tableLines.get(l);
    if (!table) {
      prose.push(l);
      continue;
    }
    flushProse();
    if (emitted.has(table)) continue;
    emitted.add(table);
    push({ kind: 'table', table: buildTable(table) });
  }
  while (g < grids.length) emitGrid(grids[g++]);
  flushProse();
  for (const { index, table } of gridBlocks) blocks[index] = { kind: 'table', table: docTable(table, (page) => pages[page - 1].height) };
  return { format: 'pdf', blocks };
}
