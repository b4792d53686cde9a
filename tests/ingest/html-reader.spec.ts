import { readFileSync } from 'fs';
import { join } from 'path';
import { readHtml } from '../../src/ingest/readers/html-reader';
import { assembleReport } from '../../src/ingest/report-assembler';
import type { DocTable } from '../../src/ingest/report-document';
import { describeWithFixtures, FIXTURES_DIR } from '../support/shared';

const tables = (html: string): DocTable[] => readHtml(html).blocks.flatMap((b) => (b.kind === 'table' ? [b.table] : []));
const paragraphs = (html: string): string[] => readHtml(html).blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));

describe('readHtml', () => {
  it('lists a merged cell once and keeps cell text as published', () => {
    const [t] = tables(`<table>
      <tr><td rowspan="2"><p><span>三、本</span></p><p>年度办&nbsp;</p></td><td colspan="2"><p>结果<br/>纠正<o:p></o:p></p></td></tr>
      <tr><td><p><span>&nbsp;</span><span>0</span></p></td><td>12</td></tr></table>`);
    expect(t.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ['三、本\n年度办\u00a0', '结果\n纠正'],
      ['\u00a00', '12'],
    ]);
  });

  it('reads through layout tables to the innermost data tables', () => {
    const html = `<table><tr><td><ul><li>首页</li><li>政务公开</li></ul></td><td>
      <p>一、总体情况</p><table><tr><td>规章</td><td>1</td></tr><tr><td>规范性文件</td><td>2</td></tr></table><p>五、存在的主要问题及改进情况</p>
      </td></tr></table>`;
    expect(tables(html).map((t) => t.rows.length)).toEqual([2]);
    expect(paragraphs(html)).toEqual(expect.arrayContaining(['一、总体情况', '五、存在的主要问题及改进情况']));
  });

  it('splits a report set in one paragraph with <br> into paragraphs', () => {
    expect(paragraphs('<div><p>一、总体情况<br/>今年……<br>二、主动公开政府信息情况</p></div>')).toEqual([
      '一、总体情况',
      '今年……',
      '二、主动公开政府信息情况',
    ]);
  });

  it('takes title and date from metadata, else from the page title and byline', () => {
    const withMeta = readHtml(
      '<html><head><meta name="ArticleTitle" content="某局2022年政府信息公开工作年度报告"><meta name="PubDate" content="2023-01-18 09:00"></head><body><p>x</p></body></html>',
    );
    expect([withMeta.title, withMeta.publishedOn]).toEqual(['某局2022年政府信息公开工作年度报告', '2023-01-18']);
    const byline = readHtml(
      '<html><head><title>某局2022年政府信息公开工作年度报告_年报_某市政府</title></head><body><div class="info">发布时间：2023年1月8日 来源：某局</div><div><p>本报告根据《条例》编制。</p><p>统计时间：2022年1月1日起。</p></div></body></html>',
    );
    expect([byline.title, byline.publishedOn]).toEqual(['某局2022年政府信息公开工作年度报告', '2023-01-08']);
  });
});

describeWithFixtures('readHtml on a full page', () => {
  it('finds the article inside site chrome and layout tables', () => {
    const page = readFileSync(join(FIXTURES_DIR, 'pingtan-2019.html'), 'utf8');
    const body = page.slice(page.indexOf('<body>') + 6, page.indexOf('</body>'));
    const nav = `<ul>${Array.from({ length: 40 }, (_, i) => `<li><a href="#">导航链接${i}</a></li>`).join('')}</ul>`;
    const info =
      '<table><tr><td>索引号</td><td>FJ-001</td><td>发布机构</td><td>管委会</td></tr><tr><td>发文日期</td><td>2020-01-20</td><td>主题分类</td><td>年报</td></tr></table>';
    const html = `<html><body><div>${nav}</div><table><tr><td>${nav}</td><td><table><tr><td>${info}</td></tr><tr><td>${body}</td></tr></table></td></tr></table><div><p>版权所有 网站标识码 3501000000</p></div></body></html>`;
    const doc = readHtml(html);
    const texts = doc.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));
    expect(texts.filter((t) => t.includes('导航链接') || t.includes('版权所有'))).toEqual([]);
    const report = assembleReport(doc);
    expect(report.cells['active.procurement.amount'].value).toBe('7539.443252');
    expect(report.cells['applications.processed_total.total'].value).toBe('23');
    expect(report.narratives.map((n) => n.section)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(doc.publishedOn).toBe('2020-01-20');
  });
});
