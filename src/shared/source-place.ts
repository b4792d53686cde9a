import { sectionNumeral } from './editions/template-headers';

/** Which reader a report came from. */
export type SourceFormat = 'text' | 'html' | 'docx' | 'doc' | 'pdf';

/**
 * Where in the source a cell was read, so that a figure can be shown beside its place: page and
 * position for PDF, line for text, table/row/cell index for HTML and DOCX (all 1-based).
 */
export interface CellSource {
  page?: number;
  /** PDF points from the page's top-left corner. */
  x?: number;
  y?: number;
  line?: number;
  table?: number;
  row?: number;
  cell?: number;
}

/** Where in a source file something went wrong; every part optional, the more the better. */
export interface SourceLocation {
  file?: string;
  section?: number;
  row?: string;
  column?: string;
  line?: number;
  page?: number;
}

export function describeLocation(loc: SourceLocation): string {
  const parts: string[] = [];
  if (loc.file) parts.push(loc.file);
  if (loc.section) parts.push(`section ${sectionNumeral(loc.section)}`);
  if (loc.row !== undefined) parts.push(`row "${loc.row}"`);
  if (loc.column) parts.push(`column "${loc.column}"`);
  if (loc.page) parts.push(`page ${loc.page}`);
  if (loc.line) parts.push(`line ${loc.line}`);
  return parts.join(', ');
}
