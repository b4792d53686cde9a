import { buildLines, isFigure, isValueLine, type Line } from '../../src/ingest/readers/pdf/pdf-layout';
import { buildTable, findTables } from '../../src/ingest/readers/pdf/pdf-tables';
import type { PageText, TextItem } from '../../src/ingest/readers/pdf/pdf-text.types';
import { headingNumber } from '../../src/ingest/report-assembler';

// Positions as pdf.js gives them (y upwards, baseline); 10 pt text, about one em per character.
const item = (text: string, x: number, y: number): TextItem => ({ text, x, y, w: 10 * text.length, size: 10 });
const page = (...items: TextItem[]): PageText => ({ width: 595, height: 842, items, rules: [] });

/** The reader's own steps after extraction: headings and value lines marked, tables found. */
function tablesOf(pages: PageText[]): string[][][] {
  const lines = buildLines(pages);
  for (const l of lines) {
    l.heading = headingNumber(l.text) > 0;
    l.value = !l.heading && isValueLine(l);
  }
  const found = new Set(findTables(lines, 10, 450).values());
  return [...found].map((t: Line[]) => buildTable(t).rows.map((r) => r.cells.map((c) => c.text)));
}

describe('PDF layout', () => {
  it('counts numbers, decorated numbers and every no-figure mark as figures, text and blanks not', () => {
    for (const t of ['12', '251000元', '减少22', '1,234', '/', '、', '\\', '—', '无']) expect(isFigure(t)).toBe(true);
    for (const t of ['', ' ', '规章', '无数据', '第一']) expect(isFigure(t)).toBe(false);
  });

  it('drops page numbers and keeps the text of each line in reading order', () => {
    const lines = buildLines([page(item('一、总体情况', 72, 800), item('正文', 72, 780), item('- 1 -', 290, 30), item('2', 290, 20))]);
    expect(lines.map((l) => l.text)).toEqual(['一、总体情况', '正文']);
  });

  it('rebuilds a table continued on the next page as one table, no-figure rows included', () => {
    const tables = tablesOf([
      page(
        item('二、主动公开政府信息情况', 72, 800),
        item('信息内容', 72, 770),
        item('新制发', 300, 770),
        item('现行有效', 400, 770),
        item('规章', 72, 740),
        item('1', 310, 740),
        item('11', 410, 740),
        // Only marks in the row, its label wrapped above and below them: the marks anchor the label.
        item('规范性', 72, 706),
        item('、', 310, 700),
        item('\\', 410, 700),
        item('文件', 72, 694),
      ),
      page(item('行政许可', 72, 800), item('3', 310, 800), item('4', 410, 800)),
    ]);
    expect(tables).toEqual([
      [
        ['信息内容', '新制发', '现行有效'],
        ['规章', '1', '11'],
        ['规范性文件', '、', '\\'],
        ['行政许可', '3', '4'],
      ],
    ]);
  });

  it('keeps a figure set half a line below its row in that row (LibreOffice, a cell without a paragraph)', () => {
    const tables = tablesOf([
      page(
        item('信息内容', 72, 770),
        item('新制发', 300, 770),
        item('现行有效', 400, 770),
        item('规章', 72, 740),
        item('0', 300, 735),
        item('11', 400, 740),
        item('规范性文件', 72, 710),
        item('2', 300, 710),
        item('3', 400, 710),
      ),
    ]);
    expect(tables).toEqual([
      [
        ['信息内容', '新制发', '现行有效'],
        ['规章', '0', '11'],
        ['规范性文件', '2', '3'],
      ],
    ]);
  });
});
