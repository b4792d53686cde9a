/**
 * Text runs from placed characters, for engines that report glyph by glyph (PDFium): characters are
 * joined into the runs pdf.js reports, so that the layout after extraction sees the same items
 * whichever engine read the page. pdf.js starts a run on a font change, a baseline change, a step
 * back of more than 0.2 em or a gap of more than 0.6 em, and writes a space into a run for a gap of
 * more than 0.102 em (its TRACKING_SPACE_FACTOR, SPACE_IN_FLOW_MAX_FACTOR, NEGATIVE_SPACE_FACTOR).
 */
import type { TextItem } from './pdf-text.types';

export interface PlacedChar {
  text: string;
  /** Origin on the baseline, PDF user space (y up). */
  x: number;
  y: number;
  /** Where the glyph's advance ends along the baseline. */
  right: number;
  size: number;
  /** Any value that is equal for characters set in the same font. */
  font: number;
}

const SPACE_MIN = 0.102;
const NEW_RUN_GAP = 0.6;
const STEP_BACK = -0.2;
/** Baselines closer than this (em) are one baseline. */
const SAME_BASELINE = 0.01;

export class RunBuilder {
  readonly items: TextItem[] = [];
  private run: (TextItem & { font: number; right: number }) | null = null;

  /** Ends the current run (a line break the engine reports, or the end of a page). */
  close(): void {
    if (!this.run) return;
    const { text, x, y, right, size } = this.run;
    this.items.push({ text, x, y, w: right - x, size });
    this.run = null;
  }

  add(c: PlacedChar): void {
    const run = this.run;
    if (run && run.font === c.font && Math.abs(run.size - c.size) < 0.01 * c.size && Math.abs(run.y - c.y) <= SAME_BASELINE * c.size) {
      const gap = (c.x - run.right) / c.size;
      if (gap >= STEP_BACK && gap <= NEW_RUN_GAP) {
        if (gap > SPACE_MIN && !/\s$/u.test(run.text) && !/^\s/u.test(c.text)) run.text += ' ';
        run.text += c.text;
        run.right = Math.max(run.right, c.right);
        return;
      }
    }
    this.close();
    this.run = { text: c.text, x: c.x, y: c.y, w: 0, size: c.size, font: c.font, right: c.right };
  }
}
