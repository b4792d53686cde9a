/**
 * Ingest throughput per source format: parse only, beside parse + check + store, on SQLite and
 * (when reachable) MariaDB, in one run.  `npm run bench:ingest [-- --n 40]`
 */
import { existsSync, readFileSync } from 'fs';
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
import { seedAgencies, seedRegions, SEED_REPORT } from '../seeds/seed';

const FIXTURES = join(__dirname, '..', '..', 'shared', 'fixtures');

interface Sample {
  format: SourceFormat;
  name: string;
  bytes: Buffer;
}

function samples(): Sample[] {
  const out: Sample[] = [{ format: 'text', name: 'seed', bytes: readFileSync(SEED_REPORT) }];
  const fixture = (format: SourceFormat, file: string) => existsSync(join(FIXTURES, file)) && out.push({ format, name: file, bytes: readFileSync(join(FIXTURES, file)) });
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
  const list = samples();
  console.log(`ingest benchmark: ${n} reports per format and engine; node ${process.version}, ${cpus().length} × ${cpus()[0]?.model}`);
  const parseRates = new Map<string, number>();
  for (const s of list) parseRates.set(s.name, await timeIt(n, () => readReport(s.bytes, { file: s.name, year: 2024 })));
  const rows: string[] = ['| format | sample | bytes | parse only (reports/s) | parse + check + store, sqlite | parse + check + store, mariadb |', '|---|---|---|---|---|---|'];
  const storeRates = new Map<string, Record<Engine, number | null>>();
  for (const engine of ['sqlite', 'mysql'] as Engine[]) {
    const app = await openBenchApp(engine);
    for (const s of list) {
      const rates = storeRates.get(s.name) ?? { sqlite: null, mysql: null };
      if (app) {
        const { services } = app;
        const ctx = createRequestContext(app.connection, SYSTEM);
        // A different year each time, so every import is a real write, not "unchanged".
        rates[engine] = await timeIt(n, (i) =>
          services.imports.importReport(ctx, { bytes: s.bytes, fileName: s.name, agencyName: '济宁市公共资源交易服务中心汶上分中心', year: 1900 + i + 100 * list.indexOf(s) }),
        );
      }
      storeRates.set(s.name, rates);
    }
    await app?.connection.close({ drop: true });
  }
  for (const s of list) {
    const r = storeRates.get(s.name)!;
    const f = (v: number | null) => (v === null ? 'n/a' : v.toFixed(1));
    rows.push(`| ${s.format} | ${s.name} | ${s.bytes.length} | ${parseRates.get(s.name)!.toFixed(1)} | ${f(r.sqlite)} | ${f(r.mysql)} |`);
  }
  console.log(rows.join('\n'));
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
