import type { Checkpoint, LayoutCell, LayoutTable, ReportLayout } from './report-layout';

const escapeHtml = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function cellHtml(c: LayoutCell): string {
  const tag = c.header ? 'th' : 'td';
  const span = `${c.colSpan > 1 ? ` colspan="${c.colSpan}"` : ''}${c.rowSpan > 1 ? ` rowspan="${c.rowSpan}"` : ''}`;
  return `<${tag}${span}>${escapeHtml(c.text)}</${tag}>`;
}

function tableHtml(t: LayoutTable): string {
  const rows = t.rows.map((r) => `<tr>${r.map(cellHtml).join('')}</tr>`).join('\n');
  return `<table border="1" cellspacing="0" cellpadding="4">\n<tbody>\n${rows}\n</tbody>\n</table>`;
}

const STYLE =
  'body{font-family:"SimSun",serif;max-width:60em;margin:2em auto}h1{text-align:center;font-size:1.4em}h2{font-size:1.1em}p{text-indent:2em}table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #000;text-align:center;padding:2px 6px}th{font-weight:normal}';

/** A standalone page, laid out as government sites publish reports (title, headings, bordered tables). */
export function writeHtml(layout: ReportLayout, checkpoint: Checkpoint = () => undefined): string {
  const body = layout.blocks.map((b) => {
    checkpoint();
    if (b.kind === 'title') return `<h1>${escapeHtml(b.text)}</h1>`;
    if (b.kind === 'heading') return `<h2>${escapeHtml(b.text)}</h2>`;
    if (b.kind === 'paragraph') return `<p>${escapeHtml(b.text)}</p>`;
    return tableHtml(b.table);
  });
  const title = escapeHtml(layout.title);
  return [
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    `<head>\n<meta charset="utf-8">\n<meta name="ArticleTitle" content="${title}">\n<title>${title}</title>\n<style>${STYLE}</style>\n</head>`,
    `<body>\n<div class="article">\n${body.join('\n')}\n</div>\n</body>`,
    '</html>',
    '',
  ].join('\n');
}
