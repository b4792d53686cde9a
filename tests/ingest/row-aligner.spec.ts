import { ReportParseError } from '../../src/common/errors';
import { getEdition } from '../../src/editions';
import { labelSimilarity } from '../../src/ingest/align/label-similarity';
import { alignRows, ROW_THRESHOLD, similarityMatrix } from '../../src/ingest/align/row-aligner';
import { assembleReport } from '../../src/ingest/report-assembler';
import type { DocRow } from '../../src/ingest/report-document';
import { TableMapper } from '../../src/ingest/table-mapper';

const printed = (labels: string[]) => labels.map((l) => ({ labels: [l], hasFigures: true }));
const align = (labels: string[], targets: string[]) => {
  const p = printed(labels);
  return alignRows(p, similarityMatrix(p, targets.map((t) => [t])), targets.length);
};
const row = (label: string, ...values: string[]): DocRow => ({ cells: [label, ...values].map((text) => ({ text })), line: 7 });
const E2021 = getEdition('2021');
const active = E2021.tables.find((t) => t.id === 'active')!;

describe('label similarity', () => {
  it('folds width, spaces, line breaks and numbering styles to the same label', () => {
    for (const printedAs of ['（1）属于国家秘密', '1、属于 国家\n秘密', '(1)属于国家秘密', '1．属于国家秘密']) expect(labelSimilarity(printedAs, '1.属于国家秘密')).toBe(1);
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
    const a = align(['总计', '本年新收申请数量', '上年结转政府信息公开申请数', '予以公开'], ['一、本年新收政府信息公开申请数量', '二、上年结转政府信息公开申请数量', '（一）予以公开']);
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
    const rows = [row('第二十条第（一）项'), row('信息内容', '本年制发件数', '本年废止件数', '现行有效件数'), row('规章', '1', '2', '3'), row('文件材料', '4', '5', '6')];
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
    const rows = [row('第二十条第（一）项'), row('信息内容', '本年制发件数', '现行有效件数', '备注'), row('规章', '1', '2', '3'), row('规范性文件', '4', '5', '6')];
    expect(() => new TableMapper({ ...active, blocks: active.blocks.slice(0, 1) }, 'f.html').map(rows)).toThrow(/column "本年废止件数"/);
  });

  it('keeps the printed label and the source of every cell', () => {
    const rows = [row('第二十条第（一）项'), row('规章', '1', '2', '3'), { cells: [{ text: '规范性 文件' }, ...['4', '5', '6'].map((text, i) => ({ text, source: { table: 1, row: 3, cell: i + 2 } }))] }];
    const mapped = new TableMapper({ ...active, blocks: active.blocks.slice(0, 1) }).map(rows);
    expect(mapped.cells['active.normative.in_force']).toMatchObject({ value: '6', raw: '6', source: { table: 1, row: 3, cell: 4 }, location: { row: '规范性 文件', column: '现行有效件数' } });
    expect(mapped.cells['active.regulations.issued'].source).toBeNull();
  });

  it('an unrelated report (no tables) is still said to be one', () => {
    expect(() => assembleReport({ format: 'text', blocks: [{ kind: 'paragraph', text: '无' }] })).toThrow(/no report tables found/);
  });
});
