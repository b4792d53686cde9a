import * as cheerio from 'cheerio';
import type { AnyNode, Element, Text } from 'domhandler';
import type { DocBlock, DocCell, DocRow, ReportDocument } from '../report-document';
import { Page } from './html-page';
import { limitedTreeAdapter } from './html-tree-limits';

/** Elements that start a new line of text when rendered; everything else flows inline. */
const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'center',
  'dd',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'li',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'ul',
  'caption',
  'tbody',
  'thead',
  'tfoot',
  'tr',
  'td',
  'th',
  'html',
]);
/** Blocks that hold running text (list items and cells are mostly navigation or figures). */
const PARAGRAPH_TAGS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre', 'blockquote']);
/** Never rendered as text. */
const SKIPPED_TAGS = new Set([
  'head',
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'object',
  'select',
  'option',
  'button',
  'input',
  'textarea',
  'svg',
  'canvas',
  'map',
  'title',
  'meta',
  'link',
]);
/** Word-exported HTML spells every run boundary as ASCII whitespace; only these separate words when rendered. */
const HTML_SPACE = /[ \t\r\n\f]+/g;
/** A cell this long is page content laid out in a table, not a figure or a label. */
const LAYOUT_CELL_CHARS = 500;

const isElement = (n: AnyNode): n is Element => n.type === 'tag' || n.type === 'script' || n.type === 'style';
const tagOf = (n: Element) => n.name.toLowerCase();
const textOf = (n: AnyNode) => (n.type === 'text' ? (n as Text).data : '');

function isHidden(el: Element): boolean {
  if ('hidden' in el.attribs) return true;
  // Most elements have no style at all: nothing to fold.
  if (el.attribs.style === undefined) return false;
  const style = el.attribs.style.replace(/\s+/g, '').toLowerCase();
  return style.includes('display:none') || style.includes('visibility:hidden');
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
    const line = this.current
      .replace(/^ +| +$/g, '')
      .replace(/ *\n */g, '\n')
      .replace(/\n$/, '');
    if (this.current !== '') this.lines.push(line);
    this.current = '';
  }
}

/**
 * What one page's reading asks again and again (a cell's text by isDataTable, isLargeDataTable and
 * readTable; an element's text length by every ancestor's score): worked out once per node. The
 * nodes are the page's, so the memo goes with the page (readHtml).
 */
let cellTexts = new Map<Element, string>();
let textLengths = new Map<AnyNode, number>();

/** Text of a table cell: its block lines joined by line breaks, inline text kept as it stands. */
function cellText(td: Element): string {
  let text = cellTexts.get(td);
  if (text === undefined) cellTexts.set(td, (text = readCellText(td)));
  return text;
}

function readCellText(td: Element): string {
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
    .map((tds, r) => ({
      cells: tds.map((td, c): DocCell => ({ text: cellText(td), source: { table: tableNo, row: r + 1, cell: c + 1 } })),
    }));
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

/** `t.replace(/\s+/g, '').length` without building the string: the code units outside \s (all of \s is in the BMP). */
function nonSpaceLength(t: string): number {
  let n = 0;
  for (let i = 0; i < t.length; i++) if (!isJsSpace(t.charCodeAt(i))) n++;
  return n;
}

/** Exactly the code units RegExp \s matches (WhiteSpace and LineTerminator). */
function isJsSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

function textLength(n: AnyNode): number {
  let length = textLengths.get(n);
  if (length === undefined) {
    if (n.type === 'text') length = nonSpaceLength(textOf(n));
    else if (!isElement(n) || SKIPPED_TAGS.has(tagOf(n))) length = 0;
    else length = n.children.reduce((s, c) => s + textLength(c), 0);
    textLengths.set(n, length);
  }
  return length;
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
function articleRoot(page: Page): Element {
  const { $ } = page;
  const body = (page.first('body') ?? $.root().children().get(0)) as Element | undefined;
  if (!body) return $.root().get(0) as unknown as Element;
  let best: Element = body;
  let bestScore = 0;
  const score = (el: Element) =>
    el.children.reduce((s, c) => {
      if (c.type === 'text') return s + textLength(c);
      if (isElement(c) && (!BLOCK_TAGS.has(tagOf(c)) || PARAGRAPH_TAGS.has(tagOf(c)))) return s + textLength(c);
      return s;
    }, 0);
  for (const el of page.inBody()) {
    const s = score(el);
    if (s > bestScore) [best, bestScore] = [el, s];
  }
  let root = best;
  for (const table of page.named('table')) {
    if (root === body || $.contains(root, table) || !isDataTable(table)) continue;
    let widened: Element = root;
    while (widened !== body && !$.contains(widened, table) && widened.parent && isElement(widened.parent as AnyNode))
      widened = widened.parent as Element;
    // Small tables (a page's metadata box) join only when little else comes with them.
    const extra = textLength(widened) - textLength(root) - textLength(table);
    if (isLargeDataTable(table) || extra <= textLength(root) / 4) root = widened;
  }
  return root;
}

function metaContent(page: Page, names: string[]): string | null {
  const metas = page.named('meta');
  for (const name of names) {
    // As cheerio's .attr(): the content of the first meta of that name, even if another has one.
    const v = metas.find((m) => (m.attribs.name ?? m.attribs.property ?? '').toLowerCase() === name.toLowerCase())?.attribs.content;
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

/** Class selectors as css-select reads them: the class among the attribute's whitespace-separated words. */
const ARTICLE_TITLE_CLASS = /(?:^|\s)article[_-]title(?:$|\s)/;

function findTitle(page: Page): string | null {
  const { $ } = page;
  const meta = metaContent(page, ['ArticleTitle', 'og:title', 'title']);
  if (meta) return collapse(meta);
  // $('.article_title, .article-title, h1').first(): the first in document order matching any.
  const headingEl = page.all.find((el) => el.name === 'h1' || ARTICLE_TITLE_CLASS.test(el.attribs.class ?? ''));
  const heading = headingEl ? $(headingEl).text() : '';
  if (collapse(heading)) return collapse(heading);
  // Page titles append the column and site names: "标题_栏目_站点".
  const titleEl = page.first('title');
  const title = collapse(titleEl ? $(titleEl).text() : '').split(/\s*(?:_|\||－| - )\s*/)[0];
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

function findPublishedOn(page: Page, article: Element): string | null {
  const meta = isoDate(metaContent(page, ['PubDate', 'publishdate', 'pubdate', 'firstpublishedtime', 'article:published_time']));
  if (meta) return meta;
  const body = page.first('body');
  if (!body) return null;
  // "时间：2022-02-08 16:34", "发布日期：2022年2月8日"; the byline may have been taken into the article with a metadata box.
  const byline = /(?:时间|日期)\s*[:：]\s*((?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2})/;
  const found = byline.exec(collapse(textOutside(body, article))) ?? byline.exec(collapse(textOutside(body, null)));
  return found ? isoDate(found[1]) : null;
}

/** An HTML page of a report: article paragraphs and data tables, title and date from metadata. */
export function readHtml(html: string): ReportDocument {
  // Depth and node count are limited while parsing (HTML_LIMITS): a bomb never becomes a tree.
  const $ = cheerio.load(html, { treeAdapter: limitedTreeAdapter() });
  const document = $.root().get(0)!;
  try {
    const page = new Page($);
    const root = articleRoot(page);
    return { format: 'html', blocks: readFlow(root), title: findTitle(page), publishedOn: findPublishedOn(page, root) };
  } finally {
    cellTexts = new Map();
    textLengths = new Map();
    // The loaded instance keeps the document reachable a while after it is dropped, so that the GC
    // moves every page's nodes to the old generation and collects them expensively; emptied, they die young.
    document.children = [];
  }
}
