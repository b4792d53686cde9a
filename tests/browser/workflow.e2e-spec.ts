import { readFileSync } from 'fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { SEED_REPORT } from '../../seeds/seed';
import { AUTH_ENV, bearer, createAccount, logIn, type TestAccount } from '../auth/test-accounts';
import { enginesUnderTest, startTestApp, type TestApp } from '../support/test-app';
import { agencyIdOf } from '../workflow/workflow-accounts';
import { brokenSeed, hasChromium, HOOK_TIMEOUT } from './browser-city';
import { audit, confinedContext, launch, withToken } from './browser-page';

// The filing workflow in a real browser: an agency files through the API, the county's supervisor
// returns the report on its page (a comment and a finding to fix), accepts and publishes the
// correction; every state and comment the page shows is read back from GraphQL. No generated city:
// the seed agencies and the sample report are all this needs.
const SUBMIT = `mutation($input: SubmitReportInput!) { submitReport(input: $input) { report { id state revision } findings { id rule message cells { key } } } }`;
const STATE = (id: string) => `{ report(id: "${id}") { id state returnComment returnedFindings { id } } }`;

for (const engine of enginesUnderTest()) {
  const absent = engine === 'mysql' && process.env.NIANBAO_TEST_MYSQL !== '1';
  if (!hasChromium)
    console.warn(`workflow [${engine}]: skipped, /usr/bin/chromium is absent (apt-get install chromium; .ci/run installs it)`);
  if (absent) console.warn(`workflow [mysql]: skipped, MariaDB not reachable`);
  (absent || !hasChromium ? describe.skip : describe)(`filing workflow in a browser [${engine}]`, () => {
    let app: TestApp;
    let base: string;
    let browser: Browser;
    let context: BrowserContext;
    let page: Page;
    let agencyId: number;
    let agency: TestAccount;
    let supervisor: TestAccount;
    const token: Record<'agency' | 'supervisor', string> = { agency: '', supervisor: '' };
    const offsite: string[] = [];
    const gqlAs = async (who: keyof typeof token, query: string, variables?: Record<string, unknown>) => {
      const res = await app.gql(query, variables, bearer(token[who]));
      expect(res.errors).toBeUndefined();
      return res.data;
    };
    const file = (bytes: Buffer, extra: Record<string, unknown> = {}) => ({
      agencyId: String(agencyId),
      year: 2020,
      fileName: 'wenshang-2020.txt',
      contentBase64: bytes.toString('base64'),
      ...extra,
    });
    const state = () => page.locator('[data-state]').textContent();

    beforeAll(async () => {
      app = await startTestApp(engine, `browser_workflow_${engine}`, { env: { ...AUTH_ENV, RESPONSE_CACHE: 'off' } });
      base = `http://localhost:${app.server.port}`;
      agencyId = await agencyIdOf(app);
      agency = await createAccount(app, { name: `bw-agency-${engine}`, role: 'AGENCY', agencyId });
      supervisor = await createAccount(app, { name: `bw-supervisor-${engine}`, role: 'SUPERVISOR', regionCode: '370830' });
      token.agency = await logIn(app, agency.user.name, agency.password);
      token.supervisor = await logIn(app, supervisor.user.name, supervisor.password);
      browser = await launch();
    }, HOOK_TIMEOUT);
    beforeEach(async () => {
      context = await confinedContext(browser, base, offsite);
      page = await context.newPage();
    });
    afterEach(async () => {
      await context?.close();
      expect(offsite).toEqual([]);
    });
    afterAll(async () => {
      await browser?.close();
      await app?.stop();
    }, HOOK_TIMEOUT);

    it('lets the supervisor return a submitted report with a comment and a finding, which its agency then reads', async () => {
      // The agency files the sample report with one figure broken (行政复议 结果维持 0 → 3): findings come back.
      const { submitReport } = await gqlAs('agency', SUBMIT, { input: file(brokenSeed()) });
      expect(submitReport.report.state).toBe('SUBMITTED');
      const id: string = submitReport.report.id;
      const finding = submitReport.findings.find((f: any) => f.cells.some((c: any) => c.key.startsWith('review.')));
      expect(finding).toBeDefined();

      // The supervisor signs in on the login page and opens the report.
      await page.goto(`${base}/#/login`);
      await page.getByLabel('账号').fill(supervisor.user.name);
      await page.getByLabel('密码').fill(supervisor.password);
      await page.getByRole('button', { name: '登录' }).click();
      await page.locator('[data-me]').waitFor();
      await page.goto(`${base}/#/report?id=${id}`);
      await page.locator('[data-state]').waitFor();
      expect(await state()).toBe('已报送，待审核');

      // From the keyboard: the button opens the dialog with the comment focused; no comment, no return.
      await page.getByRole('button', { name: '退回修改…' }).focus();
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog', { name: '退回报告' });
      await dialog.waitFor();
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
      expect(await dialog.getByRole('button', { name: '确认退回' }).isDisabled()).toBe(true);
      await page.keyboard.type('第四部分行政复议数字有误，请核对后重报');
      const box = dialog.locator(`input[type="checkbox"][value="${finding.id}"]`);
      expect(await box.evaluate((b) => b.closest('label')?.textContent)).toContain(finding.rule);
      await box.focus();
      await page.keyboard.press('Space');
      expect(await box.isChecked()).toBe(true);
      expect(await audit(page, 'workflow-return-dialog', engine)).toEqual([]);
      await dialog.getByRole('button', { name: '确认退回' }).click();
      await page.locator('[data-state]', { hasText: '已退回，待修改' }).waitFor();
      expect(await page.locator('[data-return-comment]').textContent()).toBe('第四部分行政复议数字有误，请核对后重报');
      expect(await page.locator(`[data-returned-finding="${finding.id}"]`).count()).toBe(1);
      expect(await page.getByRole('button', { name: '退回修改…' }).count()).toBe(0);

      // The API answers what the page did, for the supervisor and for the agency.
      const back = {
        id,
        state: 'RETURNED',
        returnComment: '第四部分行政复议数字有误，请核对后重报',
        returnedFindings: [{ id: finding.id }],
      };
      expect((await gqlAs('supervisor', STATE(id))).report).toEqual(back);
      expect((await gqlAs('agency', STATE(id))).report).toEqual(back);

      // The agency editor's own page ("本机关报告") shows the state, the comment and the finding to fix.
      await context.close();
      context = await confinedContext(browser, base, offsite);
      await withToken(context, token.agency);
      page = await context.newPage();
      await page.goto(`${base}/#/overview`);
      await page.getByRole('link', { name: '本机关报告' }).click();
      const returned = page.locator(`[data-returned-report="${id}"]`);
      await returned.waitFor();
      expect(await returned.locator('[data-return-comment]').textContent()).toBe(back.returnComment);
      expect(await returned.locator(`[data-returned-finding="${finding.id}"]`).textContent()).toContain(finding.message);
      const own = await gqlAs('agency', `{ agency(id: "${agencyId}") { reports { id state returnComment } } }`);
      expect(own.agency.reports).toContainEqual({ id, state: 'RETURNED', returnComment: back.returnComment });
      const row = page.locator('table[data-table="agency-reports"] tr', { has: page.locator(`a[href="#/report?id=${id}"]`) });
      expect(await row.locator('td[data-key="state"]').textContent()).toBe('已退回，待修改');
      expect(await row.locator('td[data-key="returnComment"]').textContent()).toBe(back.returnComment);
      expect(await audit(page, 'workflow-agency-own', engine)).toEqual([]);
    });

    it('shows the API refusal when the state moved under the page, then accepts and publishes the correction', async () => {
      await withToken(context, token.supervisor);
      // The agency corrects (the sample report as filed, with a reason): revision 2, SUBMITTED.
      const { submitReport } = await gqlAs('agency', SUBMIT, {
        input: file(readFileSync(SEED_REPORT), { fileName: 'wenshang-2020-fixed.txt', reason: '更正行政复议数字' }),
      });
      expect(submitReport.report).toMatchObject({ state: 'SUBMITTED', revision: 2 });
      const id: string = submitReport.report.id;
      await page.goto(`${base}/#/report?id=${id}`);
      await page.locator('[data-state]', { hasText: '已报送，待审核' }).waitFor();
      // Accepted elsewhere (another supervisor's tab) while this page still shows it SUBMITTED.
      await gqlAs('supervisor', `mutation { acceptReport(id: "${id}") { id state } }`);
      await page.getByRole('button', { name: '审核通过' }).click();
      const alert = page.locator('[data-workflow-error]');
      await alert.waitFor();
      expect(await alert.textContent()).toContain('CONFLICT');
      expect(await alert.getAttribute('role')).toBe('alert');
      // Reloaded, the page shows it accepted and offers to publish it.
      await page.reload();
      await page.locator('[data-state]', { hasText: '审核通过，待发布' }).waitFor();
      await page.getByRole('button', { name: '发布' }).click();
      await page.locator('[data-state]', { hasText: '已发布' }).waitFor();
      expect((await gqlAs('supervisor', STATE(id))).report.state).toBe('PUBLISHED');
      expect((await app.gql(`{ report(id: "${id}") { id state } }`)).data.report).toEqual({ id, state: 'PUBLISHED' });
    });
  });
}
