import { ReportParseError } from '../../src/common/errors';
import { getEdition } from '../../src/shared/editions';
import { labelSimilarity } from '../../src/ingest/align/label-similarity';
import { alignRows, ROW_THRESHOLD, similarityMatrix } from '../../src/ingest/align/row-aligner';
import { assembleReport } from '../../src/ingest/report-assembler';
import type { DocRow } from '../../src/ingest/report-document';
import { TableMapper } from '../../src/ingest/table-mapper';

const printed = (labels: string[]) => labels.map((l) => ({ labels: [l], hasFigures: true }));
const align = (labels: string[], targets: string[]) => {
  const p = printed(labels);
  return alignRows(
    p,
    similarityMatrix(
      p,
      targets.map((t) => [t]),
    ),
    targets.length,
  );
};
const row = (label: string, ...values: string[]): DocRow => ({ cells: [label, ...values].map((text) => ({ text })), line: 7 });
const E2021 = getEdition('2021');
const active = E2021.tables.find((t) => t.id === 'active')!;

describe('label similarity', () => {
  it('folds width, spaces, line breaks and numbering styles to the same label', () => {
    for (const printedAs of ['（1）属于国家秘密', '1、属于 国家\n秘密', '(1)属于国家秘密', '1．属于国家秘密'])
      expect(labelSimilarity(printedAs, '1.属于国家秘密')).toBe(1);
  });
  it('keeps a dropped qualifier, a dropped or doubled character above the threshold, unrelated labels below', () => {
    expect(labelSimilarity('强制', '行政强制')).toBeGreaterThanOrEqual(ROW_THRESHOLD);
    expect(labelSimilarity('规范性文件', '行政规范性文件')).toBeGreaterThanOrEqual(ROW_THRESHOLD);
    expect(labelSimilarity('（二）部分公开', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）')).toBe(1);
    expect(labelSimilarity('2.没有现成信息需要另行制', '2.没有现成信息需要另行制作')).toBeGreaterThan(0.9);
    expect(labelSimilarity('2.没有现成信息需需要另行制作', '2.没有现成信息需要另行制作')).toBeGreaterThan(0.9);
    expect(labelSimilarity('行政处罚', '行政强制')).toBeLessThan(ROW_THRESHOLD);
    expect(labelSimilarity('（一）予以公开', '（二）部分公开')).toBeLessThan(ROW_THRESHOLD);
  });
});

describe('row alignment in template order', () => {
  it('pairs printed rows with template rows by order and likeness, header cells left out', () => {
    const a = align(
      ['总计', '本年新收申请数量', '上年结转政府信息公开申请数', '予以公开'],
      ['一、本年新收政府信息公开申请数量', '二、上年结转政府信息公开申请数量', '（一）予以公开'],
    );
    expect(a.problem).toBeUndefined();
    expect(a.targetOf).toEqual([-1, 0, 1, 2]);
  });

  it('names the template row a printed row cannot be aligned to', () => {
    const a = align(['规章', '文件材料'], ['规章', '行政规范性文件']);
    expect(a.problem).toMatchObject({ kind: 'missing', target: 1, printed: 1 });
  });

  it('reports a guess when a printed row could be either of two template rows', () => {
    const a = align(['政府信息公开申请数量'], ['一、本年新收政府信息公开申请数量', '二、上年结转政府信息公开申请数量', '（一）予以公开']);
    // Matched to one, but as like the other within the margin: ambiguous, not stored.
    const s = a.scores[0];
    expect(Math.abs(s[0] - s[1])).toBeLessThan(0.1);
    expect(a.problem).toMatchObject({ kind: 'ambiguous', printed: 0 });
  });
});

describe('the table mapper rejects rather than guesses, naming the printed row', () => {
  it('a row unlike its template row: section, printed label and line named', () => {
    const rows = [
      row('第二十条第（一）项'),
      row('信息内容', '本年制发件数', '本年废止件数', '现行有效件数'),
      row('规章', '1', '2', '3'),
      row('文件材料', '4', '5', '6'),
    ];
    let err: unknown;
    try {
      new TableMapper(active, 'f.html').map(rows);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ReportParseError);
    expect((err as ReportParseError).location).toMatchObject({ file: 'f.html', section: 2, row: '文件材料', line: 7 });
    expect((err as ReportParseError).message).toMatch(/行政规范性文件/);
  });

  it('a header row missing a template column: the column named, nothing stored by a shifted order', () => {
    const rows = [
      row('第二十条第（一）项'),
      row('信息内容', '本年制发件数', '现行有效件数', '备注'),
      row('规章', '1', '2', '3'),
      row('规范性文件', '4', '5', '6'),
    ];
    expect(() => new TableMapper({ ...active, blocks: active.blocks.slice(0, 1) }, 'f.html').map(rows)).toThrow(/column "本年废止件数"/);
  });

  it('keeps the printed label and the source of every cell', () => {
    const rows = [
      row('第二十条第（一）项'),
      row('规章', '1', '2', '3'),
      { cells: [{ text: '规范性 文件' }, ...['4', '5', '6'].map((text, i) => ({ text, source: { table: 1, row: 3, cell: i + 2 } }))] },
    ];
    const mapped = new TableMapper({ ...active, blocks: active.blocks.slice(0, 1) }).map(rows);
    expect(mapped.cells['active.normative.in_force']).toMatchObject({
      value: '6',
      raw: '6',
      source: { table: 1, row: 3, cell: 4 },
      location: { row: '规范性 文件', column: '现行有效件数' },
    });
    expect(mapped.cells['active.regulations.issued'].source).toBeNull();
  });

  it('an unrelated report (no tables) is still said to be one', () => {
    expect(() => assembleReport({ format: 'text', blocks: [{ kind: 'paragraph', text: '无' }] })).toThrow(/no report tables found/);
  });
});

/**
 * Section 三 of a 2021 report as DocRows, as a DOCX prints it: a group's label (merged cell) in the
 * row of its first template row only, so that deleting that row deletes the label with it (as
 * deleting a table row of the DOCX does), then the row's label and its seven figures; `rows`
 * replaces the template's (a row dropped, the one-row （六）, an extra row).
 */
const applications = E2021.tables.find((t) => t.id === 'applications')!;
const LEGACY = E2021.legacyRows!.filter((l) => l.table === 'applications');
const [ONE_ROW] = LEGACY;
type PrintedDef = { key: string; label: string; group?: string };
const TEMPLATE: PrintedDef[] = applications.blocks[0].rows;
/** Seven figures per printed row (the last their sum), distinct by row. */
const figuresOf = (i: number) =>
  [1, 2, 3, 4, 5, 6].map((c) => String(i * 10 + c)).concat(String([1, 2, 3, 4, 5, 6].reduce((s, c) => s + i * 10 + c, 0)));
function sectionThree(rows: PrintedDef[], { groupOnFirstPrinted = false } = {}): DocRow[] {
  const groupLabel = (key: string) => E2021.groups.find((g) => g.key === key)?.label ?? '';
  return rows.map((r, i) => {
    const first = r.group && (groupOnFirstPrinted ? rows : TEMPLATE).find((o) => o.group === r.group)?.key === r.key;
    const labels = [first ? groupLabel(r.group!) : '', r.label];
    return { cells: [...labels, ...figuresOf(i)].map((text) => ({ text })), line: 100 + i };
  });
}
const without = (...keys: string[]) => TEMPLATE.filter((r) => !keys.includes(r.key));
const mapThree = (rows: PrintedDef[], opts = {}) => new TableMapper(applications, 'f.docx', LEGACY).map(sectionThree(rows, opts));
const rejection = (rows: PrintedDef[], opts = {}) => {
  try {
    mapThree(rows, opts);
  } catch (e) {
    expect(e).toBeInstanceOf(ReportParseError);
    return e as ReportParseError;
  }
  throw new Error('stored, not rejected');
};
const label = (key: string) => TEMPLATE.find((r) => r.key === key)!.label;

describe('section 三: a printed row is aligned or the table refused, the one-row （六） only where it is printed', () => {
  it('reads the template as printed, with no warning', () => {
    const mapped = mapThree(TEMPLATE);
    const at = TEMPLATE.findIndex((r) => r.key === 'other_no_fee');
    expect(mapped.cells['applications.other_no_fee.total']).toMatchObject({
      value: figuresOf(at)[6],
      location: { row: label('other_no_fee'), line: 100 + at },
    });
    expect(mapped.warnings).toEqual([]);
    expect(mapped.notices).toEqual([]);
  });

  it('（六）其他处理 and its sub-row 1 deleted: refused as a row missing, not "3.其他" stored as the one-row （六） and sub-row 2 dropped', () => {
    const err = rejection(without('other_no_supplement'));
    expect(err.message).toMatch(/row missing from the table/);
    expect(err.location).toMatchObject({ file: 'f.docx', section: 3, row: label('other_no_supplement') });
    // Sub-row 1 alone deleted, （六）其他处理 printed beside sub-row 2: refused the same way.
    expect(rejection(without('other_no_supplement'), { groupOnFirstPrinted: true }).location).toMatchObject({
      section: 3,
      row: label('other_no_supplement'),
    });
  });

  it('only "3.其他" left of （六）: a sub-row, refused as the rows missing, never read as the one row', () => {
    const err = rejection(without('other_no_supplement', 'other_no_fee'));
    expect(err.message).toMatch(/row missing from the table/);
    expect(err.location).toMatchObject({ section: 3, row: label('other_no_supplement') });
  });

  it('a printed row of figures that reads like no template row: refused naming it, its figures not dropped', () => {
    const rows = [...TEMPLATE];
    rows.splice(
      rows.findIndex((r) => r.key === 'processed_total'),
      0,
      { key: 'x', label: '（八）移送有权机关处理' },
    );
    const err = rejection(rows);
    expect(err.message).toMatch(/row not in the template/);
    expect(err.location).toMatchObject({
      file: 'f.docx',
      section: 3,
      row: '（八）移送有权机关处理',
      line: 100 + rows.findIndex((r) => r.key === 'x'),
    });
  });

  it('a hybrid table (the one row （六）其他处理 in place of the three) still reads as the one-row key, the sub-rows blank, with its notice', () => {
    const rows = TEMPLATE.filter((r) => !ONE_ROW.replaces.includes(r.key) || r.key === ONE_ROW.replaces[0]).map((r) =>
      r.key === ONE_ROW.replaces[0] ? { key: ONE_ROW.key, label: ONE_ROW.label, group: ONE_ROW.key } : r,
    );
    const at = rows.findIndex((r) => r.key === ONE_ROW.key);
    const mapped = mapThree(rows);
    expect(mapped.cells['applications.other.total']).toMatchObject({
      value: figuresOf(at)[6],
      location: { row: ONE_ROW.label, line: 100 + at },
    });
    for (const key of ONE_ROW.replaces) expect(mapped.cells[`applications.${key}.total`]).toMatchObject({ value: null, raw: '' });
    expect(mapped.notices).toEqual([
      expect.objectContaining({ rule: ONE_ROW.rule, location: expect.objectContaining({ section: 3, row: ONE_ROW.label }) }),
    ]);
    expect(mapped.warnings).toEqual([]);
  });

  it('a one row that reads as much like "3.其他" as like （六）其他处理 is a guess: refused naming both', () => {
    const rows = TEMPLATE.filter((r) => !ONE_ROW.replaces.includes(r.key) || r.key === ONE_ROW.replaces[0]).map((r) =>
      r.key === ONE_ROW.replaces[0] ? { key: ONE_ROW.key, label: '（六）其他处', group: ONE_ROW.key } : r,
    );
    const err = rejection(rows);
    expect(err.message).toMatch(/could be the earlier edition's one row "（六）其他处理" or the template row "3\.其他"/);
    expect(err.location).toMatchObject({ section: 3, row: '（六）其他处', line: 100 + rows.findIndex((r) => r.key === ONE_ROW.key) });
  });
});
