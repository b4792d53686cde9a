import { existsSync, readFileSync } from 'fs';
import { generate, type GenerateManifest } from '../../src/generator/generator';
import { AUTH_ENV, createAccount, type TestAccount } from '../auth/test-accounts';
import { startTestApp, type TestApp } from '../support/test-app';
import { SEED_REPORT } from '../../seeds/seed';
import type { Engine } from '../../src/data/engine';

/** 0-based line of the sample report's 行政复议 结果维持 figure (section 四). */
const REVIEW_UPHELD_LINE = 401;

export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);

/** Generous setup and teardown limits: a city generated on MariaDB beside other tests on two shared cores. */
export const HOOK_TIMEOUT = 240_000;

/**
 * The counties generated under 济宁市: 汶上县, where the sample report's agency sits, and 曲阜市. The
 * whole city (about 270 agencies, mostly townships) took 16 s on SQLite and 30 s on MariaDB per file;
 * two counties take a fifth of that and still give the city's map, rankings and trends figures.
 */
export const GENERATED_COUNTIES = ['370830', '370881'];

/**
 * The sample report with 行政复议 结果维持 0 → 3 while 总计 stays 0: an arithmetic failure on named
 * cells, to highlight in the template and to return to the agency.
 */
export function brokenSeed(): Buffer {
  const lines = readFileSync(SEED_REPORT, 'utf8').split('\n');
  if (lines[REVIEW_UPHELD_LINE] !== '\t\u00a00')
    throw new Error(`the sample report changed: line ${REVIEW_UPHELD_LINE + 1} is not 行政复议 结果维持`);
  lines[REVIEW_UPHELD_LINE] = '\t\u00a03';
  return Buffer.from(lines.join('\n'), 'utf8');
}

export interface BrowserCity {
  app: TestApp;
  base: string;
  manifest: GenerateManifest[];
  city: TestAccount;
  county: TestAccount;
}

/**
 * A real server on 济宁市 with two generated counties (2019–2024, few departments and institutions),
 * a city and a county supervisor; the dashboard is built once per run by tests/support/global-setup.ts.
 * The sample report is imported, then revised with one figure broken, so there are findings to
 * review, a failing cell and two revisions to compare.
 */
export async function startBrowserCity(engine: Engine, name: string): Promise<BrowserCity> {
  const app = await startTestApp(engine, name, { env: { ...AUTH_ENV, RESPONSE_CACHE: 'off' } });
  const manifest: GenerateManifest[] = [];
  for (const region of GENERATED_COUNTIES)
    manifest.push(await generate(app.connection, { region, fromYear: 2019, toYear: 2024, seed: 12, departments: 2, institutions: 1 }));
  await app.importSeed();
  await app.services.imports.importReport(app.ctx(), { bytes: brokenSeed(), fileName: 'seed-review-upheld-3.txt' });
  const city = await createAccount(app, { name: `city-${name}`, role: 'SUPERVISOR', regionCode: '370800' });
  const county = await createAccount(app, { name: `county-${name}`, role: 'SUPERVISOR', regionCode: '370830' });
  return { app, base: `http://localhost:${app.server.port}`, manifest, city, county };
}
