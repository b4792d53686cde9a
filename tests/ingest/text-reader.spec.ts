import { readFileSync } from 'fs';
import { join } from 'path';
import { readDoc } from '../../src/ingest/readers/doc-reader';
import { readText } from '../../src/ingest/readers/text-reader';
import type { DocBlock } from '../../src/ingest/report-document';
import { readReport } from '../../src/ingest/report-reader';

const tables = (blocks: DocBlock[]) =>
  blocks.flatMap((b) => (b.kind === 'table' ? [b.table.rows.map((r) => r.cells.map((c) => c.text))] : []));

describe('readText: the shapes of a text export', () => {
  it('one cell per line (LibreOffice): rows rebuilt as caption, header, labels then values; blanks kept in place', () => {
    const text = [
      '\ufeff二、主动公开政府信息情况',
      '第二十条第（一）项',
      '信息内容',
      '本年新制作数量',
      '本年新公开数量',
      '对外公开总数量',
      '规章',
      '9',
      '',
      '3',
      '规范性文件',
      '6',
      '1',
      '8',
      '三、收到和处理政府信息公开申请情况',
    ].join('\n');
    const doc = readText(text);
    expect(tables(doc.blocks)).toEqual([
      [
        ['第二十条第（一）项'],
        ['信息内容', '本年新制作数量', '本年新公开数量', '对外公开总数量'],
        ['规章', '9', '', '3'],
        ['规范性文件', '6', '1', '8'],
      ],
    ]);
    const table = doc.blocks.find((b) => b.kind === 'table');
    // Every cell keeps its line: "9" is on line 8, the blank after it on line 9.
    expect(table?.kind === 'table' && table.table.rows[2].cells.map((c) => c.source)).toEqual([
      { line: 7 },
      { line: 8 },
      { line: 9 },
      { line: 10 },
    ]);
    expect(doc.blocks.filter((b) => b.kind === 'paragraph').map((b) => b.kind === 'paragraph' && b.text)).toEqual([
      '\ufeff二、主动公开政府信息情况'.replace('\ufeff', ''),
      '三、收到和处理政府信息公开申请情况',
    ]);
  });

  it('tab-separated rows (a browser copy): a row per line, empty cells between tabs kept', () => {
    const doc = readText(
      [
        '二、主动公开政府信息情况',
        '第二十条第（六）项',
        '信息内容\t上一年项目数量\t本年增/减\t处理决定数量',
        '行政处罚\t\t9\t6',
        '行政强制\t7\t-10\t1',
        '三、收到和处理政府信息公开申请情况',
      ].join('\n'),
    );
    expect(tables(doc.blocks)).toEqual([
      [
        ['第二十条第（六）项'],
        ['信息内容', '上一年项目数量', '本年增/减', '处理决定数量'],
        ['行政处罚', '', '9', '6'],
        ['行政强制', '7', '-10', '1'],
      ],
    ]);
  });

  it('pipe tables (Markdown): rules dropped, heading marks taken off', () => {
    const doc = readText(
      [
        '## 二、主动公开政府信息情况',
        '| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |',
        '|---|---|---|---|',
        '| 规章 | 0 | 0 | 0 |',
        '| 行政规范性文件 | 6 | 1 | 32 |',
        '',
        '## 三、收到和处理政府信息公开申请情况',
      ].join('\n'),
    );
    expect(doc.blocks[0]).toEqual({ kind: 'paragraph', text: '二、主动公开政府信息情况', line: 1 });
    expect(tables(doc.blocks)).toEqual([
      [
        ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'],
        ['规章', '0', '0', '0'],
        ['行政规范性文件', '6', '1', '32'],
      ],
    ]);
  });
});

describe('readText: section 四 printed as one small table per caption', () => {
  const REAL = join(__dirname, '..', 'fixtures', 'real', 'shuyang-2025.txt');
  const text = readFileSync(REAL, 'utf8');
  const part = (caption: string) => {
    const at = text.indexOf(`### ${caption}`);
    return text.slice(at, text.indexOf('\n\n', text.indexOf('|', at) + 1) + 2);
  };
  const direct = part('行政诉讼（未经复议直接起诉）');
  const after = part('行政诉讼（复议后起诉）');

  it('keeps the captions, so parts printed out of order are refused by caption, never stored swapped', async () => {
    const inOrder = (await readReport(Buffer.from(text), { file: 'shuyang-2025.txt' })).parsed;
    expect(Object.keys(inOrder.cells).filter((k) => !/^(active|applications)\./.test(k))).toHaveLength(15);
    const swapped = text.replace(direct + after, after + direct);
    expect(swapped).not.toBe(text);
    await expect(readReport(Buffer.from(swapped), { file: 'swapped.txt' })).rejects.toThrow(
      /swapped\.txt, section 四, row "行政诉讼（复议后起诉）", line \d+: .*column group/,
    );
  });
});

describe('readDoc: legacy Word', () => {
  it('reads a LibreOffice "MS Word 97" file: its tables rebuilt, every cell placed by table, row and cell', async () => {
    const doc = await readDoc(readFileSync(join(__dirname, '..', 'fixtures', 'derived', 'lo-doc', 'gen-2020-a-docx.doc')));
    expect(doc.format).toBe('doc');
    const rows = tables(doc.blocks)[0];
    expect(rows.slice(0, 3)).toEqual([
      ['第二十条第（一）项', ''],
      ['信息内容', '本年新制作数量', '本年新公开数量', '对外公开总数量', ''],
      ['规章', '9', '1', '3', ''],
    ]);
    const first = doc.blocks.find((b) => b.kind === 'table');
    expect(first?.kind === 'table' && first.table.rows[2].cells[1].source).toEqual({ table: 1, row: 3, cell: 2 });
  });

  it('refuses bytes without the compound-file signature', async () => {
    await expect(readDoc(Buffer.from('not a doc at all'))).rejects.toMatchObject({ code: 'REPORT_UNREADABLE' });
  });
});
