import type { EditionId } from './editions';
import type { CellSource, SourceFormat, SourceLocation } from './source-place';

export interface ParsedCell {
  /** Exact decimal text ("12.90", "-22", "7539.443252"), or null for a blank or no-figure cell. */
  value: string | null;
  /** The cell text as published. */
  raw: string;
  /** Where the reader found it, for its own errors; a report read on a parse thread crosses without it (src/services/parse-pool.ts). */
  location?: SourceLocation;
  /** Where the figure was read (provenance); null for a cell the source does not print. */
  source?: CellSource | null;
}

export interface ParsedNotice {
  rule: string;
  message: string;
  /** Cell keys the notice concerns. */
  cells?: string[];
  location?: SourceLocation;
}

export interface ParsedNarrative {
  section: number;
  heading: string;
  text: string;
}

/** The one shape every reader's output becomes; storage, checks and dry-run JSON start here. */
export interface ParsedReport {
  edition: EditionId;
  /** Report year from the title or statistics period; null when the source states none. */
  year: number | null;
  title: string | null;
  /** Statistics period as stated ("2020年1月1日至2020年12月31日"), if found. */
  period: string | null;
  publishedOn: string | null;
  format: SourceFormat;
  /** Every cell of the edition, keyed as in docs/format.md. */
  cells: Record<string, ParsedCell>;
  narratives: ParsedNarrative[];
  /**
   * Layout facts a reader established and the checks must report (a 2021 table printed with the
   * 2019 one-row （六）…): each becomes a finding of its rule.
   */
  notices?: ParsedNotice[];
  /** Things read but not mapped (a section 四 group printed blank…), said rather than dropped; a row of figures that fits no template row is refused instead. */
  warnings: string[];
}

export function valuesOf(report: Pick<ParsedReport, 'cells'>): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const [k, c] of Object.entries(report.cells)) out[k] = c.value === null ? null : Number(c.value);
  return out;
}
