import * as cheerio from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { ReportParseError } from '../../common/errors';
import type { DocBlock, DocCell, DocRow, ReportDocument } from '../report-document';
import { readZipPart } from './zip-part';

const isElement = (n: AnyNode): n is Element => n.type === 'tag';
/** What a selector counts as an element (domutils isTag). */
const isTag = (n: AnyNode): n is Element => n.type === 'tag' || n.type === 'script' || n.type === 'style';
/** Word element names without their namespace prefix (documents may bind "w" to another prefix). */
const local = (el: Element) => el.name.slice(el.name.indexOf(':') + 1);
const kids = (el: Element) => el.children.filter(isElement);

function attr(el: Element, name: string): string | undefined {
  const key = Object.keys(el.attribs).find((k) => k === name || k.endsWith(`:${name}`));
  return key === undefined ? undefined : el.attribs[key];
}

/** Block-level wrappers (content controls, custom XML, tracked insertions) whose content reads as if they were absent. */
const TRANSPARENT = new Set(['sdt', 'sdtContent', 'customXml', 'ins', 'moveTo']);
/** Never part of the visible text: properties, deletions, field codes, floating shapes' fallbacks. */
const SKIPPED = new Set([
  'rPr',
  'pPr',
  'tblPr',
  'trPr',
  'tcPr',
  'sdtPr',
  'sdtEndPr',
  'del',
  'moveFrom',
  'delText',
  'instrText',
  'Fallback',
  'drawing',
  'pict',
  'object',
]);

/** Visible text of a paragraph: runs joined, tabs and breaks kept as characters. */
function paragraphText(p: Element): string {
  let out = '';
  const walk = (el: Element) => {
    const name = local(el);
    if (SKIPPED.has(name)) return;
    if (name === 't') {
      out += el.children.map((c) => (c.type === 'text' ? (c as unknown as { data: string }).data : '')).join('');
      return;
    }
    if (name === 'tab' || name === 'ptab') out += '\t';
    else if (name === 'br' || name === 'cr') out += '\n';
    else if (name === 'noBreakHyphen') out += '\u2011';
    else kids(el).forEach(walk);
  };
  kids(p).forEach(walk);
  return out;
}

/** The first-level children of a container as paragraphs and tables, unwrapping content controls. */
function blockChildren(container: Element): Element[] {
  return kids(container).flatMap((el) => {
    const name = local(el);
    if (name === 'p' || name === 'tbl') return [el];
    if (TRANSPARENT.has(name)) return blockChildren(el);
    return [];
  });
}

function rowChildren(container: Element, name: 'tr' | 'tc'): Element[] {
  return kids(container).flatMap((el) => {
    if (local(el) === name) return [el];
    if (TRANSPARENT.has(local(el))) return rowChildren(el, name);
    return [];
  });
}

const property = (el: Element, props: string, name: string) =>
  kids(el)
    .find((c) => local(c) === props)
    ?.children.filter(isElement)
    .find((c) => local(c) === name);

/** A cell's text: its paragraphs joined by line breaks; a nested table reads row by row. */
function cellText(tc: Element): string {
  const merge = property(tc, 'tcPr', 'vMerge');
  // The lower parts of a vertically merged cell show nothing, as in Word's own text export.
  if (merge && (attr(merge, 'val') ?? 'continue') === 'continue') return '';
  return blockChildren(tc)
    .map((b) =>
      local(b) === 'p'
        ? paragraphText(b)
        : readTable(b)
            .map((r) => r.cells.map((c) => c.text).join('\t'))
            .join('\n'),
    )
    .join('\n');
}

/** The rows of a table; with `tableNo`, each cell keeps its place: table, row and cell (1-based). */
function readTable(tbl: Element, tableNo?: number): DocRow[] {
  return rowChildren(tbl, 'tr')
    .filter((tr) => !property(tr, 'trPr', 'del'))
    .map((tr) => rowChildren(tr, 'tc'))
    .filter((tcs) => tcs.length > 0)
    .map((tcs, r) => ({
      cells: tcs.map((tc, c): DocCell => ({
        text: cellText(tc),
        ...(tableNo ? { source: { table: tableNo, row: r + 1, cell: c + 1 } } : {}),
      })),
    }));
}

/** A Word (.docx) report: body paragraphs and tables in document order. */
export async function readDocx(bytes: Buffer): Promise<ReportDocument> {
  // Inflated under ZIP_LIMITS (zip-part.ts): a bomb is refused before it fills memory.
  const xml = await readZipPart(bytes, 'word/document.xml');
  if (!xml) {
    throw new ReportParseError('not a Word document: the zip archive has no word/document.xml', {}, 'REPORT_UNSUPPORTED_FORMAT');
  }
  const $ = cheerio.load(xml.toString('utf8'), { xml: true });
  const document = $.root().get(0)!;
  try {
    const body = firstElement(document.children, (el) => local(el) === 'body');
    if (!body) throw new ReportParseError('the Word document has no body', {}, 'REPORT_EMPTY');

    let tables = 0;
    const blocks: DocBlock[] = blockChildren(body).map((el) =>
      local(el) === 'p' ? { kind: 'paragraph', text: paragraphText(el) } : { kind: 'table', table: { rows: readTable(el, ++tables) } },
    );
    return { format: 'docx', blocks: blocks.filter((b) => b.kind === 'table' || b.text.trim() !== '') };
  } finally {
    // The loaded instance keeps the document reachable a while after it is dropped, so that the GC
    // moves every node to the old generation and collects them expensively; emptied, they die young.
    document.children = [];
  }
}

/**
 * The first element in document order that passes `test`, as $.root().find('*') lists them (without
 * building the list): depth first from the document's elements, into every node that has children.
 */
function firstElement(top: AnyNode[], test: (el: Element) => boolean): Element | undefined {
  const stack: AnyNode[] = top.filter(isTag).reverse();
  while (stack.length) {
    const n = stack.pop()!;
    if (isTag(n) && test(n)) return n;
    if (Object.prototype.hasOwnProperty.call(n, 'children')) {
      const children = (n as Element).children;
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
    }
  }
  return undefined;
}
