import { writeDocx } from './docx-writer';
import { writeHtml } from './html-writer';
import { layoutReport } from './report-layout';
import type { RenderInput } from './render-input';

export type { RenderCell, RenderInput, RenderNarrative } from './render-input';
export type RenderFormat = 'html' | 'docx';

/** The report in its edition's official template, as a standalone HTML page. */
export function renderHtml(input: RenderInput): string {
  return writeHtml(layoutReport(input));
}

/** The report in its edition's official template, as a Word document. */
export function renderDocx(input: RenderInput): Promise<Buffer> {
  return writeDocx(layoutReport(input));
}

export async function renderReport(input: RenderInput, format: RenderFormat): Promise<Buffer> {
  return format === 'html' ? Buffer.from(renderHtml(input), 'utf8') : renderDocx(input);
}
