import { existsSync, readFileSync } from 'fs';
import { generate, type GenerateManifest } from '../../src/generator/generator';
import { AUTH_ENV, createAccount, type TestAccount } from '../auth/test-accounts';
import { startTestApp, type TestApp } from '../support/test-app';
import { SEED_REPORT } from '../../seeds/seed';
import type { Engine } from '../../src/data/engine';
import { buildWebIfStale } from '../../web/build-if-stale';

/** 0-based line of the sample report's 行政复议 结果维持 figure (section 四). */
const REVIEW_UPHELD_LINE = 401;

export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);

export interface BrowserCity {
  app: TestApp;
  base: string;
  manifest: GenerateManifest;
  city: TestAccount;
  county: TestAccount;
}

/**
 * A real server on a generated 济宁市 (2019–2024) with the dashboard built once (skipped when
 * fresh), a city and a county supervisor. The sample report is imported, then revised with one
 * figure broken, so there are findings to review, a failing cell and two revisions to compare.
 */
export async function startBrowserCity(engine: Engine, name: string): Promise<BrowserCity> {
  buildWebIfStale();
  // Generating the city rebuilds region_rollup in one statement: on a shared machine that can take longer than the default 8 s.
  const app = await startTestApp(engine, name, { env: { ...AUTH_ENV, RESPONSE_CACHE: 'off' } });
  const manifest = await generate(app.connection, { region: '370800', fromYear: 2019, toYear: 2024, seed: 12, departments: 4, institutions: 2 });
  await app.importSeed();
  // A third revision of the sample report with 行政复议 结果维持 0 → 3 while 总计 stays 0: an
  // arithmetic failure on named cells, to highlight in the template.
  const lines = readFileSync(SEED_REPORT, 'utf8').split('\n');
  if (lines[REVIEW_UPHELD_LINE] !== '\t\u00a00') throw new Error(`the sample report changed: line ${REVIEW_UPHELD_LINE + 1} is not 行政复议 结果维持`);
  lines[REVIEW_UPHELD_LINE] = '\t\u00a03';
  await app.services.imports.importReport(app.ctx(), { bytes: Buffer.from(lines.join('\n'), 'utf8'), fileName: 'seed-review-upheld-3.txt' });
  const city = await createAccount(app, { name: `city-${name}`, role: 'SUPERVISOR', regionCode: '370800' });
  const county = await createAccount(app, { name: `county-${name}`, role: 'SUPERVISOR', regionCode: '370830' });
  return { app, base: `http://localhost:${app.server.port}`, manifest, city, county };
}
