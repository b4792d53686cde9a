import { buildConsistentValues } from '../../src/shared/checks/consistent-values';
import { ReportParseError } from '../../src/common/errors';
import { cellsOf, getEdition } from '../../src/shared/editions';
import type { DocRow } from '../../src/ingest/report-document';
import { readReport } from '../../src/ingest/report-reader';
import { TableMapper } from '../../src/ingest/table-mapper';
import { renderReport } from '../../src/render/report-renderer';

/**
 * Section 四 printed as one row of five figures under each group's caption (tests/fixtures/real/shuyang-2025.txt:
 * "### 行政复议", "### 行政诉讼（未经复议直接起诉）", "### 行政诉讼（复议后起诉）"): the captions are aligned with the
 * edition's column groups (src/shared/editions, LAWSUITS_TABLE columnGroups) and the rows joined in template order.
 */
const E2021 = getEdition('2021');
const lawsuits = E2021.tables.find((t) => t.id === 'lawsuits')!;
const GROUPS = lawsuits.blocks[0].columnGroups!;
const HEADER = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
const FIGURES = [
  ['27', '10', '9', '15', '61'],
  ['3', '0', '0', '0', '3'],
  ['8', '0', '1', '1', '10'],
];
const CAPTIONS = ['行政复议', '行政诉讼（未经复议直接起诉）', '行政诉讼（复议后起诉）'];

let line = 0;
const row = (...texts: string[]): DocRow => {
  line++;
  return { cells: texts.map((text) => ({ text })), line };
};
/** Caption row, header row, row of figures, per group, as the Markdown export prints them. */
function printed(captions = CAPTIONS, figures = FIGURES): DocRow[] {
  line = 100;
  return captions.flatMap((c, i) => [row(c), row(...HEADER), row(...figures[i])]);
}
const map = (rows: DocRow[]) => new TableMapper(lawsuits, 'report.txt').map(rows);
function rejection(rows: DocRow[]): ReportParseError {
  try {
    map(rows);
  } catch (e) {
    if (e instanceof ReportParseError) return e;
    throw e;
  }
  throw new Error('not rejected');
}

describe('section 四 printed in captioned groups', () => {
  it('declares its column groups in the edition, covering every column once in template order', () => {
    expect(GROUPS.map((g) => g.label)).toEqual(['行政复议', '行政诉讼·未经复议直接起诉', '行政诉讼·复议后起诉']);
    expect(GROUPS.flatMap((g) => g.columns)).toEqual(lawsuits.blocks[0].columns.map((c) => c.key));
  });

  it('joins the groups in template order, each cell placed under its printed caption and line', () => {
    const { cells, warnings } = map(printed());
    GROUPS.forEach((g, i) => g.columns.forEach((k, j) => expect([k, cells[k].value]).toEqual([k, FIGURES[i][j]])));
    expect(Object.keys(cells)).toHaveLength(15);
    expect(warnings).toEqual([]);
    expect(cells['litigation_after_review.pending'].location).toMatchObject({
      file: 'report.txt',
      section: 4,
      row: '行政诉讼（复议后起诉）',
      column: '行政诉讼·复议后起诉·尚未审结',
      line: 109,
    });
  });

  it('reads a caption in the row of figures itself, and a group left blank as blank', () => {
    const rows = [
      row('', ...HEADER),
      row('行政复议', ...FIGURES[0]),
      row('未经复议直接起诉', '', '', '', '', ''),
      row('复议后起诉', ...FIGURES[2]),
    ];
    const { cells } = map(rows);
    expect(cells['review.total'].value).toBe('61');
    expect(cells['litigation_direct.total']).toMatchObject({ value: null, raw: '' });
    expect(cells['litigation_after_review.total'].value).toBe('10');
  });

  it('reads a caption row padded with empty cells (a flattened merged cell) as the caption of the figures below it', () => {
    line = 200;
    const rows = CAPTIONS.flatMap((c, i) => [row(c, '', '', '', ''), row(...HEADER), row(...FIGURES[i])]);
    const { cells } = map(rows);
    expect(cells['review.total']).toMatchObject({ value: '61', location: { row: '行政复议', line: 203 } });
    expect(cells['litigation_after_review.total'].value).toBe('10');
  });

  it('rejects a group whose count of figures is wrong, naming its caption, column and line', () => {
    const e = rejection(printed(CAPTIONS, [FIGURES[0], ['3', '0', '0', '0'], FIGURES[2]]));
    expect(e.message).toMatch(/4 of 5 value cells/);
    expect(e.location).toMatchObject({ section: 4, row: '行政诉讼（未经复议直接起诉）', line: 106 });
    expect(rejection(printed(CAPTIONS, [FIGURES[0], FIGURES[1], ['8', '0', '1', '1', '10', '2']])).message).toMatch(
      /6 value cells where the template has 5/,
    );
  });

  it('rejects a caption that aligns with no group, naming the printed caption', () => {
    const e = rejection(printed(['行政复议', '信访事项', '行政诉讼（复议后起诉）']));
    expect(e.message).toMatch(/column group "行政诉讼·未经复议直接起诉" not found/);
    expect(e.location).toMatchObject({ section: 4, row: '信访事项', line: 106 });
  });

  it('rejects groups printed out of template order rather than swapping their figures', () => {
    const e = rejection(printed([CAPTIONS[0], CAPTIONS[2], CAPTIONS[1]]));
    expect(e.message).toMatch(
      /reads like the column group "行政诉讼·复议后起诉" but stands where the template has "行政诉讼·未经复议直接起诉"/,
    );
    expect(e.location).toMatchObject({ row: '行政诉讼（复议后起诉）', line: 106 });
  });

  it('rejects a header row over a group that reorders its columns', () => {
    const rows = printed();
    rows[4] = row('结果维持', '结果纠正', '尚未审结', '总计', '备注');
    expect(rejection(rows).message).toMatch(/header row has no column "其他结果"/);
  });

  it('rejects figures under no caption, and still says a one-group table lacks its fifteen figures', () => {
    const e = rejection([...printed(), row(...FIGURES[0])]);
    expect(e.message).toMatch(/figures under no caption/);
    // Captions printed outside the table (paragraphs between three tables) never reach the mapper: nothing is guessed.
    line = 300;
    const bare = FIGURES.flatMap((f) => [row(...HEADER), row(...f)]);
    expect(rejection(bare)).toMatchObject({
      message: expect.stringMatching(/column group "行政复议" not found: the figures printed here have no caption/),
      location: expect.objectContaining({ line: 302 }),
    });
    expect(
      rejection([
        row(...HEADER),
        row(...HEADER, '结果维持'),
        row('1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12', '13', '14'),
      ]).message,
    ).toMatch(/no row of 15 figures/);
  });
});

describe('an HTML report printing 四 in captioned groups', () => {
  const values = buildConsistentValues(E2021, 8);
  const cells = Object.fromEntries(cellsOf(E2021).map((c) => [c.key, { value: values[c.key] }]));
  const input = {
    edition: E2021,
    year: 2023,
    agencyName: '沭阳县某局',
    cells,
    narratives: [{ section: 1, text: '本机关全面推进政务公开。' }],
  };
  const td = (t: string) => `<td>${t}</td>`;
  const grouped = (captions: string[]) =>
    '<table border="1"><tbody>' +
    GROUPS.map(
      (g, i) =>
        `<tr><td colspan="5">${captions[i]}</td></tr><tr>${HEADER.map(td).join('')}</tr><tr>${g.columns.map((k) => td(values[k]!)).join('')}</tr>`,
    ).join('') +
    '</tbody></table>';
  /** The rendered report with its section 四 table replaced by the grouped one. */
  async function html(captions: string[]): Promise<Buffer> {
    const page = (await renderReport(input, 'html')).toString();
    const tables = page.match(/<table[\s\S]*?<\/table>/g)!;
    const four = tables.find((t) => t.includes('复议后起诉'))!;
    return Buffer.from(page.replace(four, grouped(captions)));
  }

  it('is read cell for cell', async () => {
    const { parsed } = await readReport(await html(CAPTIONS), { file: 'grouped.html' });
    for (const c of cellsOf(E2021)) expect([c.key, parsed.cells[c.key].value]).toEqual([c.key, values[c.key]]);
    expect(parsed.cells['litigation_direct.total'].location).toMatchObject({ section: 4, row: '行政诉讼（未经复议直接起诉）' });
  });

  it('is rejected, the caption named, when a caption is not one of the groups', async () => {
    await expect(
      readReport(await html(['行政复议', '行政诉讼（未经复议直接起诉）', '其他事项']), { file: 'grouped.html' }),
    ).rejects.toMatchObject({
      message: expect.stringMatching(/column group "行政诉讼·复议后起诉" not found/),
      location: expect.objectContaining({ file: 'grouped.html', section: 4, row: '其他事项' }),
    });
  });
});
