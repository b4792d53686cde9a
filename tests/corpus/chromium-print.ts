import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Print variants: what a user gets from Ctrl+P → Save as PDF, paper size and "Headers and footers" box. */
export const PRINT_VARIANTS = [
  { suffix: 'a4', format: 'A4', header: false },
  { suffix: 'a4-header', format: 'A4', header: true },
  { suffix: 'letter', format: 'Letter', header: false },
  { suffix: 'letter-header', format: 'Letter', header: true },
] as const;
export type PrintVariant = (typeof PRINT_VARIANTS)[number];
/** Both paper sizes and both header settings, in two prints. */
export const DEFAULT_VARIANTS: readonly PrintVariant[] = PRINT_VARIANTS.filter((v) => v.suffix === 'a4-header' || v.suffix === 'letter');

// Chrome's print preview header/footer: date left and title centre at the top, URL left and "n/N" right at the bottom.
const HEADER = `<div style="font-size:8px;width:100%;padding:0 1cm;display:flex;justify-content:space-between;font-family:sans-serif">
<span class="date"></span><span class="title"></span><span></span></div>`;
const FOOTER = `<div style="font-size:8px;width:100%;padding:0 1cm;display:flex;justify-content:space-between;font-family:sans-serif">
<span class="url"></span><span><span class="pageNumber"></span>/<span class="totalPages"></span></span></div>`;

export interface PrintedPage {
  pdfs: { suffix: string; description: string; bytes: Buffer }[];
  /** `document.body.innerText`: what selecting the page and copying it gives (table cells tab-separated). */
  text: string;
}

export class ChromiumPrinter {
  private constructor(
    private readonly browser: Browser,
    readonly version: string,
  ) {}

  static async launch(): Promise<ChromiumPrinter> {
    const browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
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
    return new ChromiumPrinter(browser, browser.version());
  }

  /**
   * Loads the HTML as if from a government site (`url`: shown in the printed footer), with every
   * other request refused (no network), then prints each variant and copies the body text.
   */
  async print(html: Buffer, url: string, variants: readonly PrintVariant[] = PRINT_VARIANTS): Promise<PrintedPage> {
    const context = await this.browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    try {
      const page = await context.newPage();
      await page.route('**/*', (route) =>
        route.request().url() === url ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }) : route.abort(),
      );
      await page.goto(url, { waitUntil: 'load' });
      await page.emulateMedia({ media: 'print' });
      const pdfs: PrintedPage['pdfs'] = [];
      for (const v of variants) {
        const bytes = await page.pdf({
          format: v.format,
          margin: { top: '1cm', bottom: '1cm', left: '1cm', right: '1cm' },
          displayHeaderFooter: v.header,
          headerTemplate: v.header ? HEADER : undefined,
          footerTemplate: v.header ? FOOTER : undefined,
        });
        pdfs.push({ suffix: v.suffix, description: `chromium print ${v.format} ${v.header ? 'with' : 'no'} header/footer`, bytes });
      }
      await page.emulateMedia({ media: 'screen' });
      const text = await page.evaluate(() => document.body.innerText);
      return { pdfs, text };
    } finally {
      await context.close();
    }
  }

  close(): Promise<void> {
    return this.browser.close();
  }
}
