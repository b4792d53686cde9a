import { writeDocx } from './docx-writer';
import { writeHtml } from './html-writer';
import { layoutReport, type Checkpoint } from './report-layout';
import type { RenderInput } from './render-input';

export type { RenderCell, RenderInput, RenderNarrative } from './render-input';
export type RenderFormat = 'html' | 'docx';

export type { Checkpoint } from './report-layout';

/** The report in its edition's official template, as a standalone HTML page; `checkpoint` runs between its parts and throws to stop. */
export function renderHtml(input: RenderInput, checkpoint?: Checkpoint): string {
  return writeHtml(layoutReport(input, checkpoint), checkpoint);
}

/** The report in its edition's official template, as a Word document; `checkpoint` runs between its parts and throws to stop. */
export function renderDocx(input: RenderInput, checkpoint?: Checkpoint): Promise<Buffer> {
  return writeDocx(layoutReport(input, checkpoint), checkpoint);
}

export async function renderReport(input: RenderInput, format: RenderFormat): Promise<Buffer> {
  return format === 'html' ? Buffer.from(renderHtml(input), 'utf8') : renderDocx(input);
}
