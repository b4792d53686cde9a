import { readFileSync } from 'fs';
import { basename } from 'path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { buildConsistentValues } from '../../src/shared/checks';
import { cellsOf, getEdition } from '../../src/shared/editions';
import { readReport } from '../../src/ingest/report-reader';
import { AUTH_ENV, bearer, createAccount, logIn } from '../auth/test-accounts';
import { enginesUnderTest, startTestApp, type TestApp } from '../support/test-app';
import { agencyIdOf, WENSHANG_AGENCY } from '../workflow/workflow-accounts';
import { hasChromium, HOOK_TIMEOUT } from './browser-city';
import { audit, confinedContext, launch, withToken } from './browser-page';
import { afterChecks, failingInputs, fillCells, findingLine, inputValues, listedFindings, pdfFixture } from './filing-form';

// The filing form in a real browser (issue 13): an agency's clerk fills the official template, sees
// a wrong 总计 fail on its cell as they type, corrects it, submits, and downloads the official DOCX,
// read back here cell for cell; a returned report opens with the comment and the figures; a real
// PDF is uploaded and shown cell by cell beside the page it was read on; a stranger's form is refused.
const EDITION = getEdition('2021');
const YEAR = 2022;
const WRONG_KEY = 'applications.new.total';
const NARRATIVE = '本机关坚持以公开为常态、不公开为例外，依法做好政府信息公开工作。';

for (const engine of enginesUnderTest()) {
  const absent = engine === 'mysql' && process.env.NIANBAO_TEST_MYSQL !== '1';
  if (!hasChromium) console.warn(`filing form [${engine}]: skipped, /usr/bin/chromium is absent`);
  if (absent) console.warn(`filing form [mysql]: skipped, MariaDB not reachable`);
  (absent || !hasChromium ? describe.skip : describe)(`filing form in a browser [${engine}]`, () => {
    let app: TestApp;
    let base: string;
    let browser: Browser;
    let context: BrowserContext;
    let page: Page;
    let agencyId: number;
    let otherAgencyId: number;
    const token = { agency: '', supervisor: '' };
    const offsite: string[] = [];
    const pageErrors: string[] = [];
    const gqlAs = async (who: keyof typeof token, query: string, variables?: Record<string, unknown>) => {
      const res = await app.gql(query, variables, bearer(token[who]));
      expect(res.errors).toBeUndefined();
      return res.data;
    };
    const open = async (query: Record<string, string | number>) => {
      await page.goto(`${base}/#/file?${new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]))}`);
    };
    const formReady = () =>
      page.waitForFunction(
        (n) => document.querySelectorAll('input[data-cell-key]').length === n && Number(document.body.dataset.checksRun ?? 0) > 0,
        cellsOf(EDITION).length,
      );

    beforeAll(async () => {
      app = await startTestApp(engine, `browser_filing_${engine}`, { env: { ...AUTH_ENV, RESPONSE_CACHE: 'off' } });
      base = `http://localhost:${app.server.port}`;
      agencyId = await agencyIdOf(app);
      otherAgencyId = await agencyIdOf(app, '济宁市公共资源交易服务中心');
      const clerk = await createAccount(app, { name: `bf-agency-${engine}`, role: 'AGENCY', agencyId });
      const supervisor = await createAccount(app, { name: `bf-supervisor-${engine}`, role: 'SUPERVISOR', regionCode: '370830' });
      token.agency = await logIn(app, clerk.user.name, clerk.password);
      token.supervisor = await logIn(app, supervisor.user.name, supervisor.password);
      browser = await launch();
    }, HOOK_TIMEOUT);
    beforeEach(async () => {
      context = await confinedContext(browser, base, offsite);
      await withToken(context, token.agency);
      pageErrors.length = 0;
      // Errors of the dashboard's own pages (not of about:blank, where the token's init script also runs).
      context.on('page', (p) => p.on('pageerror', (e) => p.url().startsWith(base) && pageErrors.push(String(e))));
      page = await context.newPage();
    });
    afterEach(async () => {
      await context?.close();
      expect(offsite).toEqual([]);
      expect(pageErrors).toEqual([]);
    });
    afterAll(async () => {
      await browser?.close();
      await app?.stop();
    }, HOOK_TIMEOUT);

    it('marks a wrong 总计 as the clerk types, clears it when corrected, submits, and gives the official DOCX back cell for cell', async () => {
      // A report satisfying every rule, with one amount left blank and one count a real 0 (blank is not zero).
      const typed: Record<string, string> = {
        ...buildConsistentValues(EDITION, 7),
        'active.fees.amount': '',
        'active.coercion.decisions': '0',
      };
      const right = typed[WRONG_KEY];
      const wrong = String(Number(right) + 5);
      await page.goto(`${base}/#/overview`);
      await page.getByRole('link', { name: '填报' }).waitFor();
      await open({ agency: agencyId, year: YEAR });
      await formReady();
      expect(await page.locator('output[data-cell-key="applications.denied.total"][data-derived]').count()).toBe(1);
      await fillCells(page, { ...typed, [WRONG_KEY]: '' });
      await page.locator('textarea[data-narrative-section="1"]').fill(NARRATIVE);

      // The clerk types the 总计 of 本年新收 five too high: the 总计 rule fails, on that cell.
      await afterChecks(page, () => page.locator(`input[data-cell-key="${WRONG_KEY}"]`).fill(wrong));
      const failing = await failingInputs(page);
      expect(failing[WRONG_KEY]?.split(' ')).toContain('APPLICATIONS_APPLICANT_TOTAL');
      const listed = (await listedFindings(page, 'browser-findings')).filter((f) => f.status === 'FAILED');
      const applicantTotal = listed.find((f) => f.rule === 'APPLICATIONS_APPLICANT_TOTAL');
      expect(applicantTotal).toMatchObject({ severity: 'ERROR', expected: right, actual: wrong });
      expect(applicantTotal!.cells).toContain(WRONG_KEY);
      // Every marked input is a cell of a failed finding, and every failed finding's cells are marked.
      expect(Object.keys(failing).sort()).toEqual(
        [...new Set(listed.flatMap((f) => f.cells))].filter((k) => typed[k] !== undefined).sort(),
      );
      const mark = await page.locator(`[data-mark-for="${WRONG_KEY}"][data-rule="APPLICATIONS_APPLICANT_TOTAL"]`).textContent();
      expect(mark).toContain(`应为 ${right}`);
      expect(mark).toContain(`实为 ${wrong}`);
      expect(await audit(page, 'filing-failing-total', engine)).toEqual([]);

      // Corrected: the rule passes, nothing is marked, no failed finding is left.
      await afterChecks(page, () => page.locator(`input[data-cell-key="${WRONG_KEY}"]`).fill(right));
      expect(await failingInputs(page)).toEqual({});
      const browserSide = await listedFindings(page, 'browser-findings');
      expect(browserSide.filter((f) => f.status === 'FAILED')).toEqual([]);
      // The blank amount is open, not failed: said as such (blank is never taken for 0).
      expect(browserSide.find((f) => f.rule === 'BLANK_CELLS')).toMatchObject({ status: 'NOT_ASSESSABLE', cells: ['active.fees.amount'] });

      // Submitted: the server re-checks and its findings are shown; they are the browser's.
      await page.locator('[data-action="submit"]').click();
      await page.locator('[data-testid="report-state"]', { hasText: '已报送，待审核' }).waitFor();
      const serverSide = await listedFindings(page, 'server-findings');
      expect(serverSide.map(findingLine).sort()).toEqual(browserSide.map(findingLine).sort());
      const own = await gqlAs(
        'agency',
        `{ agency(id: "${agencyId}") { report(year: ${YEAR}) { id state narrative(section: 1) cells { key decimal } } } }`,
      );
      const report = own.agency.report;
      expect(report).toMatchObject({ state: 'SUBMITTED', narrative: NARRATIVE });
      const stored = Object.fromEntries(report.cells.map((c: any) => [c.key, c.decimal]));
      for (const c of cellsOf(EDITION))
        expect([c.key, stored[c.key] === null ? '' : Number(stored[c.key])]).toEqual([
          c.key,
          typed[c.key] === '' ? '' : Number(typed[c.key]),
        ]);

      // The official DOCX of the saved revision, read back by the project's own reader: every cell as typed.
      const [docx] = await Promise.all([page.waitForEvent('download'), page.locator('[data-action="download-docx"]').click()]);
      expect(docx.suggestedFilename()).toMatch(/\.docx$/);
      const { parsed } = await readReport(readFileSync((await docx.path())!), { file: docx.suggestedFilename() });
      expect(parsed.edition).toBe(EDITION.id);
      expect(parsed.year).toBe(YEAR);
      const read = Object.fromEntries(
        cellsOf(EDITION).map((c) => [c.key, parsed.cells[c.key]?.value == null ? '' : Number(parsed.cells[c.key].value)]),
      );
      expect(read).toEqual(Object.fromEntries(cellsOf(EDITION).map((c) => [c.key, typed[c.key] === '' ? '' : Number(typed[c.key])])));
      expect(parsed.narratives.find((n) => n.section === 1)?.text).toContain(NARRATIVE);
      const [html] = await Promise.all([page.waitForEvent('download'), page.locator('[data-action="download-html"]').click()]);
      expect(readFileSync((await html.path())!, 'utf8')).toContain(`${WENSHANG_AGENCY}${YEAR}年政府信息公开工作年度报告`);

      // Returned by the supervisor with a comment and a finding: the form opens it with both, and its figures.
      const { report: full } = await gqlAs('agency', `{ report(id: "${report.id}") { findings { id rule } } }`);
      const blank = full.findings.find((f: any) => f.rule === 'BLANK_CELLS');
      await gqlAs(
        'supervisor',
        `mutation { returnReport(id: "${report.id}", comment: "请补填行政事业性收费金额", findingIds: ["${blank.id}"]) { id state } }`,
      );
      await page.close();
      page = await context.newPage();
      await open({ agency: agencyId, year: YEAR, report: report.id });
      await page.locator('[data-testid="report-state"]', { hasText: '已退回，待修改' }).waitFor();
      expect(await page.locator('[data-return-comment]').textContent()).toBe('请补填行政事业性收费金额');
      expect((await listedFindings(page, 'returned-findings')).map((f) => f.rule)).toEqual(['BLANK_CELLS']);
      const loaded = await inputValues(page);
      expect(Object.fromEntries(Object.entries(loaded).map(([k, v]) => [k, v === '' ? '' : Number(v)]))).toEqual(
        Object.fromEntries(cellsOf(EDITION).map((c) => [c.key, typed[c.key] === '' ? '' : Number(typed[c.key])])),
      );
      expect(await page.locator('textarea[data-narrative-section="1"]').inputValue()).toBe(NARRATIVE);

      // Corrected with a reason and filed again: revision 2, submitted, the blank gone.
      await afterChecks(page, () => page.locator('input[data-cell-key="active.fees.amount"]').fill('12.5'));
      expect((await listedFindings(page, 'browser-findings')).some((f) => f.rule === 'BLANK_CELLS')).toBe(false);
      await page.locator('[data-field="reason"]').fill('补填收费金额');
      await page.locator('[data-action="submit"]').click();
      await page.locator('[data-testid="report-state"]', { hasText: '已报送，待审核' }).waitFor();
      const again = await gqlAs(
        'agency',
        `{ agency(id: "${agencyId}") { report(year: ${YEAR}) { revision state reason cell(key: "active.fees.amount") { decimal } } } }`,
      );
      expect(again.agency.report).toEqual({ revision: 2, state: 'SUBMITTED', reason: '补填收费金额', cell: { decimal: '12.5' } });
    });

    it('fills the form from an uploaded PDF, each figure beside the page it was read on, and files the corrected figures', async () => {
      const pdf = pdfFixture();
      const edition = getEdition(pdf.edition);
      await open({ agency: agencyId, year: pdf.year });
      await page.waitForFunction((n) => document.querySelectorAll('input[data-cell-key]').length === n, cellsOf(edition).length);
      await afterChecks(page, () => page.locator('input[data-action="upload"]').setInputFiles(pdf.file));
      await page.locator('[data-testid="preview"]').waitFor();

      // Every cell as the truth file says (read by eye), a blank left blank.
      const values = await inputValues(page);
      expect(Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v === '' ? null : Number(v)]))).toEqual(pdf.values);
      // Beside each read figure its page and position: the places the server's reader gave.
      const { previewReport } = await gqlAs(
        'agency',
        `mutation($input: PreviewReportInput!) { previewReport(input: $input) { cells { key value source { page } } } }`,
        {
          input: {
            agencyId: String(agencyId),
            year: pdf.year,
            fileName: basename(pdf.file),
            contentBase64: readFileSync(pdf.file).toString('base64'),
          },
        },
      );
      const shown = await page.$$eval('[data-source-for]', (els) =>
        Object.fromEntries(els.map((e) => [(e as HTMLElement).dataset.sourceFor!, e.textContent ?? ''])),
      );
      const withPage = previewReport.cells.filter((c: any) => c.value !== null && c.source?.page);
      // Every figure the fixture in use prints has its page (a threshold of the fixture itself: the fallback prints fewer).
      const printed = Object.keys(pdf.values).filter((k) => pdf.values[k] !== null);
      expect(printed.length).toBeGreaterThan(0);
      expect(
        withPage
          .map((c: any) => c.key)
          .filter((k: string) => k in pdf.values)
          .sort(),
      ).toEqual(printed.sort());
      for (const c of withPage)
        expect([c.key, shown[c.key]?.match(/^第(\d+)页 \(\d+, \d+\)/)?.[1]]).toEqual([c.key, String(c.source.page)]);
      expect(await audit(page, 'filing-upload', engine)).toEqual([]);

      // The clerk corrects one figure and files the figures: stored as shown, the correction included.
      const key = cellsOf(edition)[0].key;
      await afterChecks(page, () => page.locator(`input[data-cell-key="${key}"]`).fill(String((pdf.values[key] ?? 0) + 1)));
      await page.locator('[data-action="save-draft"]').click();
      await page.locator('[data-testid="report-state"]', { hasText: '草稿' }).waitFor();
      const own = await gqlAs('agency', `{ agency(id: "${agencyId}") { report(year: ${pdf.year}) { state cells { key decimal } } } }`);
      expect(own.agency.report.state).toBe('DRAFT');
      const stored = Object.fromEntries(
        own.agency.report.cells
          .filter((c: any) => c.key in pdf.values)
          .map((c: any) => [c.key, c.decimal === null ? null : Number(c.decimal)]),
      );
      expect(stored).toEqual({ ...pdf.values, [key]: (pdf.values[key] ?? 0) + 1 });
    });

    it("refuses an agency editor another agency's form: FORBIDDEN, and no figures", async () => {
      await open({ agency: otherAgencyId, year: YEAR });
      const error = page.locator('[data-testid="filing-error"]');
      await error.waitFor();
      expect(await error.getAttribute('data-code')).toBe('FORBIDDEN');
      expect(await page.locator('input[data-cell-key], textarea[data-narrative-section]').count()).toBe(0);
      // The same page for its own agency is the form (the refusal is about the agency, not the page).
      await open({ agency: agencyId, year: YEAR });
      await formReady();
      expect(await page.locator('[data-testid="filing-error"]').count()).toBe(0);
    });
  });
}
