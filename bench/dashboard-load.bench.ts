/**
 * Dashboard page-load benchmark (issue 12; not a timed test): a real server on a generated city,
 * headless Chromium with an empty cache per load, and two figures: time from navigation to the
 * overview fully drawn, and the transferred size of the dashboard's scripts and styles, gzip.
 * The goal (under 1 s and under 500 KB on this machine) is printed beside them, not enforced.
 *
 *   npm run bench:web [-- --region 370800] [-- --runs 5]      (DATABASE_URL picks MariaDB)
 */
import 'reflect-metadata';
import { existsSync } from 'fs';
import { join } from 'path';
import { parseArgs } from 'util';
import { gzipSync } from 'zlib';
import { chromium, type Browser } from 'playwright-core';
import { openApp } from '../src/app';
import { readEnv } from '../src/config/env';
import { generate } from '../src/generator/generator';
import { startServer } from '../src/server';
import { buildWebIfStale } from '../web/build-if-stale';

const CHROMIUM = '/usr/bin/chromium';
const GOAL = { ms: 1000, kb: 500 };
/** What the dashboard sets on <body> once the overview's charts are drawn (web/src). */
const READY = () => document.body.dataset.ready === 'overview';

interface Load {
  ms: number;
  /** How "drawn" was recognised: the dashboard's marker, or network idle with chart canvases present. */
  by: 'marker' | 'network idle + canvas';
  files: Array<{ url: string; type: string; bytes: number; gzip: number }>;
}

async function loadOnce(browser: Browser, base: string): Promise<Load> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'zh-CN' });
  const page = await context.newPage();
  const files: Load['files'] = [];
  const bodies: Array<Promise<void>> = [];
  page.on('response', (res) => {
    const type = res.request().resourceType();
    if (type !== 'script' && type !== 'stylesheet') return;
    bodies.push(
      res.body().then((b) => {
        // The server sends files as they are; what a gzip-serving proxy would transfer is their gzip size.
        files.push({ url: res.url().slice(base.length), type, bytes: b.length, gzip: gzipSync(b).length });
      }),
    );
  });
  let lastFinished = 0;
  page.on('requestfinished', () => (lastFinished = Date.now()));
  const started = Date.now();
  await page.goto(`${base}/`, { waitUntil: 'commit' });
  // The marker when the dashboard sets it; else the last request done before the network went idle, with charts on the page.
  const marker = page
    .waitForFunction(READY, null, { polling: 'raf', timeout: 30_000 })
    .then(() => ({ by: 'marker' as const, at: Date.now() }));
  const idle = page
    .waitForLoadState('networkidle')
    .then(() => page.waitForSelector('canvas', { timeout: 30_000 }))
    .then(() => ({ by: 'network idle + canvas' as const, at: Math.max(lastFinished, started) }));
  marker.catch(() => undefined);
  const drawn = await Promise.race([marker, idle.then(async (r) => ((await page.evaluate(READY)) ? marker : r))]);
  const { by } = drawn;
  const ms = drawn.at - started;
  await Promise.all(bodies);
  await context.close();
  return { ms, by, files };
}

async function main() {
  const { values: o } = parseArgs({
    options: {
      region: { type: 'string', default: '370800' },
      runs: { type: 'string', default: '5' },
      seed: { type: 'string', default: '1' },
    },
  });
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: the benchmark drives the system Chromium`);
  buildWebIfStale((m) => console.log(m));
  const raw = { ...process.env, PORT: '0', LOG_LEVEL: 'warn', STATEMENT_TIMEOUT_MS: '0' } as NodeJS.ProcessEnv;
  if (!raw.DATABASE_URL && !raw.SQLITE_PATH) raw.SQLITE_PATH = join(__dirname, 'out', `web-${o.region}.sqlite`);
  const env = readEnv(raw);
  const app = await openApp(env);
  const engine = app.connection.engine;
  const db = app.connection.rawDataSource;
  const count = async (table: string) => Number((await db.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);
  if ((await count('report')) === 0) {
    console.log(`generating ${o.region} 2019-2024 (seed ${o.seed})…`);
    await generate(app.connection, {
      region: o.region!,
      fromYear: 2019,
      toYear: 2024,
      seed: Number(o.seed),
      log: (m) => console.log(`  ${m}`),
    });
  }
  // Budgets off: every load is a new anonymous visitor from one address (README "Limits").
  const server = await startServer(app, { ...env, PORT: 0, JWT_SECRET: undefined, QUERY_BUDGET_PER_HOUR: 0, ANONYMOUS_BUDGET_PER_HOUR: 0 });
  const base = server.url.replace(/\/graphql$/, '');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  try {
    // One warm-up load (the server's first answers compile its statements), then cold-cache loads.
    await loadOnce(browser, base);
    const loads: Load[] = [];
    for (let i = 0; i < Number(o.runs); i++) loads.push(await loadOnce(browser, base));
    const times = loads.map((l) => l.ms).sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)];
    const files = loads[0].files;
    const sum = (type: string, k: 'bytes' | 'gzip') => files.filter((f) => f.type === type).reduce((n, f) => n + f[k], 0);
    const kb = (n: number) => (n / 1024).toFixed(1);
    const gzipTotal = sum('script', 'gzip') + sum('stylesheet', 'gzip');
    console.log(
      `engine ${engine}; data: ${await count('agency')} agencies, ${await count('report')} reports, ${await count('report_cell')} cells, ${await count('finding')} findings`,
    );
    console.log(
      `overview drawn (${loads[0].by}): median ${median} ms of ${times.length} cold loads [${times.join(', ')}] (goal < ${GOAL.ms} ms: ${median < GOAL.ms ? 'met' : 'not met'})`,
    );
    console.log(
      `scripts ${files.filter((f) => f.type === 'script').length} files ${kb(sum('script', 'bytes'))} KB (${kb(sum('script', 'gzip'))} KB gzip), ` +
        `styles ${kb(sum('stylesheet', 'bytes'))} KB (${kb(sum('stylesheet', 'gzip'))} KB gzip); total ${kb(gzipTotal)} KB gzip (goal < ${GOAL.kb} KB: ${gzipTotal / 1024 < GOAL.kb ? 'met' : 'not met'})`,
    );
    for (const f of files.sort((a, b) => b.gzip - a.gzip))
      console.log(`  ${f.type.padEnd(10)} ${kb(f.gzip).padStart(8)} KB gzip  ${f.url}`);
  } finally {
    await browser.close();
    await server.stop();
    await app.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
