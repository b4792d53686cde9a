/**
 * What every reader (text, HTML, DOCX, PDF) produces: the report as paragraphs and tables in
 * document order. Table rows hold cells as they stand in the source row (merged cells once, not
 * expanded to a grid), because published reports align data cells by order within the row, not by
 * header position. The assembler turns this into a ParsedReport.
 */
import type { CellSource, SourceFormat } from '../shared/source-place';

export type { CellSource, SourceFormat };

export interface DocCell {
  /** The cell text as in the source, whitespace and all (raw text is kept verbatim). */
  text: string;
  line?: number;
  source?: CellSource;
}

export interface DocRow {
  cells: DocCell[];
  line?: number;
  page?: number;
}

export interface DocTable {
  rows: DocRow[];
  line?: number;
  page?: number;
}

export type DocBlock = { kind: 'paragraph'; text: string; line?: number; page?: number } | { kind: 'table'; table: DocTable };

export interface ReportDocument {
  format: SourceFormat;
  blocks: DocBlock[];
  /** Title from document metadata (HTML <meta>/<title>) when the body has none. */
  title?: string | null;
  /** Publication date found in the source's metadata (ISO yyyy-mm-dd), if any. */
  publishedOn?: string | null;
}
