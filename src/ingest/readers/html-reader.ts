import * as cheerio from 'cheerio';
import type { AnyNode, Element, Text } from 'domhandler';
import type { DocBlock, DocCell, DocRow, ReportDocument } from '../report-document';

/** Elements that start a new line of text when rendered; everything else flows inline. */
const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'center', 'dd', 'details', 'dialog', 'dir', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr',
  'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'ul', 'caption', 'tbody', 'thead',
  'tfoot', 'tr', 'td', 'th', 'html',
]);
/** Blocks that hold running text (list items and cells are mostly navigation or figures). */
const PARAGRAPH_TAGS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre', 'blockquote']);
/** Never rendered as text. */
const SKIPPED_TAGS = new Set(['head', 'script', 'style', 'noscript', 'template', 'iframe', 'object', 'select', 'option', 'button', 'input', 'textarea', 'svg', 'canvas', 'map', 'title', 'meta', 'link']);
/** Word-exported HTML spells every run boundary as ASCII whitespace; only these separate words when rendered. */
const HTML_SPACE = /[ \t\r\n\f]+/g;
/** A cell this long is page content laid out in a table, not a figure or a label. */
const LAYOUT_CELL_CHARS = 500;

const isElement = (n: AnyNode): n is Element => n.type === 'tag' || n.type === 'script' || n.type === 'style';
const tagOf = (n: Element) => n.name.toLowerCase();
const textOf = (n: AnyNode) => (n.type === 'text' ? (n as Text).data : '');

function isHidden(el: Element): boolean {
  const style = (el.attribs.style ?? '').replace(/\s+/g, '').toLowerCase();
  return 'hidden' in el.attribs || style.includes('display:none') || style.includes('visibility:hidden');
}

function elementChildren(el: Element, tags: string[]): Element[] {
  return el.children.filter((c): c is Element => isElement(c) && tags.includes(tagOf(c)));
}

/** The rows of this table only (not of tables nested in its cells), in source order. */
function rowsOf(table: Element): Element[] {
  return elementChildren(table, ['tr', 'thead', 'tbody', 'tfoot']).flatMap((c) => (tagOf(c) === 'tr' ? [c] : elementChildren(c, ['tr'])));
}

const cellsOf = (tr: Element) => elementChildren(tr, ['td', 'th']);

function containsTable(el: Element): boolean {
  return el.children.some((c) => isElement(c) && (tagOf(c) === 'table' || containsTable(c)));
}

/**
 * Lines of rendered text of a subtree: inline runs join up, block elements and <br> break lines.
 * ASCII whitespace collapses as a browser would; &nbsp; and ideographic spaces stay as published.
 */
class FlowWriter {
  readonly lines: string[] = [];
  private current = '';

  text(t: string): void {
    this.current += t.replace(HTML_SPACE, ' ');
  }
  br(): void {
    this.current += '\n';
  }
  /** Ends the current line at a block boundary; a <br> just before a block adds no empty line. */
  flush(): void {
    const line = this.current.replace(/^ +| +$/g, '').replace(/ *\n */g, '\n').replace(/\n$/, '');
    if (this.current !== '') this.lines.push(line);
    this.current = '';
  }
}

/** Text of a table cell: its block lines joined by line breaks, inline text kept as it stands. */
function cellText(td: Element): string {
  const w = new FlowWriter();
  const walk = (n: AnyNode) => {
    if (n.type === 'text') return w.text(textOf(n));
    if (!isElement(n) || SKIPPED_TAGS.has(tagOf(n)) || isHidden(n)) return;
    const tag = tagOf(n);
    if (tag === 'br') return w.br();
    const block = BLOCK_TAGS.has(tag);
    if (block) w.flush();
    n.children.forEach(walk);
    if (block) w.flush();
  };
  td.children.forEach(walk);
  w.flush();
  // Empty paragraphs (<p><o:p></o:p></p>) around the figure carry nothing.
  const lines = [...w.lines];
  while (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  while (lines.length > 1 && lines[0] === '') lines.shift();
  return lines.join('\n');
}

/**
 * A table of data has rows of several cells and its text in short cells; a table wrapping other
 * tables, or holding most of its text in page-length cells, lays out the page.
 */
function isDataTable(table: Element): boolean {
  if (containsTable(table)) return false;
  const rows = rowsOf(table);
  if (!rows.some((r) => cellsOf(r).length > 1)) return false;
  const lengths = rows.flatMap((r) => cellsOf(r).map((c) => cellText(c).length));
  const inLong = lengths.filter((n) => n > LAYOUT_CELL_CHARS).reduce((a, b) => a + b, 0);
  return inLong <= lengths.reduce((a, b) => a + b, 0) / 2;
}

/** The rows of a data table; each cell keeps its place: the table's number in the page, row and cell (1-based). */
function readTable(table: Element, tableNo: number): DocRow[] {
  return rowsOf(table)
    .filter((tr) => !isHidden(tr))
    .map((tr) => cellsOf(tr))
    .filter((tds) => tds.length > 0)
    .map((tds, r) => ({ cells: tds.map((td, c): DocCell => ({ text: cellText(td), source: { table: tableNo, row: r + 1, cell: c + 1 } })) }));
}

/** Paragraphs and data tables of a subtree in document order; layout tables are read through. */
function readFlow(root: Element): DocBlock[] {
  const blocks: DocBlock[] = [];
  let tables = 0;
  let w = new FlowWriter();
  const flush = () => {
    w.flush();
    // Lines broken by <br> are paragraphs of their own: some pages set the whole report in one <p>.
    for (const line of w.lines.flatMap((l) => l.split('\n')))
      if (line.replace(/[\s\u00a0\u3000]+/g, '') !== '') blocks.push({ kind: 'paragraph', text: line });
    w = new FlowWriter();
  };
  const walk = (n: AnyNode) => {
    if (n.type === 'text') return w.text(textOf(n));
    if (!isElement(n) || SKIPPED_TAGS.has(tagOf(n)) || isHidden(n)) return;
    const tag = tagOf(n);
    if (tag === 'br') return w.br();
    if (tag === 'table' && isDataTable(n)) {
      flush();
      const rows = readTable(n, ++tables);
      if (rows.length) blocks.push({ kind: 'table', table: { rows } });
      return;
    }
    const block = BLOCK_TAGS.has(tag);
    if (block) flush();
    n.children.forEach(walk);
    if (block) flush();
  };
  walk(root);
  flush();
  return blocks;
}

function textLength(n: AnyNode): number {
  if (n.type === 'text') return textOf(n).replace(/\s+/g, '').length;
  if (!isElement(n) || SKIPPED_TAGS.has(tagOf(n))) return 0;
  return n.children.reduce((s, c) => s + textLength(c), 0);
}

/** A table big enough to be a report table: many rows or many columns, with worded labels (not a calendar). */
function isLargeDataTable(table: Element): boolean {
  const rows = rowsOf(table);
  const big = rows.length >= 8 || rows.some((r) => cellsOf(r).length >= 7);
  return big && rows.some((r) => cellsOf(r).some((c) => (cellText(c).match(/[\u3400-\u9fff]/gu) ?? []).length >= 4));
}

/**
 * The element holding the article: the one with the most text in its own paragraphs (site chrome
 * is links and list items), widened to take in the large data tables, which some pages place
 * beside the narrative rather than inside it.
 */
function articleRoot($: cheerio.CheerioAPI): Element {
  const body = ($('body').get(0) ?? $.root().children().get(0)) as Element | undefined;
  if (!body) return $.root().get(0) as unknown as Element;
  let best: Element = body;
  let bestScore = 0;
  const score = (el: Element) =>
    el.children.reduce((s, c) => {
      if (c.type === 'text') return s + textLength(c);
      if (isElement(c) && (!BLOCK_TAGS.has(tagOf(c)) || PARAGRAPH_TAGS.has(tagOf(c)))) return s + textLength(c);
      return s;
    }, 0);
  $('body *').each((_, el) => {
    const s = score(el as Element);
    if (s > bestScore) [best, bestScore] = [el as Element, s];
  });
  let root = best;
  for (const table of $('table').toArray() as Element[]) {
    if (root === body || $.contains(root, table) || !isDataTable(table)) continue;
    let widened: Element = root;
    while (widened !== body && !$.contains(widened, table) && widened.parent && isElement(widened.parent as AnyNode)) widened = widened.parent as Element;
    // Small tables (a page's metadata box) join only when little else comes with them.
    const extra = textLength(widened) - textLength(root) - textLength(table);
    if (isLargeDataTable(table) || extra <= textLength(root) / 4) root = widened;
  }
  return root;
}

function metaContent($: cheerio.CheerioAPI, names: string[]): string | null {
  for (const name of names) {
    const v = $('meta')
      .filter((_, m) => ((m as Element).attribs.name ?? (m as Element).attribs.property ?? '').toLowerCase() === name.toLowerCase())
      .attr('content');
    if (v?.trim()) return v.trim();
  }
  return null;
}

function isoDate(text: string | null): string | null {
  const m = text && /(20\d{2}|19\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const collapse = (t: string) => t.replace(/[\s\u00a0]+/g, ' ').trim();

function findTitle($: cheerio.CheerioAPI): string | null {
  const meta = metaContent($, ['ArticleTitle', 'og:title', 'title']);
  if (meta) return collapse(meta);
  const heading = $('.article_title, .article-title, h1').first().text();
  if (collapse(heading)) return collapse(heading);
  // Page titles append the column and site names: "标题_栏目_站点".
  const title = collapse($('title').first().text()).split(/\s*(?:_|\||－| - )\s*/)[0];
  return title || null;
}

/** Text of the page outside the article (all of it when `article` is null), where the byline sits. */
function textOutside(node: AnyNode, article: Element | null): string {
  if (node === article) return ' ';
  if (node.type === 'text') return textOf(node);
  if (!isElement(node) || SKIPPED_TAGS.has(tagOf(node))) return '';
  const inner = node.children.map((c) => textOutside(c, article)).join('');
  return BLOCK_TAGS.has(tagOf(node)) ? ` ${inner} ` : inner;
}

function findPublishedOn($: cheerio.CheerioAPI, article: Element): string | null {
  const meta = isoDate(metaContent($, ['PubDate', 'publishdate', 'pubdate', 'firstpublishedtime', 'article:published_time']));
  if (meta) return meta;
  const body = $('body').get(0);
  if (!body) return null;
  // "时间：2022-02-08 16:34", "发布日期：2022年2月8日"; the byline may have been taken into the article with a metadata box.
  const byline = /(?:时间|日期)\s*[:：]\s*((?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2})/;
  const found = byline.exec(collapse(textOutside(body, article))) ?? byline.exec(collapse(textOutside(body, null)));
  return found ? isoDate(found[1]) : null;
}

/** An HTML page of a report: article paragraphs and data tables, title and date from metadata. */
export function readHtml(html: string): ReportDocument {
  const $ = cheerio.load(html);
  const root = articleRoot($);
  return { format: 'html', blocks: readFlow(root), title: findTitle($), publishedOn: findPublishedOn($, root) };
}
