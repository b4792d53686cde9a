import { adapter, type Htmlparser2TreeAdapterMap } from 'parse5-htmlparser2-tree-adapter';
import type { TreeAdapter } from 'parse5';
import { ReportTooComplexError } from '../../common/errors';
import { HTML_LIMITS } from '../file-limits';

/**
 * cheerio's own tree adapter (parse5 → domhandler), counting as parse5 builds the tree: elements and
 * comments made, and elements open at once. parse5's scope checks walk the open elements for every
 * start tag, so a page nested 100,000 deep costs minutes before any reader sees it; counted here,
 * it is refused at the first element past the limit, after work proportional to the limit.
 * One adapter per parse: it holds that parse's counts.
 */
export function limitedTreeAdapter(
  limits: { readonly depth: number; readonly nodes: number } = HTML_LIMITS,
): TreeAdapter<Htmlparser2TreeAdapterMap> {
  let nodes = 0;
  let open = 0;
  const made = () => {
    if (++nodes > limits.nodes) throw new ReportTooComplexError('html.nodes', nodes, limits.nodes);
  };
  return {
    ...adapter,
    createElement(tagName, namespaceURI, attrs) {
      made();
      return adapter.createElement(tagName, namespaceURI, attrs);
    },
    createCommentNode(data) {
      made();
      return adapter.createCommentNode(data);
    },
    onItemPush() {
      if (++open > limits.depth) throw new ReportTooComplexError('html.depth', open, limits.depth);
    },
    onItemPop() {
      open--;
    },
  };
}
