import ExcelJS from 'exceljs';
import { readFileSync } from 'fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { bearer, logIn } from '../auth/test-accounts';
import { enginesUnderTest } from '../support/test-app';
import { hasChromium, HOOK_TIMEOUT, startBrowserCity, type BrowserCity } from './browser-city';
import { audit, confinedContext, launch, overviewReady, tableText, withToken } from './browser-page';

// The dashboard in a real browser (headless Debian chromium) against a real server on a generated
// 济宁市 (two generated counties): every figure checked is read back from GraphQL with the same viewer's token.
const YEAR = 2024;
const KEY = 'applications.new.total';
const num = (s: string) => (s.trim() === '—' ? null : Number(s.replace(/,/g, '')));

for (const engine of enginesUnderTest()) {
  const absent = engine === 'mysql' && process.env.NIANBAO_TEST_MYSQL !== '1';
  if (!hasChromium)
    console.warn(`dashboard [${engine}]: skipped, /usr/bin/chromium is absent (apt-get install chromium; .ci/run installs it)`);
  if (absent) console.warn(`dashboard [mysql]: skipped, MariaDB not reachable`);
  (absent || !hasChromium ? describe.skip : describe)(`dashboard in a browser [${engine}]`, () => {
    let city: BrowserCity;
    let browser: Browser;
    let context: BrowserContext;
    let page: Page;
    const offsite: string[] = [];
    const gqlAs = async (token: string | null, query: string, variables?: Record<string, unknown>) => {
      const res = await city.app.gql(query, variables, token ? bearer(token) : {});
      expect(res.errors).toBeUndefined();
      return res.data;
    };
    /** Through the login page, as a person does. */
    const signIn = async (name: string, password: string) => {
      await page.goto(`${city.base}/#/login`);
      await page.getByLabel('账号').fill(name);
      await page.getByLabel('密码').fill(password);
      await page.getByRole('button', { name: '登录' }).click();
      await page.locator('[data-me]').waitFor();
    };
    /** The API's token in the page's session: the later tests skip the login page the first one drives. */
    const signInAs = async (account: BrowserCity['city']) => {
      const token = await logIn(city.app, account.user.name, account.password);
      await withToken(context, token);
      return token;
    };
    const kpi = async (id: string) => (await page.locator(`[data-kpi="${id}"] .kpi-value`).textContent())!;

    beforeAll(async () => {
      city = await startBrowserCity(engine, `browser_${engine}`);
      browser = await launch();
    }, HOOK_TIMEOUT);
    beforeEach(async () => {
      context = await confinedContext(browser, city.base, offsite);
      page = await context.newPage();
    });
    afterEach(async () => {
      await context?.close();
      expect(offsite).toEqual([]);
    });
    afterAll(async () => {
      await browser?.close();
      await city?.app.stop();
    }, HOOK_TIMEOUT);

    it('shows an anonymous visitor the published overview, with the figures of the API', async () => {
      await page.goto(`${city.base}/#/overview?region=370800&year=${YEAR}`);
      await overviewReady(page);
      const api = await gqlAs(
        null,
        `{ compliance(regionCode: "370800", year: ${YEAR}) { totals { expected late missing pending } }
        region(code: "370800") { rollup(year: ${YEAR}) { value(key: "${KEY}") } }
        compare(regionCode: "370800", year: ${YEAR}, by: CHILD_REGION, keys: ["${KEY}"]) { label regionCode values { value } } }`,
      );
      const t = api.compliance.totals;
      expect(await kpi('filed')).toBe(`${t.expected - t.missing - t.pending} / ${t.expected}`);
      expect(num(await kpi('late'))).toBe(t.late);
      expect(num(await kpi('missing'))).toBe(t.missing);
      expect(num(await kpi(KEY))).toBe(api.region.rollup.value);
      const table = (await tableText(page, 'county-ranking')).slice(1);
      const shown = new Map(table.map((r) => [r[2], num(r[4])]));
      expect(shown).toEqual(new Map(api.compare.map((r: any) => [r.regionCode, r.values[0].value])));
      expect(await page.locator('.map-panel canvas').count()).toBe(1);
      expect(await audit(page, 'overview-anonymous', engine)).toEqual([]);
    });

    it('lets a city supervisor pick a county on the map, drill to a report with a failing cell and dismiss its finding', async () => {
      await signIn(city.city.user.name, city.city.password);
      const token = await logIn(city.app, city.city.user.name, city.city.password);
      await page.goto(`${city.base}/#/overview?region=370800&year=${YEAR}`);
      await overviewReady(page);
      await page.getByLabel('按地图选择地区').selectOption('370830');
      await page.waitForURL(/region=370830/);
      await page.locator('h2', { hasText: '汶上县' }).waitFor();
      await overviewReady(page);
      const county = await gqlAs(token, `{ region(code: "370830") { rollup(year: ${YEAR}) { value(key: "${KEY}") } } }`);
      expect(num(await kpi(KEY))).toBe(county.region.rollup.value);
      // Drill down: county → agency → its 2020 report, whose seed revision fails a narrative check.
      await page.getByRole('link', { name: '下钻到地区、机关' }).click();
      await page.getByRole('link', { name: '济宁市公共资源交易服务中心汶上分中心' }).click();
      await page.getByRole('link', { name: '2020' }).click();
      await page.locator('td.failing').first().waitFor();
      const { agencies } = await gqlAs(
        token,
        `{ agencies(filter: { nameContains: "汶上分中心" }) { nodes { report(year: 2020) { id findings(status: FAILED) { id rule expected actual cells { key } } } } } }`,
      );
      const report = agencies.nodes[0].report;
      const failingKeys = await page.$$eval('td.failing', (tds) => tds.map((td) => td.getAttribute('data-key')));
      expect(new Set(failingKeys)).toEqual(new Set(report.findings.flatMap((f: any) => f.cells.map((c: any) => c.key))));
      const finding = report.findings.find((f: any) => f.cells.length);
      expect(await page.locator('td.failing').first().getAttribute('title')).toContain(
        `${finding.rule}：应为 ${finding.expected}，实为 ${finding.actual}`,
      );
      expect(await audit(page, 'report-failing', engine)).toEqual([]);
      // Revisions side by side: the sample report's revision 1 against the broken revision 2.
      await page.getByLabel('对比修订').selectOption({ index: 1 });
      await page.locator('td.changed').first().waitFor();
      // Dismiss with a comment, then read the review back from the API.
      await page.getByLabel(`问题 ${finding.id} 的处理意见`).fill('图表重复计数，已核实');
      await page.locator(`[data-finding="${finding.id}"]`).getByRole('button', { name: '驳回' }).click();
      await page.locator(`[data-finding="${finding.id}"] .badge.dismissed`).waitFor();
      const after = await gqlAs(token, `{ report(id: "${report.id}") { findings { id review reviewComment } } }`);
      expect(after.report.findings.find((f: any) => f.id === finding.id)).toMatchObject({
        review: 'DISMISSED',
        reviewComment: '图表重复计数，已核实',
      });
    });

    it('exports a table as CSV and XLSX whose figures and scope read back as the API answers', async () => {
      const token = await signInAs(city.city);
      await page.goto(`${city.base}/#/overview?region=370800&year=${YEAR}`);
      await overviewReady(page);
      const api = await gqlAs(
        token,
        `{ compare(regionCode: "370800", year: ${YEAR}, by: CHILD_REGION, keys: ["${KEY}"]) { regionCode values { value } } }`,
      );
      const expected = new Map(api.compare.map((r: any) => [r.regionCode, r.values[0].value]));
      const save = async (label: string) => {
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.getByRole('button', { name: `下级地区排名：${label}` }).click(),
        ]);
        return readFileSync((await download.path())!);
      };
      const csv = (await save('导出 CSV'))
        .toString('utf8')
        .replace(/^\ufeff/, '')
        .split('\r\n')
        .map((l) => l.split(','));
      expect(csv.find((l) => l[0] === '地区')?.[1]).toBe('济宁市（370800）');
      expect(csv.find((l) => l[0] === '年度')?.[1]).toBe(String(YEAR));
      expect(csv.find((l) => l[0] === '查看范围')?.[1]).toContain(city.city.user.name);
      const header = csv.findIndex((l) => l[0] === '名次');
      expect(
        new Map(
          csv
            .slice(header + 1)
            .filter((l) => l.length > 1)
            .map((l) => [l[2], l[4] === '' ? null : Number(l[4])]),
        ),
      ).toEqual(expected);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await save('导出 XLSX')) as any);
      const rows = (wb.worksheets[0].getSheetValues() as any[]).filter(Boolean).map((r: any[]) => r.slice(1));
      expect(rows.find((r) => r[0] === '指标')?.[1]).toBe(KEY);
      const h = rows.findIndex((r) => r[0] === '名次');
      expect(new Map(rows.slice(h + 1).map((r) => [r[2], r[4] ?? null]))).toEqual(expected);
    });

    it('confines a county supervisor to its county in charts, tables, exports and drill-down', async () => {
      const token = await signInAs(city.county);
      await page.goto(`${city.base}/#/overview`);
      await overviewReady(page);
      await page.locator('h2', { hasText: '汶上县' }).waitFor();
      const own = await gqlAs(token, `{ compliance(regionCode: "370830", year: ${YEAR}) { totals { expected } } }`);
      expect((await kpi('filed')).endsWith(`/ ${own.compliance.totals.expected}`)).toBe(true);
      // The city is out of reach: the API answers no region, and the page says so rather than showing it.
      await page.goto(`${city.base}/#/overview?region=370800&year=${YEAR}`);
      await page.getByRole('alert').waitFor();
      expect(await page.locator('[data-kpi]').count()).toBe(0);
      await page.goto(`${city.base}/#/compliance?region=370800&year=${YEAR}`);
      await page.locator('table[data-table="compliance-rows"]').waitFor();
      const regions = (await tableText(page, 'compliance-rows')).slice(1).map((r) => r[1]);
      const townships = await gqlAs(token, `{ region(code: "370830") { name children { name } } }`);
      const allowed = new Set([townships.region.name, ...townships.region.children.map((c: any) => c.name)]);
      expect(regions.length).toBeGreaterThan(0);
      expect(regions.filter((r) => !allowed.has(r))).toEqual([]);
      expect(await audit(page, 'compliance-county', engine)).toEqual([]);
      await page.goto(`${city.base}/#/findings?region=370830`);
      await page.locator('table[data-table="findings"]').waitFor();
      expect(await audit(page, 'findings-county', engine)).toEqual([]);
    });

    it('is usable from the keyboard: skip link, sortable headers', async () => {
      await page.goto(`${city.base}/#/overview?region=370800&year=${YEAR}`);
      await overviewReady(page);
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('跳到正文');
      const header = page.locator('table[data-table="county-ranking"] th button', { hasText: '代码' });
      await header.focus();
      await page.keyboard.press('Enter');
      const codes = (await tableText(page, 'county-ranking')).slice(1).map((r) => r[2]);
      expect(codes).toEqual([...codes].sort().reverse());
    });
  });
}
