import type * as cheerio from 'cheerio';
import type { AnyNode, Element } from 'domhandler';

const isElement = (n: AnyNode): n is Element => n.type === 'tag' || n.type === 'script' || n.type === 'style';
/** As domhandler's hasChildren: elements, the document, template contents and CDATA hold children. */
const hasChildren = (n: AnyNode): n is AnyNode & { children: AnyNode[] } => Object.prototype.hasOwnProperty.call(n, 'children');

/**
 * A loaded page's elements in document order, found in one walk: each selector query ($('meta') per
 * metadata name, $('body *'), $('table')…) walked the whole tree again. The walk is the one cheerio's
 * selectors make (css-select over domutils): from the document's element children, depth first,
 * into every node that has children; a tag selector compares the parsed (lower-case) name.
 */
export class Page {
  /** Every element, in document order. */
  readonly all: Element[] = [];
  /** The elements under a body, in document order (found in the same walk: an ancestor walk per element costs depth² on a deep page). */
  private readonly underBody: Element[] = [];
  private readonly byName = new Map<string, Element[]>();

  constructor(readonly $: cheerio.CheerioAPI) {
    const root = $.root().get(0)!;
    const stack: AnyNode[] = root.children.filter(isElement).reverse();
    // Beside each node on the stack: whether a body is among its element ancestors.
    const inBody: boolean[] = stack.map(() => false);
    while (stack.length) {
      const n = stack.pop()!;
      const below = inBody.pop()!;
      if (isElement(n)) {
        this.all.push(n);
        if (below) this.underBody.push(n);
      }
      if (hasChildren(n)) {
        // The chain of element ancestors stops at a non-element.
        const childBelow = isElement(n) && (below || n.name === 'body');
        for (let i = n.children.length - 1; i >= 0; i--) {
          stack.push(n.children[i]);
          inBody.push(childBelow);
        }
      }
    }
  }

  /** $(name).toArray(). */
  named(name: string): Element[] {
    let found = this.byName.get(name);
    if (!found) this.byName.set(name, (found = this.all.filter((el) => el.name === name)));
    return found;
  }

  /** $(name).get(0). */
  first(name: string): Element | undefined {
    return this.named(name)[0];
  }

  /** $('body *'): the elements with a body among their element ancestors (the chain stops at a non-element). */
  inBody(): Element[] {
    return this.underBody;
  }
}
