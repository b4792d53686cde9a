import type { Line } from './pdf-layout';

/**
 * Joins prose lines into paragraphs: a line continues the one above at the same size and pitch unless
 * it is indented (a new paragraph) or a heading; the last line of a page may continue on the next.
 */
export function buildParagraphs(lines: Line[], leftMargin: number, lastOnPage: Set<Line>): Array<{ page: number; text: string }> {
  const out: Array<{ page: number; text: string; last: Line }> = [];
  for (const l of lines) {
    const prev = out[out.length - 1];
    const p = prev?.last;
    const x0 = l.chunks[0].x0;
    const indented = x0 > leftMargin + l.size;
    // Two indented lines in a row (a centred title over two lines) stay one paragraph.
    const centredPair = p && x0 > leftMargin + l.size && p.chunks[0].x0 > leftMargin + l.size && !p.heading;
    const continues =
      p &&
      !l.heading &&
      !p.heading &&
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
