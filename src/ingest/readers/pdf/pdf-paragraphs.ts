import type { Line } from './pdf-layout';

const TITLE_END = /年度报告$/u;

/**
 * Joins prose lines into paragraphs: a line continues the one above at the same size and pitch unless
 * it is indented (a new paragraph) or a heading; the last line of a page may continue on the next.
 */
export function buildParagraphs(
  lines: Line[],
  leftMargin: number,
  lastOnPage: Set<Line>,
  centre?: number,
): Array<{ page: number; text: string }> {
  const mid = (l: Line) => (l.chunks[0].x0 + l.chunks[l.chunks.length - 1].x1) / 2;
  // A title wrapped over two lines: same size, one above the other, both centred on the page.
  const centred = (p: Line, l: Line) =>
    centre !== undefined && Math.abs(mid(p) - mid(l)) <= 0.5 * l.size && Math.abs(mid(l) - centre) <= 3 * l.size && p.page === l.page;
  const out: Array<{ page: number; text: string; last: Line }> = [];
  for (const l of lines) {
    const prev = out[out.length - 1];
    const p = prev?.last;
    const x0 = l.chunks[0].x0;
    const indented = x0 > leftMargin + l.size;
    // Two indented lines in a row (a centred title over two lines) stay one paragraph.
    const centredPair = p && !p.heading && ((x0 > leftMargin + l.size && p.chunks[0].x0 > leftMargin + l.size) || centred(p, l));
    const continues =
      p &&
      !l.heading &&
      !p.heading &&
      // The report's title stands alone, whatever follows it at the same size and pitch.
      !(prev.text.length <= 60 && TITLE_END.test(prev.text.trim())) &&
      Math.abs(p.size - l.size) < 0.1 * l.size &&
      (p.page === l.page ? p.y - l.y <= 2.5 * l.size : l.page === p.page + 1 && lastOnPage.has(p)) &&
      (!indented || centredPair);
    if (continues) {
      prev.text += l.text;
      prev.last = l;
    } else out.push({ page: l.page, text: l.text, last: l });
  }
  return out.map(({ page, text }) => ({ page, text }));
}
