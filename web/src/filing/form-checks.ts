// The server's own check and edition modules, bundled by Vite: the browser runs the rules the
// server runs on submitFigures (WorkflowService.submitFigures → checkReport, then the carry-over
// FindingService.recordChecks adds), never a second copy of a rule.
import { checkReport, type CellValues, type Finding } from '../../../src/checks';
import { cellsOf, derivedParts, type EditionDef } from '../../../src/editions';
import { sectionNumeral } from '../../../src/editions/template-headers';
import { sumDecimals } from '../../../src/common/decimal';
import type { ParsedReport } from '../../../src/ingest/parsed-report';

/** What submitFigures accepts as a figure (workflow.service.ts DECIMAL): anything else it refuses. */
export const FIGURE = /^-?\d{1,14}(\.\d{1,6})?$/;

/** The form as typed: text per cell key ('' = blank), per narrative section, and the title. */
export interface FormState {
  cells: Record<string, string>;
  narratives: Record<number, string>;
  title: string;
}

/** A finding as both lists show it (ul[data-testid=browser-findings|server-findings] li). */
export interface FindingRow {
  rule: string;
  severity: 'ERROR' | 'WARNING' | 'INFO';
  status: 'FAILED' | 'NOT_ASSESSABLE';
  cells: string[];
  expected: number | null;
  actual: number | null;
  message: string;
}

/** A cell's figure as the server stores it: trimmed, null for blank (a blank is never a zero). */
export function figureOf(text: string | undefined): string | null {
  return text?.trim() || null;
}

/** Cells typed but not figures submitFigures accepts ("1,2", "abc"): marked here, refused by the server. */
export function invalidCells(edition: EditionDef, form: FormState): string[] {
  return cellsOf(edition)
    .map((c) => c.key)
    .filter((k) => {
      const v = figureOf(form.cells[k]);
      return v !== null && !FIGURE.test(v);
    });
}

/** The narratives as submitFigures stores them: non-empty sections, in order, the edition's heading. */
export function narrativesOf(edition: EditionDef, form: FormState): Array<{ section: number; heading: string; text: string }> {
  return edition.sections
    .map((s) => ({ section: s.number, heading: `${sectionNumeral(s.number)}、${s.heading}`, text: (form.narratives[s.number] ?? '').trim() }))
    .filter((n) => n.text);
}

/** The ParsedReport submitFigures builds from the same input (workflow.service.ts), field for field. */
export function parsedOf(edition: EditionDef, year: number, form: FormState): ParsedReport {
  const file = 'form';
  const cells: ParsedReport['cells'] = {};
  for (const c of cellsOf(edition)) {
    const v = figureOf(form.cells[c.key]);
    // A cell the server would refuse is left out of the checks (it cannot be summed) and marked instead.
    const value = v !== null && FIGURE.test(v) ? v : null;
    cells[c.key] = { value, raw: value ?? '', location: { file }, source: null };
  }
  return { edition: edition.id, year, title: form.title.trim() || null, period: null, publishedOn: null, format: 'text', cells, narratives: narrativesOf(edition, form), warnings: [] };
}

export function findingRow(f: Pick<Finding, 'rule' | 'severity' | 'status' | 'cells' | 'expected' | 'actual' | 'message'>): FindingRow {
  return {
    rule: f.rule,
    severity: f.severity.toUpperCase() as FindingRow['severity'],
    status: f.status.toUpperCase() as FindingRow['status'],
    cells: f.cells.map((c) => c.key).sort(),
    expected: f.expected ?? null,
    actual: f.actual ?? null,
    message: f.message,
  };
}

/** Every check of the edition on the form, plus carry-over against the previous year's current revision. */
export function checkForm(edition: EditionDef, year: number, form: FormState, previous: CellValues | null): FindingRow[] {
  return checkReport(parsedOf(edition, year, form), { importYear: year, previous: previous ?? undefined }).map(findingRow);
}

/** The derived cells (（三）不予公开 …) summed from the typed figures; null when every part is blank. */
export function derivedValues(edition: EditionDef, form: FormState): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const [key, parts] of derivedParts(edition))
    out[key] = sumDecimals(parts.map((p) => {
      const v = figureOf(form.cells[p]);
      return v !== null && FIGURE.test(v) ? v : null;
    }));
  return out;
}

/** Rule ids failing on each cell: what data-failing says and the mark beside the cell shows. */
export function failingByCell(findings: FindingRow[]): Map<string, FindingRow[]> {
  const out = new Map<string, FindingRow[]>();
  for (const f of findings) if (f.status === 'FAILED') for (const k of f.cells) out.set(k, [...(out.get(k) ?? []), f]);
  return out;
}
