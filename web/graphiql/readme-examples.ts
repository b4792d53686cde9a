import { parse } from 'graphql';
// The README is the source of the examples: bundled as text at build time, never copied by hand.
import readme from '../../README.md?raw';

export interface Example {
  /** The README heading the block sits under, and its place among that heading's operations. */
  title: string;
  query: string;
}

/**
 * Every ```graphql block of the README, one example per operation: a block holding several
 * (`mutation { login … }` then `{ me … }`) would not run as one document with anonymous operations.
 */
export function readmeExamples(text: string = readme): Example[] {
  const out: Example[] = [];
  let heading = 'README';
  // Headings, graphql blocks, and any other fenced block (skipped whole: a `# comment` in it is no heading).
  const blocks = /^(#{1,4}) (.+)$|^```graphql\n([\s\S]*?)^```|^```[^\n]*\n[\s\S]*?^```/gm;
  for (const m of text.matchAll(blocks)) {
    if (m[3] === undefined && !m[2]) continue;
    if (m[2]) {
      heading = m[2].trim();
      continue;
    }
    const block = m[3];
    // The sentence introducing the block ("Checks and filing:"), when there is one, names it better than the heading.
    const before = text.slice(0, m.index).trimEnd().split('\n').pop() ?? '';
    const intro = /^[#`|]/.test(before) || !before.endsWith(':') ? '' : before.replace(/\s*\(.*$|:$/g, '').slice(0, 60);
    const title = intro ? `${heading}: ${intro}` : heading;
    let defs: ReadonlyArray<{ loc?: { start: number; end: number } }>;
    try {
      defs = parse(block).definitions;
    } catch {
      defs = [{ loc: { start: 0, end: block.length } }];
    }
    defs.forEach((d, i) => {
      const query = d.loc ? block.slice(d.loc.start, d.loc.end) : block;
      // A comment after the block's last operation (`# supervisors: mutation …`) stays with it.
      const tail = i === defs.length - 1 && d.loc ? block.slice(d.loc.end).trim() : '';
      out.push({ title: defs.length > 1 ? `${title} (${i + 1})` : title, query: `# ${title}\n${query}${tail ? `\n${tail}` : ''}\n` });
    });
  }
  return out;
}
