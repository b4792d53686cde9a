import type { Page } from 'playwright-core';
import { buildConsistentValues, checkReport, expandRules, type Finding } from '../../src/shared/checks';
import { SeededRandom } from '../../src/shared/seeded-random';
import { cellKey, cellsOf, derivedParts, editionForYear, tableOf, type EditionDef } from '../../src/shared/editions';
import { Prng } from '../../src/generator/prng';
import { ownReport, planFor, valueText } from '../../src/generator/values';
import type { ParsedReport } from '../../src/shared/parsed-report';

/** Report years per edition the property test files under (2019 edition 2019–2020, 2021 edition onwards). */
export const YEARS: Record<string, number[]> = { '2019': [2019, 2020], '2021': [2021, 2022, 2023] };
/**
 * The carry-over reports: filed for CARRY_YEAR by the even years' agency, whose CARRY_YEAR - 1
 * report is filed once before and never touched again (no other report of it is adjacent).
 */
export const CARRY_YEAR = 2025;

export type Values = Record<string, string | null>;
export interface NarrativeText {
  section: number;
  text: string;
}

/** One generated report: consistent figures broken at random, reproducible from `seed` alone. */
export interface GeneratedReport {
  seed: number;
  edition: EditionDef;
  year: number;
  /** Which of the test's two agencies files it (by year parity: adjacent years never share one). */
  filer: number;
  values: Values;
  /** Last year's figures on file for the same agency, when the carry-over rule applies. */
  previous?: Values;
  narratives: NarrativeText[];
  /** What was done to the figures, for the failure message. */
  breaks: string[];
}

export const BREAK_KINDS = ['total_off', 'part_changed', 'blank', 'derived_mismatch', 'derived_shift', 'unit', 'narrative_off'] as const;
type BreakKind = (typeof BREAK_KINDS)[number];

const shifted = (v: string | null, delta: number) => (v === null ? String(Math.abs(delta)) : String(Math.max(0, Number(v) + delta)));
const isCount = (v: string | null) => v !== null && /^\d+$/.test(v);

/** The edition's equation cells by table: 总计 cells (left of a sum) and the parts they sum. */
function ruleCells(edition: EditionDef): Array<{ totals: string[]; parts: string[] }> {
  const sums = expandRules(edition).filter((r) => r.kind !== 'balance');
  return [...new Set(sums.map((r) => r.table))].map((t) => {
    const of = sums.filter((r) => r.table === t);
    return { totals: [...new Set(of.map((r) => r.left[0]))], parts: [...new Set(of.flatMap((r) => r.right))] };
  });
}

/** Base figures from the project's generators: a generated agency's own report (zeros sometimes blank), or a fully filled consistent one. */
function baseValues(edition: EditionDef, seed: number, random: SeededRandom): Values {
  if (random.chance(0.3)) return buildConsistentValues(edition, seed);
  const plan = planFor(edition);
  const own = ownReport(plan, new Prng(seed), random.int(1, 80), null, random.chance(0.2));
  return Object.fromEntries(cellsOf(edition).map((c) => [c.key, valueText(plan, c.key, own.values.get(c.key) ?? null)]));
}

/**
 * Section 一 restating table figures the way reports do (the statements src/shared/checks/narrative.check.ts
 * reads), from the figures before they were broken, so a broken table also contradicts the text.
 */
function narrativeOf(v: Values, random: SeededRandom, off: boolean): NarrativeText[] {
  const n = (k: string) => (isCount(v[k]) ? Number(v[k]) : random.int(0, 9));
  const wrong = (x: number) => (off && random.chance(0.5) ? x + random.int(1, 9) : x);
  const web = random.int(0, 300);
  const media = random.int(0, 300);
  const stated = off ? web + media + random.int(-20, 20) : web + media;
  const lastChannel = random.chance(0.5) ? '政务新媒体' : '其他渠道';
  const text = [
    `本年度共收到政府信息公开申请${wrong(n('applications.new.total'))}件，办结${wrong(n('applications.processed_total.total'))}件。`,
    `全年主动公开政府信息${Math.max(0, stated)}条，其中门户网站公开${web}条、${lastChannel}公开${media}条。`,
    `因政府信息公开工作被申请行政复议${wrong(n('review.total'))}起，行政诉讼${wrong(n('litigation_direct.total') + n('litigation_after_review.total'))}起。`,
  ].join('');
  return [
    { section: 1, text },
    { section: 5, text: '存在的主要问题是信息更新不够及时，下一步将加强培训。' },
    { section: 6, text: random.chance(0.5) ? '本年度未收取信息处理费。' : '无。' },
  ];
}

function applyBreak(kind: BreakKind, edition: EditionDef, v: Values, random: SeededRandom): string {
  const keys = cellsOf(edition);
  // A table first: section 四's few cells are as likely a target as section 三's many.
  const { totals, parts } = random.pick(ruleCells(edition));
  const delta = () => (random.chance(0.5) ? 1 : -1) * random.int(1, 20);
  switch (kind) {
    case 'total_off':
    case 'part_changed': {
      const key = random.pick(kind === 'total_off' ? totals : parts);
      const was = v[key];
      v[key] = shifted(was, delta());
      return `${kind} ${key}: ${was} → ${v[key]}`;
    }
    case 'blank': {
      const key = random.pick(keys).key;
      const was = v[key];
      v[key] = null;
      return `blank ${key} (was ${was})`;
    }
    case 'derived_mismatch':
    case 'derived_shift': {
      // A reason row of a derived group (不予公开 …): changed alone the group no longer feeds （七）总计; moved within the group it still does.
      const groups = [...derivedParts(edition).entries()].filter(([, ps]) => ps.filter((p) => v[p] !== undefined).length >= 2);
      const [derived, ps] = random.pick(groups);
      const stored = ps.filter((p) => v[p] !== undefined);
      const from = random.pick(stored);
      const k = random.int(1, 5);
      if (kind === 'derived_mismatch') {
        const was = v[from];
        v[from] = shifted(was, k);
        return `derived_mismatch ${derived} via ${from}: ${was} → ${v[from]}`;
      }
      const to = random.pick(stored.filter((p) => p !== from));
      const moved = isCount(v[from]) ? Math.min(k, Number(v[from])) : 0;
      if (isCount(v[from]) && isCount(v[to])) {
        v[from] = String(Number(v[from]) - moved);
        v[to] = String(Number(v[to]) + moved);
      }
      return `derived_shift ${derived}: ${moved} from ${from} to ${to}`;
    }
    case 'unit': {
      const cell = random.pick(keys);
      const was = v[cell.key];
      if (cell.unit === 'wan_yuan') v[cell.key] = `-${random.int(1, 999)}.${random.int(10, 99)}`;
      else if (cell.unit === 'signed_count') v[cell.key] = `${random.int(-9, 9)}.5`;
      else v[cell.key] = random.chance(0.5) ? `-${random.int(1, 30)}` : `${random.int(0, 30)}.${random.int(1, 9)}`;
      return `unit ${cell.key}: ${was} → ${v[cell.key]}`;
    }
    case 'narrative_off':
      return 'narrative_off';
  }
}

/** One report from its seed: base figures, 0–4 breaks (a tenth clean), the narrative. */
export function generateReport(edition: EditionDef, seed: number, atYear?: number): GeneratedReport {
  const random = new SeededRandom(seed);
  const year = atYear ?? random.pick(YEARS[edition.id]);
  if (editionForYear(year).id !== edition.id) throw new Error(`year ${year} is not edition ${edition.id}'s`);
  const values = baseValues(edition, seed, random);
  const before = { ...values };
  const count = random.chance(0.1) ? 0 : random.int(1, 4);
  const kinds = Array.from({ length: count }, () => random.pick(BREAK_KINDS));
  const breaks = kinds.map((k) => applyBreak(k, edition, values, random));
  return { seed, edition, year, filer: year % 2, values, narratives: narrativeOf(before, random, kinds.includes('narrative_off')), breaks };
}

/**
 * Reports of CARRY_YEAR after `previous`: each column of this year's carried-over row mostly taken
 * from last year's carried-forward row (a match), sometimes left as generated (a mismatch or a blank).
 */
export function carryReports(edition: EditionDef, previous: Values, baseSeed: number, n: number): GeneratedReport[] {
  return Array.from({ length: n }, (_, i) => {
    const r = generateReport(edition, baseSeed + i, CARRY_YEAR);
    const random = new SeededRandom(r.seed ^ 0x5eed);
    for (const pair of edition.carryOver) {
      const table = tableOf(edition, pair.table);
      for (const col of table.blocks[0].columns)
        if (random.chance(0.7)) r.values[cellKey(table, pair.to, col.key)] = previous[cellKey(table, pair.from, col.key)] ?? null;
    }
    return { ...r, filer: 0, previous, breaks: [...r.breaks, 'carry-over row mostly from last year'] };
  });
}

/** `perEdition` reports of each edition, seeds baseSeed, baseSeed+1, … */
export function generateReports(editions: EditionDef[], baseSeed: number, perEdition: number): GeneratedReport[] {
  let seed = baseSeed;
  return editions.flatMap((e) => Array.from({ length: perEdition }, () => generateReport(e, seed++)));
}

/** The comparison key of a finding: rule, severity, status, its cells sorted, expected, actual. */
export interface FindingShape {
  rule: string;
  severity: string;
  status: string;
  cells: string[];
  expected: number | null;
  actual: number | null;
}

const num = (x: number | string | null | undefined): string => (x === null || x === undefined || x === '' ? '' : String(Number(x)));
export const tupleOf = (f: FindingShape) =>
  [f.rule, f.severity.toUpperCase(), f.status.toUpperCase(), [...f.cells].sort().join(' '), num(f.expected), num(f.actual)].join('|');
export const tuples = (fs: FindingShape[]) => fs.map(tupleOf).sort();

/** What is in one list and not the other, counting repeats. */
export function multisetDiff(a: string[], b: string[]): { only: string[]; missing: string[] } {
  const rest = [...b];
  const only: string[] = [];
  for (const x of a) {
    const i = rest.indexOf(x);
    if (i < 0) only.push(x);
    else rest.splice(i, 1);
  }
  return { only, missing: rest };
}

export const SUBMIT_FIGURES = `mutation($input: SubmitFiguresInput!) { submitFigures(input: $input) {
  report { id state revision } findings { rule severity status cells { key value } expected actual } } }`;

/** submitFigures input of a generated report: every cell (null = blank) and the narrative sections. */
export function figuresInput(r: GeneratedReport, agencyId: number) {
  return {
    agencyId: String(agencyId),
    year: r.year,
    edition: r.edition.id,
    cells: cellsOf(r.edition).map((c) => ({ key: c.key, value: r.values[c.key] ?? null })),
    narratives: r.narratives,
    draft: true,
  };
}

export interface ServerFinding {
  rule: string;
  severity: string;
  status: string;
  cells: Array<{ key: string }>;
  expected: number | null;
  actual: number | null;
}
export const serverShape = (f: ServerFinding): FindingShape => ({ ...f, cells: f.cells.map((c) => c.key) });

/** The shared check module run here on the same figures, as submitFigures builds them: what both sides should answer. */
export function referenceFindings(r: GeneratedReport): Finding[] {
  const cells: ParsedReport['cells'] = {};
  for (const c of cellsOf(r.edition))
    cells[c.key] = { value: r.values[c.key] ?? null, raw: r.values[c.key] ?? '', location: { file: 'property' }, source: null };
  const narratives = r.narratives.map((n) => ({
    section: n.section,
    heading: r.edition.sections.find((s) => s.number === n.section)?.heading ?? '',
    text: n.text,
  }));
  const parsed: ParsedReport = {
    edition: r.edition.id,
    year: r.year,
    title: null,
    period: null,
    publishedOn: null,
    format: 'text',
    cells,
    narratives,
    warnings: [],
  };
  return checkReport(parsed, { importYear: r.year, previous: r.previous });
}
export const referenceShape = (f: Finding): FindingShape => ({ ...f, cells: f.cells.map((c) => c.key) });

// ---- the form (DOM contract of issue 13) ----

/** Waits for the filing form of an edition to stand: one input per figure cell and a first checks run. */
export async function formReady(page: Page, edition: EditionDef): Promise<void> {
  const count = cellsOf(edition).length;
  await page.waitForFunction(
    (n) => document.querySelectorAll('input[data-cell-key]').length === n && document.body.dataset.checksRun !== undefined,
    count,
    { timeout: 30_000 },
  );
}

/** The form's figure inputs, derived outputs and narrative sections, by key. */
export function formLayout(page: Page): Promise<{ inputs: string[]; derived: string[]; narratives: number[] }> {
  return page.evaluate(() => ({
    inputs: Array.from(document.querySelectorAll<HTMLInputElement>('input[data-cell-key]')).map((e) => e.dataset.cellKey!),
    derived: Array.from(document.querySelectorAll<HTMLOutputElement>('output[data-cell-key][data-derived]')).map((e) => e.dataset.cellKey!),
    narratives: Array.from(document.querySelectorAll<HTMLTextAreaElement>('textarea[data-narrative-section]')).map((e) =>
      Number(e.dataset.narrativeSection),
    ),
  }));
}

/**
 * Types a whole report in one go, as a clerk's keystrokes would end (value set, input event), then
 * waits for the checks to have run after it and the page to stop re-running them.
 */
export async function fillForm(page: Page, r: GeneratedReport): Promise<void> {
  const before = await page.evaluate(
    ({ values, narratives }) => {
      const runs = Number(document.body.dataset.checksRun ?? 0);
      const set = (el: HTMLInputElement | HTMLTextAreaElement, value: string) => {
        el.value = value;
        el.dispatchEvent(new Event('input', { bubbles: true }));
      };
      for (const el of Array.from(document.querySelectorAll<HTMLInputElement>('input[data-cell-key]')))
        set(el, values[el.dataset.cellKey!] ?? '');
      for (const el of Array.from(document.querySelectorAll<HTMLTextAreaElement>('textarea[data-narrative-section]')))
        set(el, narratives.find((n) => n.section === Number(el.dataset.narrativeSection))?.text ?? '');
      return runs;
    },
    { values: r.values, narratives: r.narratives },
  );
  await page.waitForFunction((n) => Number(document.body.dataset.checksRun ?? 0) > n, before, { timeout: 10_000 });
  // Settled: no further run across two frames (a debounced re-run would show here).
  await page.waitForFunction(
    () =>
      new Promise<boolean>((done) => {
        const at = document.body.dataset.checksRun;
        requestAnimationFrame(() => setTimeout(() => requestAnimationFrame(() => done(document.body.dataset.checksRun === at)), 30));
      }),
    null,
    { timeout: 10_000 },
  );
}

export interface ListedFinding extends FindingShape {
  /** data-cells as the page wrote it (the contract says sorted). */
  cellsAttr: string;
}

/** The findings a list shows (browser-findings or server-findings), from the li attributes. */
export function listedFindings(page: Page, list: 'browser-findings' | 'server-findings'): Promise<ListedFinding[]> {
  return page.$$eval(`ul[data-testid="${list}"] li`, (lis) =>
    lis.map((li) => {
      const d = (li as HTMLElement).dataset;
      const nullable = (s: string | undefined) => (s === undefined || s === '' ? null : Number(s));
      return {
        rule: d.rule ?? '',
        severity: d.severity ?? '',
        status: d.status ?? '',
        cells: (d.cells ?? '').split(' ').filter(Boolean),
        cellsAttr: d.cells ?? '',
        expected: nullable(d.expected),
        actual: nullable(d.actual),
      };
    }),
  );
}

/** Inputs marked failing, key → its rules sorted. */
export function failingMarks(page: Page): Promise<Record<string, string>> {
  return page.$$eval('input[data-cell-key][data-failing]', (els) =>
    Object.fromEntries(
      els
        .map((e) => [
          (e as HTMLElement).dataset.cellKey!,
          [...new Set(((e as HTMLElement).dataset.failing ?? '').split(/\s+/).filter(Boolean))].sort().join(' '),
        ])
        .filter(([, rules]) => rules !== ''),
    ),
  );
}

/** The marks the contract asks for: every cell of a FAILED finding carries its rule. */
export function expectedMarks(findings: FindingShape[], inputs: Set<string>): Record<string, string> {
  const by = new Map<string, Set<string>>();
  for (const f of findings) {
    if (f.status.toUpperCase() !== 'FAILED') continue;
    for (const k of f.cells) if (inputs.has(k)) by.set(k, (by.get(k) ?? new Set()).add(f.rule));
  }
  return Object.fromEntries([...by].map(([k, rules]) => [k, [...rules].sort().join(' ')]));
}

/** Derived outputs as shown, and what they must show where every part is a whole number (the exact sum). */
export async function derivedShown(
  page: Page,
  r: GeneratedReport,
): Promise<{ shown: Record<string, string>; expected: Record<string, string> }> {
  const parts = derivedParts(r.edition);
  const all = await page.$$eval('output[data-cell-key][data-derived]', (els) =>
    Object.fromEntries(els.map((e) => [(e as HTMLElement).dataset.cellKey!, (e.textContent ?? '').replace(/[,\s]/g, '')])),
  );
  const shown: Record<string, string> = {};
  const expected: Record<string, string> = {};
  for (const [key, ps] of parts) {
    const stored = ps.filter((p) => p in r.values);
    // Not shown: a one-row group (the layout check requires every summing one); not whole numbers: no sum asserted.
    if (!(key in all) || !stored.every((p) => isCount(r.values[p]))) continue;
    expected[key] = String(stored.reduce((s, p) => s + Number(r.values[p]), 0));
    shown[key] = all[key];
  }
  return { shown, expected };
}
