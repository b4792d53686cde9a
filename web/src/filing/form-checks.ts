// The server's own check and edition modules, bundled by Vite: the browser runs the rules the
// server runs on submitFigures (WorkflowService.submitFigures → checkReport, then the carry-over
// FindingService.recordChecks adds), never a second copy of a rule.
import { checkReport, type CellValues, type Finding } from '../../../src/shared/checks';
import { cellsOf, derivedParts, type EditionDef } from '../../../src/shared/editions';
import { sumDecimals } from '../../../src/shared/decimal';
import { figuresReport, FIGURE, sectionHeading } from '../../../src/shared/figures-report';
import type { ParsedReport } from '../../../src/shared/parsed-report';

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
    .map((s) => ({ section: s.number, heading: sectionHeading(edition, s.number), text: (form.narratives[s.number] ?? '').trim() }))
    .filter((n) => n.text);
}

/** The ParsedReport submitFigures builds from the same input: the same src/shared/figures-report.ts. */
export function parsedOf(edition: EditionDef, year: number, form: FormState): ParsedReport {
  return figuresReport(
    edition,
    year,
    (key) => {
      const v = figureOf(form.cells[key]);
      // A cell the server would refuse is left out of the checks (it cannot be summed) and marked instead.
      return v !== null && FIGURE.test(v) ? v : null;
    },
    narrativesOf(edition, form),
    form.title.trim() || null,
    'form',
  );
}

/** A finding as the API answers it (FindingSeverity, FindingStatus: the same names, upper case). */
export interface ServerFinding {
  rule: string;
  severity: FindingRow['severity'];
  status: FindingRow['status'];
  cells: Array<{ key: string }>;
  expected: number | null;
  actual: number | null;
  message: string;
}

/** One row for either list: the browser's checks (src/shared, lower case) or the server's answer. */
export function findingRow(
  f: Pick<Finding, 'rule' | 'severity' | 'status' | 'cells' | 'expected' | 'actual' | 'message'> | ServerFinding,
): FindingRow {
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
    out[key] = sumDecimals(
      parts.map((p) => {
        const v = figureOf(form.cells[p]);
        return v !== null && FIGURE.test(v) ? v : null;
      }),
    );
  return out;
}

/** Rule ids failing on each cell: what data-failing says and the mark beside the cell shows. */
export function failingByCell(findings: FindingRow[]): Map<string, FindingRow[]> {
  const out = new Map<string, FindingRow[]>();
  for (const f of findings) if (f.status === 'FAILED') for (const k of f.cells) out.set(k, [...(out.get(k) ?? []), f]);
  return out;
}
