import { dropFurniture } from '../../src/ingest/readers/pdf/pdf-furniture';
import { pageGrids } from '../../src/ingest/readers/pdf/pdf-grid';
import { appendGrid, docTable, gridTable } from '../../src/ingest/readers/pdf/pdf-grid-table';
import { buildLines } from '../../src/ingest/readers/pdf/pdf-layout';
import { buildParagraphs } from '../../src/ingest/readers/pdf/pdf-paragraphs';
import { collectRules, type Ops } from '../../src/ingest/readers/pdf/pdf-rules';
import type { PageText, Rule, TextItem } from '../../src/ingest/readers/pdf/pdf-text.types';

// pdf.js 5's OPS numbers (pdfjs-dist/legacy/build/pdf.mjs) and DrawOPS inside a constructPath buffer.
const OPS: Ops = {
  save: 10,
  restore: 11,
  transform: 12,
  moveTo: 13,
  lineTo: 14,
  closePath: 18,
  rectangle: 19,
  stroke: 20,
  closeStroke: 21,
  fill: 22,
  eoFill: 23,
  fillStroke: 24,
  eoFillStroke: 25,
  closeFillStroke: 26,
  closeEOFillStroke: 27,
  paintFormXObjectBegin: 74,
  paintFormXObjectEnd: 75,
  constructPath: 91,
};
const [MOVE, LINE, CLOSE] = [0, 1, 4];
const path = (paint: number, ...buf: number[]) => [OPS.constructPath, [paint, [new Float32Array(buf)], [0, 0, 0, 0]]] as const;
const rect = (x: number, y: number, w: number, h: number) => [MOVE, x, y, LINE, x + w, y, LINE, x + w, y + h, LINE, x, y + h, CLOSE];
function ops(...list: ReadonlyArray<readonly [number, unknown]>) {
  return collectRules(
    list.map((o) => o[0]),
    list.map((o) => o[1]),
    OPS,
  );
}
const r1 = (r: Rule) => ({ x0: +r.x0.toFixed(1), y0: +r.y0.toFixed(1), x1: +r.x1.toFixed(1), y1: +r.y1.toFixed(1) });

const item = (text: string, x: number, top: number, size = 10): TextItem => ({ text, x, y: 842 - top, w: size * [...text].length, size });
/** A page with rules given in top-left coordinates: [x0, top0, x1, top1]. */
const page = (items: TextItem[], rules: Array<[number, number, number, number]>): PageText => ({
  width: 595,
  height: 842,
  items,
  rules: rules.map(([x0, t0, x1, t1]) => ({ x0, x1, y0: 842 - Math.max(t0, t1), y1: 842 - Math.min(t0, t1) })),
});
/** Every rule of a grid: horizontals at ys over [x0, x1], verticals at xs over [y0, y1]. */
const grid = (xs: number[], ys: number[]): Array<[number, number, number, number]> => [
  ...ys.map((y): [number, number, number, number] => [xs[0], y, xs[xs.length - 1], y]),
  ...xs.map((x): [number, number, number, number] => [x, ys[0], x, ys[ys.length - 1]]),
];
const texts = (p: PageText, n = 1) =>
  pageGrids(p, n).grids.map((g) => docTable(gridTable(g, 842), () => 842).rows.map((r) => r.cells.map((c) => c.text)));

describe('PDF table rules from the operator list (pdf.js 5 constructPath)', () => {
  it('reads stroked lines and thin filled rectangles, under the current transform, and skips backgrounds', () => {
    const rules = ops(
      path(OPS.stroke, MOVE, 10, 100, LINE, 200, 100),
      [OPS.save, null],
      [OPS.transform, [0.5, 0, 0, 0.5, 100, 0]],
      path(OPS.fill, ...rect(0, 400, 1, 200)), // a thin vertical bar: x 100.25, y 200..300
      path(OPS.fill, ...rect(0, 0, 300, 300)), // a cell background: no rule
      [OPS.restore, null],
      path(OPS.stroke, MOVE, 50, 50, LINE, 52, 52), // a short diagonal: no rule
    );
    expect(rules.map(r1)).toEqual([
      { x0: 10, y0: 100, x1: 200, y1: 100 },
      { x0: 100.3, y0: 200, x1: 100.3, y1: 300 },
    ]);
  });

  it('reads a stroked rectangle as its four edges, also from separate path ops and form XObjects', () => {
    const rules = ops(
      [OPS.paintFormXObjectBegin, [[1, 0, 0, 1, 0, 500], null]],
      [OPS.rectangle, [10, 10, 100, 50]],
      [OPS.stroke, null],
      [OPS.paintFormXObjectEnd, null],
    );
    expect(rules.map(r1)).toEqual([
      { x0: 10, y0: 510, x1: 110, y1: 510 },
      { x0: 110, y0: 510, x1: 110, y1: 560 },
      { x0: 10, y0: 560, x1: 110, y1: 560 },
      { x0: 10, y0: 510, x1: 10, y1: 560 },
    ]);
  });
});

describe('PDF grids', () => {
  it('builds cell boxes, a merged cell once in the row it starts in, wrapped text joined', () => {
    const xs = [50, 150, 250, 350];
    const ys = [100, 120, 150, 170];
    const rules = grid(xs, ys).filter(([x0, t0, , t1]) => !(x0 === 150 && t0 === 100 && t1 === 170));
    // The first column's label spans rows 2 and 3: no rule between them in column 1.
    const cut = rules.filter(([x0, t0, x1]) => !(t0 === 150 && x0 === 50 && x1 === 350));
    cut.push([150, 150, 350, 150], [150, 100, 150, 170]);
    const p = page(
      [
        item('信息内容', 55, 115),
        item('本年', 160, 115),
        item('总计', 260, 115),
        item('（三）不予', 55, 140),
        item('公开', 55, 162),
        item('1', 160, 140),
        item('', 260, 140),
        item('2', 160, 165),
        item('3', 260, 165),
      ],
      cut,
    );
    expect(texts(p)).toEqual([
      [
        ['信息内容', '本年', '总计'],
        ['（三）不予公开', '1', ''],
        ['2', '3'],
      ],
    ]);
  });

  it('cuts a text run pdf.js joined across a cell border', () => {
    // One run over two cells: the rule at x 115 falls between its sixth and seventh character.
    const p = page(
      [item('本年制发件数本年废止件数', 55, 115), item('3', 55, 140), item('4', 185, 140)],
      grid([50, 115, 300], [100, 120, 150]),
    );
    expect(texts(p)).toEqual([
      [
        ['本年制发件数', '本年废止件数'],
        ['3', '4'],
      ],
    ]);
  });

  it('continues a table on the next page: a row cut by the break joined', () => {
    const xs = [50, 200, 300];
    const top = page(
      [item('项目', 55, 715), item('数量', 205, 715), item('（二）部分公开（区分处', 55, 745), item('7', 205, 745)],
      [...grid(xs, [700, 730]), [50, 760, 50, 730], [200, 760, 200, 730], [300, 760, 300, 730]],
    );
    // The cut row goes on at the top of page 2 with no rule above it; then a new row.
    const next = page(
      [item('理的）', 55, 45), item('1.属于国家秘密', 55, 75), item('2', 205, 75)],
      [
        [50, 30, 50, 90],
        [200, 30, 200, 90],
        [300, 30, 300, 90],
        [50, 60, 300, 60],
        [50, 90, 300, 90],
      ],
    );
    const t = gridTable(pageGrids(top, 1).grids[0], 842);
    appendGrid(t, pageGrids(next, 2).grids[0], 842);
    const rows = docTable(t, () => 842).rows;
    expect(rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ['项目', '数量'],
      ['（二）部分公开（区分处理的）', '7'],
      ['1.属于国家秘密', '2'],
    ]);
    expect(rows[2].cells[0].source).toEqual({ page: 2, x: 55, y: 75 });
  });

  it('drops the header rows the renderer repeats on the next page', () => {
    const xs = [50, 200, 300];
    const top = page(
      [item('项目', 55, 715), item('数量', 205, 715), item('规章', 55, 745), item('7', 205, 745)],
      grid(xs, [700, 730, 760]),
    );
    const next = page(
      [item('项目', 55, 45), item('数量', 205, 45), item('规范性文件', 55, 75), item('2', 205, 75)],
      grid(xs, [30, 60, 90]),
    );
    const t = gridTable(pageGrids(top, 1).grids[0], 842);
    appendGrid(t, pageGrids(next, 2).grids[0], 842);
    expect(docTable(t, () => 842).rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ['项目', '数量'],
      ['规章', '7'],
      ['规范性文件', '2'],
    ]);
  });

  it("gives text just outside the outer rule, in a row, to that row's edge cell, uncut", () => {
    // LibreOffice set the table partly off the page: the label runs left of the grid's left rule.
    const p = page(
      [item('府信息公开申请数量', 42, 115), item('18', 160, 115), item('结', 44, 140), item('果', 54, 140), item('5', 160, 140)],
      grid([50, 150, 250], [100, 120, 150]),
    );
    expect(texts(p)).toEqual([
      [
        ['府信息公开申请数量', '18'],
        ['结果', '5'],
      ],
    ]);
    expect(pageGrids(p, 1).rest).toEqual([]);
  });

  it('joins a number the page break cut to its row; a figure under a complete one starts a new row', () => {
    const xs = [50, 200, 230];
    const num = (text: string, top: number) => ({ ...item(text, 202, top), w: 26 });
    const first = (last: TextItem[]) =>
      page([item('项目', 55, 715), item('数量', 202, 715), item('2.重复', 55, 745), ...last], [...grid(xs, [700, 730, 770])]);
    const next = page([item('申请', 55, 45), num('88', 45), item('3.其他', 55, 75), num('2', 75)], grid(xs, [30, 60, 90]));
    const read = (p: PageText) => {
      const t = gridTable(pageGrids(p, 1).grids[0], 842);
      appendGrid(t, pageGrids(next, 2).grids[0], 842);
      return docTable(t, () => 842).rows.map((r) => r.cells.map((c) => c.text));
    };
    // "1999" over "9999" fills the cell's width: the number may go on.
    expect(read(first([num('1999', 745), num('9999', 757)]))).toEqual([
      ['项目', '数量'],
      ['2.重复申请', '1999999988'],
      ['3.其他', '2'],
    ]);
    // "19" over "7" ends short of it: "88" is no part of it (the assembler then rejects the row "申请").
    expect(read(first([num('19', 745), { ...num('7', 757), w: 7 }]))).toEqual([
      ['项目', '数量'],
      ['2.重复', '197'],
      ['申请', '88'],
      ['3.其他', '2'],
    ]);
  });

  it('leaves a page without rules to text positions', () => {
    expect(pageGrids(page([item('规章', 55, 115), item('5', 160, 115)], []), 1)).toEqual({
      grids: [],
      rest: [item('规章', 55, 115), item('5', 160, 115)],
    });
  });
});

describe('PDF running headers, footers and titles', () => {
  it('drops margin text repeated on most pages and page numbers, keeps the body', () => {
    const pages = [1, 2, 3].map((n) =>
      page(
        [
          item('12/1/26, 5:03 PM', 28, 20, 6),
          item('某局年度报告', 250, 20, 6),
          item(`正文第${n}页的内容`, 56, 400),
          item('https://example.cn/a.html', 28, 826, 6),
          item(`${n}/3`, 558, 826, 6),
        ],
        [],
      ),
    );
    const lines = dropFurniture(buildLines(pages), pages);
    expect(lines.map((l) => l.text)).toEqual(['正文第1页的内容', '正文第2页的内容', '正文第3页的内容']);
  });

  it('joins a centred title wrapped over two lines into one paragraph', () => {
    const first = { ...item('济宁市测试局2020年政府信息公开工作年度报', 61.2, 68, 24), w: 501.6 };
    const lines = buildLines([page([first, item('告', 300, 102, 24), item('一、总体情况', 56, 140, 18)], [])]);
    lines[2].heading = true;
    expect(buildParagraphs(lines, 56, new Set(), 297.5).map((p) => p.text)).toEqual([
      '济宁市测试局2020年政府信息公开工作年度报告',
      '一、总体情况',
    ]);
  });
});
