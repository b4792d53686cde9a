import JSZip from 'jszip';
import type { Checkpoint, LayoutCell, LayoutTable, ReportLayout } from './report-layout';

const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
/** Usable page width of A4 with 2.5 cm margins, in twentieths of a point. */
const PAGE_WIDTH = 9026;
/** A fixed zip timestamp: the same report always renders to the same bytes (imports dedupe by hash). */
const ZIP_DATE = new Date(Date.UTC(2020, 0, 1));

// Characters XML 1.0 cannot hold at all; stored narratives may carry them from damaged sources.
const escapeXml = (t: string) =>
  t
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');

function paragraph(text: string, opts: { bold?: boolean; center?: boolean; size?: number; indent?: boolean } = {}): string {
  const ppr = [opts.center ? '<w:jc w:val="center"/>' : '', opts.indent ? '<w:ind w:firstLineChars="200" w:firstLine="640"/>' : ''].join(
    '',
  );
  const rpr = [opts.bold ? '<w:b/>' : '', opts.size ? `<w:sz w:val="${opts.size}"/>` : ''].join('');
  const run = text ? `<w:r>${rpr ? `<w:rPr>${rpr}</w:rPr>` : ''}<w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>` : '';
  return `<w:p>${ppr ? `<w:pPr>${ppr}</w:pPr>` : ''}${run}</w:p>`;
}

function tc(width: number, colSpan: number, merge: 'restart' | 'continue' | null, content: string): string {
  const props = [
    `<w:tcW w:w="${width}" w:type="dxa"/>`,
    colSpan > 1 ? `<w:gridSpan w:val="${colSpan}"/>` : '',
    merge === 'restart' ? '<w:vMerge w:val="restart"/>' : merge === 'continue' ? '<w:vMerge/>' : '',
    '<w:vAlign w:val="center"/>',
  ].join('');
  return `<w:tc><w:tcPr>${props}</w:tcPr>${content}</w:tc>`;
}

/**
 * Word spells a rowspan as a vMerge "restart" cell and a "continue" cell in every row below, at
 * the same grid position and width; HTML-style rows only hold the cells where they start.
 */
function tableXml(t: LayoutTable): string {
  const colWidth = Math.floor(PAGE_WIDTH / t.width);
  const below: Array<{ cell: LayoutCell; left: number } | undefined> = new Array(t.width).fill(undefined);
  const rows = t.rows.map((row) => {
    const out: string[] = [];
    let col = 0;
    const fillMerged = () => {
      while (col < t.width && below[col]) {
        const m = below[col]!;
        out.push(tc(colWidth * m.cell.colSpan, m.cell.colSpan, 'continue', paragraph('')));
        if (--m.left === 0) below[col] = undefined;
        col += m.cell.colSpan;
      }
    };
    for (const cell of row) {
      fillMerged();
      out.push(tc(colWidth * cell.colSpan, cell.colSpan, cell.rowSpan > 1 ? 'restart' : null, paragraph(cell.text, { center: true })));
      if (cell.rowSpan > 1) below[col] = { cell, left: cell.rowSpan - 1 };
      col += cell.colSpan;
    }
    fillMerged();
    return `<w:tr>${out.join('')}</w:tr>`;
  });
  const grid = `<w:tblGrid>${`<w:gridCol w:w="${colWidth}"/>`.repeat(t.width)}</w:tblGrid>`;
  const border = (side: string) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>`;
  const borders = `<w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(border).join('')}</w:tblBorders>`;
  return `<w:tbl><w:tblPr><w:tblW w:w="${colWidth * t.width}" w:type="dxa"/><w:jc w:val="center"/>${borders}<w:tblLayout w:type="fixed"/></w:tblPr>${grid}${rows.join('')}</w:tbl>`;
}

function documentXml(layout: ReportLayout, checkpoint: Checkpoint): string {
  const body = layout.blocks.map((b) => {
    checkpoint();
    if (b.kind === 'title') return paragraph(b.text, { bold: true, center: true, size: 36 });
    if (b.kind === 'heading') return paragraph(b.text, { bold: true });
    if (b.kind === 'paragraph') return paragraph(b.text, { indent: true });
    // The empty paragraph keeps Word from joining adjacent tables into one.
    return tableXml(b.table) + paragraph('');
  });
  const sect =
    '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr>';
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="${W_NS}"><w:body>${body.join('')}${sect}</w:body></w:document>`;
}

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
  '</Types>';
const ROOT_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
  '</Relationships>';

/** The smallest package Word opens: content types, the package relationship and the document part. */
export async function writeDocx(layout: ReportLayout, checkpoint: Checkpoint = () => undefined): Promise<Buffer> {
  const zip = new JSZip();
  const opts = { date: ZIP_DATE, createFolders: false };
  zip.file('[Content_Types].xml', CONTENT_TYPES, opts);
  zip.file('_rels/.rels', ROOT_RELS, opts);
  zip.file('word/document.xml', documentXml(layout, checkpoint), opts);
  checkpoint();
  return zip.generateAsync({
    type: 'nodebuffer',
    compression: 'DEFLATE',
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  });
}
