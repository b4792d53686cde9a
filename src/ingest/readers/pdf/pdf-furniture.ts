/**
 * Running headers and footers: what a printer puts in the page margins on every page (Chromium's
 * date, title, URL and "n/N"; a word processor's running title and page numbers). Dropped, so that it
 * neither splits a paragraph running over a page break nor passes for the report's own text.
 */
import { joinRun, PAGE_NUMBER, type Line } from './pdf-layout';
import type { PageText } from './pdf-text.types';

/** The top and bottom share of a page where running headers and footers stand. */
const MARGIN = 0.08;

/** Lines with the margin text repeated on most pages (page numbers counted alike) and page numbers removed. */
export function dropFurniture(lines: Line[], pages: PageText[]): Line[] {
  const inMargin = (l: Line) => {
    const h = pages[l.page - 1].height;
    const top = h - l.y;
    return top < MARGIN * h || top > (1 - MARGIN) * h;
  };
  const key = (l: Line, text: string) =>
    `${Math.round((pages[l.page - 1].height - l.y) / 2)}|${text.replace(/\d+/g, '#').replace(/\s/g, '')}`;
  const seen = new Map<string, Set<number>>();
  for (const l of lines) {
    if (!inMargin(l)) continue;
    for (const c of l.chunks) {
      const k = key(l, c.text);
      seen.set(k, (seen.get(k) ?? new Set()).add(l.page));
    }
  }
  const need = Math.max(2, Math.ceil(0.5 * pages.length));
  const out: Line[] = [];
  for (const l of lines) {
    if (!inMargin(l)) {
      out.push(l);
      continue;
    }
    const chunks = l.chunks.filter((c) => !PAGE_NUMBER.test(c.text.trim()) && (seen.get(key(l, c.text))?.size ?? 0) < need);
    if (!chunks.length) continue;
    if (chunks.length === l.chunks.length) out.push(l);
    else out.push({ ...l, chunks, text: joinRun(chunks), size: Math.max(...chunks.map((c) => c.size)) });
  }
  return out;
}
