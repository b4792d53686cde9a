import { readFileSync } from 'fs';
import { join } from 'path';
import type { Page } from 'playwright-core';
import { existsHere, FIXTURES_DIR } from '../support/shared';

/**
 * Driving the filing form (web/src/pages/filing-page.vue) by its DOM contract: inputs by
 * data-cell-key, findings as li attributes, document.body.dataset.checksRun counting finished runs
 * of the checks.
 */
export interface ListedFinding {
  rule: string;
  status: string;
  severity: string;
  cells: string[];
  expected: string;
  actual: string;
}

export const checksRun = (page: Page): Promise<number> => page.evaluate(() => Number(document.body.dataset.checksRun ?? 0));

/** Runs `act`, then waits until the checks have finished at least once more. */
export async function afterChecks(page: Page, act: () => Promise<unknown>): Promise<void> {
  const before = await checksRun(page);
  await act();
  await page.waitForFunction((n) => Number(document.body.dataset.checksRun ?? 0) > n, before, { timeout: 15_000 });
}

/** Sets many inputs at once as a script would (value, then an input event each): one run of the checks follows. */
export function fillCells(page: Page, values: Record<string, string>): Promise<void> {
  return afterChecks(page, () =>
    page.evaluate((vs) => {
      for (const [key, value] of Object.entries(vs)) {
        const input = document.querySelector<HTMLInputElement>(`input[data-cell-key="${key}"]`);
        if (!input) throw new Error(`no input for ${key}`);
        input.value = value;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }
    }, values),
  );
}

/** The findings of one list (browser-findings, server-findings, returned-findings), as its li say them. */
export function listedFindings(page: Page, testid: string): Promise<ListedFinding[]> {
  return page.$$eval(`ul[data-testid="${testid}"] li`, (lis) =>
    lis.map((li) => {
      const d = (li as HTMLElement).dataset;
      return {
        rule: d.rule!,
        status: d.status!,
        severity: d.severity!,
        cells: d.cells ? d.cells.split(' ') : [],
        expected: d.expected!,
        actual: d.actual!,
      };
    }),
  );
}

/** Every input's text by cell key. */
export function inputValues(page: Page): Promise<Record<string, string>> {
  return page.$$eval('input[data-cell-key]', (inputs) =>
    Object.fromEntries(inputs.map((i) => [(i as HTMLInputElement).dataset.cellKey!, (i as HTMLInputElement).value])),
  );
}

/** data-failing of every input that has one, by key. */
export function failingInputs(page: Page): Promise<Record<string, string>> {
  return page.$$eval('input[data-cell-key][data-failing]', (inputs) =>
    Object.fromEntries(inputs.map((i) => [(i as HTMLElement).dataset.cellKey!, (i as HTMLElement).dataset.failing!])),
  );
}

/** A finding as a comparable line: rule, status, sorted cells, expected and actual. */
export const findingLine = (f: ListedFinding) => `${f.rule} ${f.status} [${f.cells.join(' ')}] ${f.expected} ${f.actual}`;

export interface PdfFixture {
  file: string;
  year: number;
  edition: string;
  values: Record<string, number | null>;
}

/**
 * A PDF whose every cell is known: the real 淮安市 2024 report of ../shared/fixtures when it is
 * beside the checkout, else the real 上海市 2019 page printed to PDF by Chromium (tests/fixtures/derived),
 * both read 100% by the PDF reader's own tests.
 */
export function pdfFixture(): PdfFixture {
  const shared = join(FIXTURES_DIR, 'huaian-2024.pdf');
  if (existsHere(shared)) {
    const truth = JSON.parse(readFileSync(join(FIXTURES_DIR, 'huaian-2024.truth.json'), 'utf8'));
    return { file: shared, year: truth.year, edition: truth.edition, values: truth.values };
  }
  const truth = JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'real', 'shanghai-2019.truth.json'), 'utf8'));
  return {
    file: join(__dirname, '..', 'fixtures', 'derived', 'chromium-pdf', 'shanghai-2019.a4-header.pdf'),
    year: truth.year,
    edition: truth.edition,
    values: truth.values,
  };
}
