import { allEditions, cellsOf, perGeneration, type EditionDef, type TableDef } from '../shared/editions';
import { normalizeLabel } from '../shared/editions/label';
import { ReportParseError } from '../common/errors';
import type { ParsedCell, ParsedNarrative, ParsedNotice, ParsedReport } from '../shared/parsed-report';
import type { DocRow, DocTable, ReportDocument } from './report-document';
import { TableMapper } from './table-mapper';
import { SECTION_NUMERALS as NUMERALS } from '../shared/editions/template-headers';

const HEADING = /^[\s\u3000\u00a0]*([一二三四五六])\s*[、.．,，]\s*(.+?)[\s\u3000\u00a0]*$/u;

/**
 * Section number of a heading paragraph, or 0. Headings must name their section (docs/format.md,
 * "Sections"): as the given edition spells it, or, before the edition is known, as any edition does.
 */
export function headingNumber(text: string, edition?: EditionDef): number {
  // Only the first line can be a heading; NFKC never makes or merges a line break, so it is cut first.
  const nl = text.indexOf('\n');
  const m = HEADING.exec((nl < 0 ? text : text.slice(0, nl)).normalize('NFKC'));
  if (!m || m[2].length > 40) return 0;
  const n = NUMERALS.indexOf(m[1]) + 1;
  const body = normalizeLabel(m[2]);
  const names = (edition ? sectionNamesOf(edition) : allSectionNames()).get(n) ?? [];
  return names.some((name) => body.includes(name) || name.includes(body)) ? n : 0;
}

/** Normalised section headings and variants by section number, of the given editions (built once, not per line). */
function sectionNames(editions: readonly EditionDef[]): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const e of editions)
    for (const s of e.sections)
      out.set(s.number, [...(out.get(s.number) ?? []), ...[s.heading, ...(s.variants ?? [])].map(normalizeLabel)]);
  return out;
}
const allSectionNames = perGeneration(() => sectionNames(allEditions()));
const editionSectionNames = new WeakMap<EditionDef, Map<number, string[]>>();
function sectionNamesOf(edition: EditionDef): Map<number, string[]> {
  let names = editionSectionNames.get(edition);
  if (!names) editionSectionNames.set(edition, (names = sectionNames([edition])));
  return names;
}

/** Each edition's markers, normalised once. */
const editionMarkers = perGeneration(() => allEditions().map((e) => ({ edition: e, markers: e.markers.map(normalizeLabel) })));

/** Which edition's labels the tables use; 0 markers found means the text is not a report table. */
export function detectEdition(tableText: string): EditionDef | undefined {
  const text = normalizeLabel(tableText);
  let best: EditionDef | undefined;
  let bestScore = 0;
  for (const { edition: e, markers } of editionMarkers()) {
    const score = markers.filter((m) => text.includes(m)).length;
    if (score > bestScore) [best, bestScore] = [e, score];
  }
  return best;
}

/** Which template table a source table is, by the text only that table holds, in either edition. */
const tableMarkers = perGeneration(() =>
  allEditions().flatMap((e) => e.tables.map((t): [TableDef['id'], string] => [t.id, normalizeLabel(t.marker)])),
);

function tableText(t: DocTable): string {
  return t.rows.map((r) => r.cells.map((c) => c.text).join(' ')).join('\n');
}

const tableSections = perGeneration(
  () => new Map(allEditions().flatMap((e) => e.tables.map((t): [number, TableDef['id']] => [t.section, t.id]))),
);

export interface AssembleOptions {
  file?: string;
  /** Year to assume when the source states none (CLI --year). */
  year?: number;
}

export function assembleReport(doc: ReportDocument, opts: AssembleOptions = {}): ParsedReport {
  const file = opts.file;
  let section = 0;
  const narrativeParts = new Map<number, { heading: string; lines: string[] }>();
  const preamble: string[] = [];
  const tablesBySection = new Map<TableDef['id'], DocRow[]>();
  let title: string | null = doc.title?.trim() || null;

  for (const block of doc.blocks) {
    if (block.kind === 'paragraph') {
      const n = headingNumber(block.text);
      if (n > section) {
        section = n;
        narrativeParts.set(n, { heading: block.text.trim(), lines: [] });
        continue;
      }
      if (section === 0) preamble.push(block.text);
      else narrativeParts.get(section)!.lines.push(block.text);
      continue;
    }
    const text = normalizeLabel(tableText(block.table));
    const byContent = tableMarkers().find(([, marker]) => text.includes(marker))?.[0];
    const bySection = tableSections().get(section);
    const id = byContent ?? bySection;
    if (!id) continue;
    // A table broken across pages arrives as several tables: their rows join up.
    tablesBySection.set(id, [...(tablesBySection.get(id) ?? []), ...block.table.rows]);
  }

  const allTableText = [...tablesBySection.values()].map((rows) => tableText({ rows })).join('\n');
  if (tablesBySection.size === 0) {
    throw new ReportParseError("no report tables found (sections 二, 三 and 四 hold none of the template's rows)", { file });
  }
  const edition = detectEdition(allTableText);
  if (!edition)
    throw new ReportParseError(
      `the tables match none of the template editions (${allEditions()
        .map((e) => e.id)
        .join(', ')})`,
      { file },
    );

  const cells: Record<string, ParsedCell> = {};
  const warnings: string[] = [];
  const notices: ParsedNotice[] = [];
  for (const table of edition.tables) {
    const rows = tablesBySection.get(table.id);
    if (!rows) {
      throw new ReportParseError(`section missing: no table for ${table.heading}`, { file, section: table.section });
    }
    const mapped = new TableMapper(
      table,
      file,
      (edition.legacyRows ?? []).filter((l) => l.table === table.id),
    ).map(rows);
    Object.assign(cells, mapped.cells);
    warnings.push(...mapped.warnings);
    notices.push(...mapped.notices);
  }
  for (const c of cellsOf(edition))
    if (!cells[c.key])
      throw new ReportParseError('cell not found', { file, section: c.table.section, row: c.row.label, column: c.column.label });

  if (!title) title = preamble.map((p) => p.trim()).find((p) => /报告/.test(p) && p.length < 80) ?? null;
  const narratives: ParsedNarrative[] = [...narrativeParts.entries()].map(([n, p]) => ({
    section: n,
    heading: p.heading,
    text: (n === 1 ? [...preamble.filter((t) => t.trim() !== title), ...p.lines] : p.lines).join('\n').trim(),
  }));
  const fullText = [title ?? '', ...preamble, ...narratives.map((n) => n.text)].join('\n');
  const period = findPeriod(fullText);
  const year = yearFromTitle(title) ?? yearFromPeriod(period) ?? opts.year ?? null;
  return {
    edition: edition.id,
    year,
    title,
    period,
    publishedOn: doc.publishedOn ?? null,
    format: doc.format,
    cells,
    narratives,
    ...(notices.length ? { notices } : {}),
    warnings,
  };
}

export function yearFromTitle(title: string | null): number | null {
  const m = title && /(20\d{2})\s*年/.exec(title.normalize('NFKC'));
  return m ? Number(m[1]) : null;
}

function findPeriod(text: string): string | null {
  const m = /(20\d{2})\s*年\s*1\s*月\s*1\s*日\s*(?:起\s*)?(?:至|到|-|—)\s*(20\d{2})\s*年\s*12\s*月\s*31\s*日/u.exec(text.normalize('NFKC'));
  return m ? m[0] : null;
}

function yearFromPeriod(period: string | null): number | null {
  const m = period && /(20\d{2})/.exec(period);
  return m ? Number(m[1]) : null;
}
