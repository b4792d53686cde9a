import JSZip from 'jszip';
import { readDocx } from '../../src/ingest/readers/docx-reader';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const p = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const tc = (text: string, props = '') => `<w:tc><w:tcPr>${props}</w:tcPr>${p(text)}</w:tc>`;

/** Where a cell of the document's first table was read (1-based row and cell). */
const at = (row: number, cell: number) => ({ table: 1, row, cell });

async function docx(body: string): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<Types/>');
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`);
  return zip.generateAsync({ type: 'nodebuffer' });
}

describe('readDocx', () => {
  it('reads paragraphs and tables in order; merged cells appear once, vMerge continuations empty', async () => {
    const body =
      p('三、收到和处理政府信息公开申请情况') +
      '<w:tbl>' +
      `<w:tr>${tc('三、本年度办理结果', '<w:vMerge w:val="restart"/>')}${tc('（一）予以公开', '<w:gridSpan w:val="2"/>')}${tc('7')}</w:tr>` +
      `<w:tr>${tc('', '<w:vMerge/>')}${tc('（三）不予公开')}${tc('1.属于国家秘密')}${tc('\u3000')}</w:tr>` +
      '</w:tbl>' +
      `<w:p><w:r><w:t>四、</w:t></w:r><w:ins><w:r><w:t>政府信息公开</w:t></w:r></w:ins><w:del><w:r><w:delText>删</w:delText></w:r></w:del><w:r><w:tab/><w:t>行政复议</w:t></w:r></w:p>`;
    const doc = await readDocx(await docx(body));
    expect(doc.format).toBe('docx');
    expect(doc.blocks).toEqual([
      { kind: 'paragraph', text: '三、收到和处理政府信息公开申请情况' },
      {
        kind: 'table',
        table: {
          rows: [
            {
              cells: [
                { text: '三、本年度办理结果', source: at(1, 1) },
                { text: '（一）予以公开', source: at(1, 2) },
                { text: '7', source: at(1, 3) },
              ],
            },
            {
              cells: [
                { text: '', source: at(2, 1) },
                { text: '（三）不予公开', source: at(2, 2) },
                { text: '1.属于国家秘密', source: at(2, 3) },
                { text: '\u3000', source: at(2, 4) },
              ],
            },
          ],
        },
      },
      { kind: 'paragraph', text: '四、政府信息公开\t行政复议' },
    ]);
  });

  it('joins a cell of several paragraphs with line breaks', async () => {
    const doc = await readDocx(await docx(`<w:tbl><w:tr><w:tc>${p('商业')}${p('企业')}</w:tc>${tc('0')}</w:tr></w:tbl>`));
    expect(doc.blocks[0]).toEqual({
      kind: 'table',
      table: {
        rows: [
          {
            cells: [
              { text: '商业\n企业', source: at(1, 1) },
              { text: '0', source: at(1, 2) },
            ],
          },
        ],
      },
    });
  });

  it('refuses bytes that are not a zip archive', async () => {
    await expect(readDocx(Buffer.from('PK\u0003\u0004 broken'))).rejects.toMatchObject({ code: 'REPORT_UNSUPPORTED_FORMAT' });
  });
});
