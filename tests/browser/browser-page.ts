import { mkdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { Engine } from '../../src/data/engine';
import { enginesUnderTest } from '../support/test-app';
import { CHROMIUM } from './browser-city';

export const ARTIFACTS = join(__dirname, 'artifacts');
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A context whose every request outside `base` is refused and recorded: the test asserts none happened. */
export async function confinedContext(browser: Browser, base: string, offsite: string[]): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true, locale: 'zh-CN' });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(`${base}/`) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    offsite.push(url);
    return route.abort();
  });
  return context;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** axe-core's serious and critical violations on the page as it stands (rule id and the first target). */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE });
  const result = await page.evaluate(async () => (window as any).axe.run(document, { runOnly: ['wcag2a', 'wcag2aa'] }));
  return result.violations
    .filter((v: any) => v.impact === 'serious' || v.impact === 'critical')
    .map((v: any) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`);
}

/** The text of every cell of a table (by its data-table name), row by row, header first. */
export function tableText(page: Page, name: string): Promise<string[][]> {
  return page.$$eval(`table[data-table="${name}"] tr`, (trs) =>
    trs.map((tr) => Array.from(tr.querySelectorAll('th,td')).map((c) => (c.textContent ?? '').replace(/[▲▼]/g, '').trim())),
  );
}

/** Signs the context in as the dashboard does after a login (the token in sessionStorage), without the login page. */
export async function withToken(context: BrowserContext, token: string): Promise<void> {
  await context.addInitScript((t) => sessionStorage.setItem('nianbao.token', t), token);
}

/** Waits for the overview to be drawn: KPIs, map and charts (the marker web/src/pages/overview-page.vue sets). */
export function overviewReady(page: Page): Promise<unknown> {
  return page.waitForFunction(() => document.body.dataset.ready === 'overview', null, { timeout: 30_000 });
}

/**
 * A screenshot and axe-core's serious and critical violations, on the first engine of the run only:
 * both engines serve the same generated data, so the pages are the same DOM; the second engine's
 * run checks figures, scope and actions, not the markup again.
 */
export async function audit(page: Page, name: string, engine: Engine): Promise<string[]> {
  if (engine !== enginesUnderTest()[0]) return [];
  await screenshot(page, `${name}-${engine}`);
  return axeViolations(page);
}
