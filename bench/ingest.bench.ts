/**
 * Ingest throughput per source format: parse only, beside parse + check + store (read and checked
 * on a pool of one thread per core, stored on the main thread as `npm run import -- DIR` does), on
 * SQLite and (when reachable) MariaDB, in one run; RSS before and after.  `npm run bench:ingest [-- --n 40]`
 * Writes bench/ingest-results.json: one `{engine, formats: [{format, parse_per_s, store_per_s}]}` per engine.
 */
import { existsSync, readFileSync, writeFileSync } from 'fs';
import { cpus } from 'os';
import { join } from 'path';
import { parseArgs } from 'util';
import { openApp, type App } from '../src/app';
import { SYSTEM } from '../src/auth/viewer';
import { readEnv } from '../src/config/env';
import type { Engine } from '../src/data/engine';
import { ensureDatabase } from '../src/data/mysql-admin';
import { createRequestContext } from '../src/graphql/request-context';
import { readReport } from '../src/ingest/report-reader';
import type { SourceFormat } from '../src/ingest/report-document';
import { closePdfReader } from '../src/ingest/readers/pdf/pdf-extraction';
import { ParsePool } from '../src/services/parse-pool';
import { seriesKey } from '../src/services/bulk-import.service';
import { runPipeline } from '../src/common/pipeline';
import type { PreparedReport } from '../src/services/report-preparation';
import { seedAgencies, seedRegions, SEED_REPORT } from '../seeds/seed';

const FIXTURES = join(__dirname, '..', '..', 'shared', 'fixtures');

interface Sample {
  format: SourceFormat;
  name: string;
  path: string;
  bytes: Buffer;
}

function samples(): Sample[] {
  const out: Sample[] = [{ format: 'text', name: 'seed', path: SEED_REPORT, bytes: readFileSync(SEED_REPORT) }];
  const fixture = (format: SourceFormat, file: string) =>
    existsSync(join(FIXTURES, file)) && out.push({ format, name: file, path: join(FIXTURES, file), bytes: readFileSync(join(FIXTURES, file)) });
  fixture('html', 'pingtan-2021.html');
  fixture('docx', 'template-2021-blank.docx');
  fixture('pdf', 'huaian-2024.pdf');
  if (out.length === 1) console.warn(`${FIXTURES} not found: only the text format is measured`);
  return out;
}

async function timeIt(n: number, fn: (i: number) => Promise<unknown>): Promise<number> {
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) await fn(i);
  return n / (Number(process.hrtime.bigint() - t0) / 1e9);
}

/**
 * n reports read and checked on the pool, stored as `npm run import -- DIR` stores them
 * (src/common/pipeline.ts: 2 × pool size read ahead, the engine's write lanes, one series at a time).
 */
async function pipelined(
  n: number,
  pool: ParsePool,
  lanes: number,
  prepare: (i: number) => Promise<PreparedReport>,
  store: (p: PreparedReport) => Promise<unknown>,
  settle: () => Promise<void>,
  keyOf: (p: PreparedReport) => string | null = (p) => seriesKey({ agencyName: AGENCY }, p),
): Promise<number> {
  const t0 = process.hrtime.bigint();
  let failed: unknown = null;
  await runPipeline({
    count: n,
    ahead: 2 * pool.size,
    lanes,
    prepare,
    keyOf,
    write: store,
    onDone: (_, o) => {
      if (!o.ok) failed ??= o.error;
    },
  });
  if (failed) throw failed;
  await settle(); // the roll-up queue folded: timed as part of the import, as the CLI does
  return n / (Number(process.hrtime.bigint() - t0) / 1e9);
}

const AGENCY = '济宁市公共资源交易服务中心汶上分中心';

const mb = () => Math.round(process.memoryUsage().rss / 2 ** 20);

async function openBenchApp(engine: Engine): Promise<App | null> {
  let env = readEnv({ SQLITE_PATH: ':memory:' } as NodeJS.ProcessEnv);
  if (engine === 'mysql') {
    env = readEnv({ DATABASE_URL: 'mysql://root@127.0.0.1:3306/nianbao_bench_ingest' } as NodeJS.ProcessEnv);
    try {
      await ensureDatabase(env);
    } catch (e) {
      console.warn(`MariaDB not reachable (${(e as Error).message}): skipped`);
      return null;
    }
  }
  // A database of its own, from nothing.
  const app = await openApp(env, { fresh: true });
  await seedRegions(app.connection, '3708');
  await seedAgencies(app.connection);
  return app;
}

async function main() {
  const { values } = parseArgs({ options: { n: { type: 'string', default: '30' } } });
  const n = Number(values.n);
  // Years 1900 + i (+ 200 per format, + 100 for the baseline run) keep every import a new series.
  if (!(n >= 1 && n <= 100)) throw new Error(`--n must be 1 to 100, not ${values.n}`);
  const list = samples();
  console.log(`ingest benchmark: ${n} reports per format and engine; node ${process.version}, ${cpus().length} × ${cpus()[0]?.model}`);
  const parseRates = new Map<string, number>();
  for (const s of list) parseRates.set(s.name, await timeIt(n, () => readReport(s.bytes, { file: s.name, year: 2024 })));
  const rows: string[] = ['| format | sample | bytes | parse only (reports/s) | parse + check + store, sqlite | parse + check + store, mariadb, 1 lane (baseline) | parse + check + store, mariadb |', '|---|---|---|---|---|---|---|'];
  const oneLane = new Map<string, number>();
  const storeRates = new Map<string, Record<Engine, number | null>>();
  const pool = new ParsePool();
  const results: Array<{ engine: Engine; formats: Array<{ format: SourceFormat; parse_per_s: number; store_per_s: number }>; county_year?: { reports: number; store_per_s: number; one_lane_store_per_s: number | null } }> = [];
  const countyRows: string[] = [];
  let agencySerial = 0;
  const rss0 = mb();
  for (const engine of ['sqlite', 'mysql'] as Engine[]) {
    const app = await openBenchApp(engine);
    for (const s of list) {
      const rates = storeRates.get(s.name) ?? { sqlite: null, mysql: null };
      if (app) {
        const { services } = app;
        const ctx = createRequestContext(app.connection, SYSTEM);
        // A different year each time, so every import is a real write, not "unchanged".
        const year = (i: number) => 1900 + i + 200 * list.indexOf(s);
        const run = (lanes: number, offset: number) =>
          pipelined(n, pool, lanes, (i) => pool.prepare(s.path, s.name, year(i) + offset), (p) =>
            services.imports.importPrepared(ctx, { fileName: s.name, agencyName: AGENCY, year: p.year }, p),
            () => services.imports.settle(ctx),
          );
        // The baseline: the same stores one at a time (as before write lanes), on other years.
        if (engine === 'mysql' && services.imports.storeLanes > 1) oneLane.set(s.name, await run(1, 100));
        rates[engine] = await run(services.imports.storeLanes, 0);
      }
      storeRates.set(s.name, rates);
    }
    if (app) {
      // As a supervisor imports a county's files: one year, a report per agency (the seed's text, each
      // under its own agency of 汶上县), so every filing adds to the same roll-up rows.
      const count = 4 * n;
      const ctx = createRequestContext(app.connection, SYSTEM);
      const county = (lanes: number, batch: string) =>
        pipelined(count, pool, lanes, () => pool.prepare(SEED_REPORT, 'seed.txt', 2020), (p) =>
          app.services.imports.importPrepared(ctx, { fileName: 'seed.txt', agencyName: `汶上县${batch}局${++agencySerial}`, regionCode: '370830' }, p),
          () => app.services.imports.settle(ctx),
          () => null, // every file its own agency: no series to keep in order
        );
      const base = engine === 'mysql' && app.services.imports.storeLanes > 1 ? await county(1, '基线') : null;
      const rate = await county(app.services.imports.storeLanes, '测试');
      countyRows.push(`| ${engine} | ${count} | ${base === null ? 'n/a' : base.toFixed(1)} | ${rate.toFixed(1)} |`);
      results.push({
        engine,
        formats: list.map((s) => ({ format: s.format, parse_per_s: round(parseRates.get(s.name)!), store_per_s: round(storeRates.get(s.name)![engine]!) })),
        county_year: { reports: count, store_per_s: round(rate), one_lane_store_per_s: base === null ? null : round(base) },
      });
    }
    await app?.connection.close({ drop: true });
  }
  await pool.close();
  await closePdfReader();
  for (const s of list) {
    const r = storeRates.get(s.name)!;
    const f = (v: number | null) => (v === null ? 'n/a' : v.toFixed(1));
    rows.push(`| ${s.format} | ${s.name} | ${s.bytes.length} | ${parseRates.get(s.name)!.toFixed(1)} | ${f(r.sqlite)} | ${f(oneLane.get(s.name) ?? null)} | ${f(r.mysql)} |`);
  }
  console.log(rows.join('\n'));
  console.log(['', 'one county, one year (the seed as a report of each of N agencies of 汶上县, stored as `npm run import -- DIR` stores them):', '| engine | reports | stored/s, 1 lane (baseline) | stored/s |', '|---|---|---|---|', ...countyRows].join('\n'));
  console.log(`RSS ${rss0} MB before the stores, ${mb()} MB after ${n * list.length * results.length} reports`);
  writeFileSync(join(__dirname, 'ingest-results.json'), JSON.stringify(results, null, 2) + '\n');
}

const round = (v: number) => Math.round(v * 10) / 10;

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
