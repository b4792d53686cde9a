/**
 * Ingest throughput per source format: parse only, beside parse + check + store + roll-up upkeep
 * (read and checked on a pool of one thread per core, stored on the main thread as `npm run import
 * -- DIR` does), on SQLite and (when reachable) MariaDB, in one run; RSS before and after.
 * `npm run bench:ingest [-- --n 40]`. store_per_s is a county's files of one year (a report per
 * agency); beside it the same one lane at a time (the baseline) and one agency a year each (the
 * worst case for roll-ups). Writes bench/ingest-results.json:
 * `{engine, formats: [{format, parse_per_s, store_per_s, one_lane_store_per_s, one_agency_store_per_s}]}` per engine.
 */
import { readFileSync, writeFileSync } from 'fs';
import { cpus } from 'os';
import { join } from 'path';
import { parseArgs } from 'util';
import { openApp, type App } from '../src/app';
import { SYSTEM } from '../src/auth/viewer';
import { readEnv } from '../src/config/env';
import type { Engine } from '../src/data/engine';
import { ensureDatabase } from '../src/data/mysql-admin';
import { createRequestContext } from '../src/context/request-context';
import { readReport } from '../src/ingest/report-reader';
import type { SourceFormat } from '../src/ingest/report-document';
import { closePdfReader } from '../src/ingest/readers/pdf/pdf-extraction';
import { ParsePool } from '../src/services/parse-pool';
import { seriesKey } from '../src/services/bulk-import.service';
import { runPipeline } from '../src/common/pipeline';
import type { PreparedReport } from '../src/services/report-preparation';
import { seedAgencies, seedRegions, SEED_REPORT } from '../seeds/seed';
import { existsHere, FIXTURES_DIR } from '../tests/support/shared';

// ../shared/fixtures, or none when NIANBAO_HIDE_SHARED=1 (tests/support/shared.ts).
const FIXTURES = FIXTURES_DIR;

interface Sample {
  format: SourceFormat;
  name: string;
  path: string;
  bytes: Buffer;
}

function samples(): Sample[] {
  const out: Sample[] = [{ format: 'text', name: 'seed', path: SEED_REPORT, bytes: readFileSync(SEED_REPORT) }];
  const fixture = (format: SourceFormat, file: string) =>
    existsHere(join(FIXTURES, file)) &&
    out.push({ format, name: file, path: join(FIXTURES, file), bytes: readFileSync(join(FIXTURES, file)) });
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
  const { values } = parseArgs({ options: { n: { type: 'string', default: '200' } } });
  const nAll = Number(values.n);
  if (!(nAll >= 10 && nAll <= 2000)) throw new Error(`--n must be 10 to 2000, not ${values.n}`);
  // PDFs take a tenth: a few seconds each at their rate.
  const countOf = (s: Sample) => (s.format === 'pdf' ? Math.max(10, Math.round(nAll / 10)) : nAll);
  const list = samples();
  console.log(
    `ingest benchmark: ${nAll} reports per format, mode and engine (PDF ${countOf({ format: 'pdf' } as Sample)}); node ${process.version}, ${cpus().length} × ${cpus()[0]?.model}`,
  );
  const parseRates = new Map<string, number>();
  for (const s of list) {
    for (let i = 0; i < 3; i++) await readReport(s.bytes, { file: s.name, year: 2024 }); // warm: compiled, caches filled
    parseRates.set(s.name, await timeIt(countOf(s), () => readReport(s.bytes, { file: s.name, year: 2024 })));
  }
  const pool = new ParsePool();
  // Every parse thread warm (modules loaded and compiled, PDF reader started) before anything is timed.
  await Promise.all(list.flatMap((s) => Array.from({ length: 4 * pool.size }, () => pool.prepare(s.path, s.name, 2024))));
  const results: Array<{
    engine: Engine;
    formats: Array<{
      format: SourceFormat;
      parse_per_s: number;
      store_per_s: number;
      one_lane_store_per_s: number | null;
      one_agency_store_per_s: number;
    }>;
  }> = [];
  const rows: string[] = [];
  let agencySerial = 0;
  const rss0 = mb();
  for (const engine of ['sqlite', 'mysql'] as Engine[]) {
    const app = await openBenchApp(engine);
    if (!app) continue;
    const { services } = app;
    const ctx = createRequestContext(app.connection, SYSTEM);
    const formats: (typeof results)[number]['formats'] = [];
    for (const s of list) {
      const n = countOf(s);
      // As a supervisor imports a county's files: one year, a report per agency of 汶上县 (registered
      // on the way), so that the filings add to the same roll-up rows.
      const county = (lanes: number, batch: string) =>
        pipelined(
          n,
          pool,
          lanes,
          () => pool.prepare(s.path, s.name, 2024),
          (p) =>
            services.imports.importPrepared(
              ctx,
              { fileName: s.name, agencyName: `汶上县${batch}${s.format}局${++agencySerial}`, regionCode: '370830' },
              p,
            ),
          () => services.imports.settle(ctx),
          () => null, // every file its own agency: no series to keep in order
        );
      // The baseline: the same stores one at a time (as before write lanes).
      const oneLane = engine === 'mysql' && services.imports.storeLanes > 1 ? await county(1, '基线') : null;
      const rate = await county(services.imports.storeLanes, '测试');
      // The worst case for roll-up upkeep: one agency, a new year each time (1900 + i, + 100 per
      // format; 100 reports at most), so that every filing opens roll-up rows of its own.
      const year = (i: number) => 1900 + i + 100 * list.indexOf(s);
      const oneAgency = await pipelined(
        Math.min(n, 100),
        pool,
        services.imports.storeLanes,
        (i) => pool.prepare(s.path, s.name, year(i)),
        (p) => services.imports.importPrepared(ctx, { fileName: s.name, agencyName: AGENCY, year: p.year }, p),
        () => services.imports.settle(ctx),
      );
      formats.push({
        format: s.format,
        parse_per_s: round(parseRates.get(s.name)!),
        store_per_s: round(rate),
        one_lane_store_per_s: oneLane === null ? null : round(oneLane),
        one_agency_store_per_s: round(oneAgency),
      });
      const f = (v: number | null) => (v === null ? 'n/a' : v.toFixed(1));
      rows.push(
        `| ${engine} | ${s.format} | ${s.name} | ${s.bytes.length} | ${f(parseRates.get(s.name)!)} | ${f(oneLane)} | ${f(rate)} | ${f(oneAgency)} |`,
      );
    }
    results.push({ engine, formats });
    await app.connection.close({ drop: true });
  }
  await pool.close();
  await closePdfReader();
  console.log(
    [
      'parse + check + store + roll-up upkeep, reports/s (read and checked on a pool of one thread per core, stored as `npm run import -- DIR` stores them):',
      '| engine | format | sample | bytes | parse only, 1 thread | county, 1 lane (baseline) | county, every lane | one agency, a year each |',
      '|---|---|---|---|---|---|---|---|',
      ...rows,
    ].join('\n'),
  );
  console.log(`RSS ${rss0} MB before the stores, ${mb()} MB after`);
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
