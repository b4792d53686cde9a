import { cellsOf, type EditionDef } from './editions';
import { sectionNumeral } from './editions/template-headers';
import type { ParsedNarrative, ParsedReport } from './parsed-report';

/**
 * A report filed as figures by cell key rather than as a file: what `submitFigures` stores and
 * what the browser form checks as the clerk types (web/src/filing/form-checks.ts bundles this very
 * module), so that both build the same report from the same input. Pure: no Node, no database.
 */

/** A figure as a filing by figures gives it: exact decimal text, up to 14 digits and 6 decimals. */
export const FIGURE = /^-?\d{1,14}(\.\d{1,6})?$/;

/** The heading an edition prints over a text section ("一、总体情况"). */
export function sectionHeading(edition: EditionDef, section: number): string {
  const def = edition.sections.find((s) => s.number === section);
  return `${sectionNumeral(section)}、${def?.heading ?? ''}`;
}

/** Every cell of the edition, blank (null, never zero) where `valueOf` gives nothing; narratives in section order. */
export function figuresReport(
  edition: EditionDef,
  year: number,
  valueOf: (key: string) => string | null,
  narratives: ParsedNarrative[],
  title: string | null,
  file: string,
): ParsedReport {
  const cells: ParsedReport['cells'] = {};
  for (const c of cellsOf(edition)) {
    const value = valueOf(c.key);
    cells[c.key] = { value, raw: value ?? '', location: { file }, source: null };
  }
  return {
    edition: edition.id,
    year,
    title,
    period: null,
    publishedOn: null,
    format: 'text',
    cells,
    narratives: [...narratives].sort((a, b) => a.section - b.section),
    warnings: [],
  };
}
