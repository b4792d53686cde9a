/**
 * Dashboard benchmark over HTTP: the real server in a child process (so that the load generator
 * does not share its event loop), autocannon as the client, and each answer's on-the-fly baseline
 * (one direct GROUP BY over report_cell) timed in the same run.
 *
 *   npm run bench [-- --region 37] [-- --duration 10]      (DATABASE_URL picks MariaDB)
 */
import 'reflect-metadata';
import { fork, type ChildProcess } from 'child_process';
import { mkdirSync, writeFileSync } from 'fs';
import { cpus, totalmem, type as osType, release } from 'os';
import { join } from 'path';
import { parseArgs } from 'util';
import autocannon from 'autocannon';
import type { DataSource } from 'typeorm';
import { openApp } from '../src/app';
import { readEnv, type Env } from '../src/config/env';
import { generate } from '../src/generator/generator';
import { DASHBOARD_OPERATIONS, sha256 } from '../src/graphql/limits/persisted-operations';
import { startServer } from '../src/server';

const OUT = __dirname;
const YEAR = 2024;

function envFor(region: string): Env {
  const raw = { ...process.env, PORT: '0' } as NodeJS.ProcessEnv;
  if (!raw.DATABASE_URL && !raw.SQLITE_PATH) raw.SQLITE_PATH = join(OUT, 'out', `bench-${region}.sqlite`);
  return readEnv(raw);
}

/** Child: serve GraphQL and answer statement-count requests over IPC. */
async function serve(region: string) {
  const env = envFor(region);
  const app = await openApp(env);
  // Budgets off: the load generator is one address asking thousands of times a second (README "Limits").
  const server = await startServer(app, {
    ...env,
    PORT: 0,
    JWT_SECRET: undefined,
    RESPONSE_CACHE: process.env.RESPONSE_CACHE === 'off' ? 'off' : 'on',
    QUERY_BUDGET_PER_HOUR: 0,
    ANONYMOUS_BUDGET_PER_HOUR: 0,
  });
  process.on('message', (m: { type: string }) => {
    if (m.type === 'count') process.send!({ type: 'count', count: app.connection.statementCount() });
    if (m.type === 'stop')
      void server
        .stop()
        .then(() => app.close())
        .then(() => process.exit(0));
  });
  process.send!({ type: 'ready', url: server.url });
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
const round = (x: number) => Math.round(x * 100) / 100;

async function load(url: string, body: string, seconds: number, connections: number) {
  const times: number[] = [];
  const instance = autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    connections,
    duration: seconds,
  });
  (instance as unknown as NodeJS.EventEmitter).on('response', (_c: unknown, status: number, _b: number, ms: number) => {
    if (status === 200) times.push(ms);
  });
  const result = await instance;
  times.sort((a, b) => a - b);
  return {
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    rps: result.requests.average,
    errors: result.errors + result.non2xx,
  };
}

/** The same answer by one direct GROUP BY over report_cell, run back to back for `seconds`. */
async function baseline(db: DataSource, sql: string, params: unknown[], seconds: number) {
  const times: number[] = [];
  const until = Date.now() + seconds * 1000;
  do {
    const t = process.hrtime.bigint();
    await db.query(sql, params);
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  } while (Date.now() < until || times.length < 3);
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), n: times.length };
}

async function main() {
  const { values: o } = parseArgs({
    options: {
      region: { type: 'string', default: '370800' },
      duration: { type: 'string', default: '10' },
      serve: { type: 'boolean', default: false },
      seed: { type: 'string', default: '1' },
    },
  });
  const region = o.region!;
  if (o.serve) return serve(region);
  const seconds = Number(o.duration);
  const env = envFor(region);
  const app = await openApp(env);
  // The baselines are hand-written SQL by design: they time what the roll-ups replace.
  const db = app.connection.rawDataSource;
  const root = region.length < 6 ? region.padEnd(6, '0') : region;
  const has = await db
    .query(
      'SELECT COUNT(*) AS n FROM report r JOIN agency a ON a.id = r.agency_id JOIN region g ON g.code = ? WHERE a.region_path LIKE CONCAT(g.path, ?)',
      [root, '%'],
    )
    .catch(() => [{ n: 0 }]);
  if (Number(has[0]?.n ?? 0) === 0) {
    console.error(`generating ${region} 2019-2024 …`);
    await generate(app.connection, { region, fromYear: 2019, toYear: 2024, seed: Number(o.seed), log: (m) => console.error(m) });
  }
  const [rootRegion] = await db.query('SELECT code, path, depth, level FROM region WHERE code = ?', [root]);
  const city = rootRegion.level === 'PROVINCE' ? (await db.query("SELECT code, path FROM region WHERE code = '370800'"))[0] : rootRegion;
  const [{ n: regions }] = await db.query('SELECT COUNT(*) AS n FROM region WHERE path LIKE ?', [`${rootRegion.path}%`]);
  const [{ n: agencies }] = await db.query('SELECT COUNT(*) AS n FROM agency WHERE region_path LIKE ?', [`${rootRegion.path}%`]);
  const [{ n: reports }] = await db.query(
    'SELECT COUNT(*) AS n FROM report r JOIN agency a ON a.id = r.agency_id WHERE a.region_path LIKE ?',
    [`${rootRegion.path}%`],
  );
  const [{ n: cells }] = await db.query('SELECT COUNT(*) AS n FROM report_cell');
  const page: Array<{ id: number }> = await db.query('SELECT id FROM agency WHERE region_path LIKE ? ORDER BY id LIMIT 50', [
    `${city.path}%`,
  ]);
  const pageIds = page.map((a) => Number(a.id));

  /** A server in its own process; `cached` picks whether whole answers are cached (the product default). */
  const startChild = async (cached: boolean) => {
    const child: ChildProcess = fork(__filename, ['--serve', '--region', region], {
      execArgv: process.execArgv,
      env: { ...process.env, RESPONSE_CACHE: cached ? 'on' : 'off' },
    });
    const url: string = await new Promise((resolve, reject) => {
      child.once('message', (m: { url: string }) => resolve(m.url));
      child.once('exit', (c) => reject(new Error(`server exited ${c}`)));
    });
    const count = () =>
      new Promise<number>((resolve) => {
        child.once('message', (m: { count: number }) => resolve(m.count));
        child.send({ type: 'count' });
      });
    const stop = () => new Promise<void>((resolve) => (child.once('exit', () => resolve()), child.send({ type: 'stop' })));
    return { url, count, stop };
  };

  const cityKeys = [
    'applications.new.total',
    'applications.granted.total',
    'applications.partly_granted.total',
    'applications.processed_total.total',
    'review.corrected',
    'review.total',
    'review.pending',
  ];
  const inKeys = cityKeys.map(() => '?').join(',');
  const childPrefixLen = city.path.length + 7; // "/370811/" after the city path: counties have six-digit codes
  const queries = [
    {
      name: 'city dashboard (roll-up, children compared, six-year trend)',
      query: DASHBOARD_OPERATIONS.CityDashboard,
      variables: { code: city.code },
      baseline: [
        `SELECT SUBSTR(a.region_path, 1, ${childPrefixLen}) AS part, r.year, c.cell_key, SUM(c.value) AS t, COUNT(c.value) AS n
           FROM report r JOIN agency a ON a.id = r.agency_id JOIN report_cell c ON c.report_id = r.id
          WHERE a.region_path LIKE ? AND r.year BETWEEN 2019 AND ${YEAR} AND r.current = 1 AND r.scope = 'OWN' AND c.cell_key IN (${inKeys})
          GROUP BY SUBSTR(a.region_path, 1, ${childPrefixLen}), r.year, c.cell_key`,
        [`${city.path}%`, ...cityKeys],
      ] as [string, unknown[]],
    },
    {
      name: 'province comparison by city',
      query: DASHBOARD_OPERATIONS.ProvinceComparison,
      variables: { code: rootRegion.code },
      baseline: [
        `SELECT SUBSTR(a.region_path, 1, ${rootRegion.path.length + 7}) AS part, c.cell_key, SUM(c.value) AS t, COUNT(c.value) AS n, COUNT(DISTINCT r.id) AS reports
           FROM report r JOIN agency a ON a.id = r.agency_id JOIN report_cell c ON c.report_id = r.id
          WHERE a.region_path LIKE ? AND r.year = ${YEAR} AND r.current = 1 AND r.scope = 'OWN' AND c.cell_key IN (${inKeys})
          GROUP BY SUBSTR(a.region_path, 1, ${rootRegion.path.length + 7}), c.cell_key`,
        [`${rootRegion.path}%`, ...cityKeys],
      ] as [string, unknown[]],
    },
    {
      name: 'ad hoc group-by (year × agency kind)',
      query: DASHBOARD_OPERATIONS.GroupBy,
      variables: { code: rootRegion.code },
      baseline: [
        `SELECT r.year, a.kind, c.cell_key, SUM(c.value) AS t, COUNT(c.value) AS n
           FROM report r JOIN agency a ON a.id = r.agency_id JOIN report_cell c ON c.report_id = r.id
          WHERE a.region_path LIKE ? AND r.year BETWEEN 2019 AND ${YEAR} AND r.current = 1 AND r.scope = 'OWN' AND c.cell_key IN (${cityKeys
            .slice(0, 4)
            .map(() => '?')
            .join(',')})
          GROUP BY r.year, a.kind, c.cell_key`,
        [`${rootRegion.path}%`, ...cityKeys.slice(0, 4)],
      ] as [string, unknown[]],
    },
    {
      name: 'agency list page (50 agencies with their roll-ups)',
      query: DASHBOARD_OPERATIONS.AgencyListPage,
      variables: { code: city.code },
      baseline: [
        `SELECT COALESCE(a.parent_id, a.id) AS root, c.cell_key, SUM(c.value) AS t, COUNT(c.value) AS n
           FROM agency a JOIN report r ON r.agency_id = a.id JOIN report_cell c ON c.report_id = r.id
          WHERE (a.id IN (${pageIds.join(',')}) OR a.parent_id IN (${pageIds.join(',')})) AND r.year = ${YEAR} AND r.current = 1 AND r.scope = 'OWN' AND c.cell_key IN (${cityKeys
            .slice(0, 4)
            .map(() => '?')
            .join(',')})
          GROUP BY COALESCE(a.parent_id, a.id), c.cell_key`,
        cityKeys.slice(0, 4),
      ] as [string, unknown[]],
    },
  ];

  const post = (url: string, body: string) =>
    fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body }).then(
      (r) => r.json() as Promise<{ errors?: unknown }>,
    );
  const measure = async (cached: boolean) => {
    const server = await startChild(cached);
    const out = [];
    for (const q of queries) {
      // As the dashboard sends them: by hash, from the persisted-operation allowlist, priced like any other.
      const body = JSON.stringify({ variables: q.variables, extensions: { persistedQuery: { version: 1, sha256Hash: sha256(q.query) } } });
      const check = await post(server.url, body);
      if (check.errors) throw new Error(`${q.name}: ${JSON.stringify(check.errors)}`);
      const before = await server.count();
      await post(server.url, body);
      const statements = (await server.count()) - before;
      // Latency with one request in flight (no queueing in the client), throughput with eight.
      const one = await load(server.url, body, seconds, 1);
      const eight = await load(server.url, body, seconds, 8);
      out.push({ one, eight, statements });
    }
    await server.stop();
    return out;
  };
  const cached = await measure(true);
  const uncached = await measure(false);
  const results = [];
  for (const [i, q] of queries.entries()) {
    const base = await baseline(db, q.baseline[0], q.baseline[1], Math.min(seconds, 8));
    const c = cached[i];
    const u = uncached[i];
    const row = {
      name: q.name,
      p50_ms: round(c.one.p50),
      p95_ms: round(c.one.p95),
      p99_ms: round(c.one.p99),
      rps: Math.round(c.eight.rps),
      loaded_p95_ms: round(c.eight.p95),
      sql_statements: c.statements,
      uncached_p50_ms: round(u.one.p50),
      uncached_p95_ms: round(u.one.p95),
      uncached_rps: Math.round(u.eight.rps),
      uncached_loaded_p95_ms: round(u.eight.p95),
      uncached_sql_statements: u.statements,
      errors: c.one.errors + c.eight.errors + u.one.errors + u.eight.errors,
      baseline_p50_ms: round(base.p50),
      baseline_p95_ms: round(base.p95),
      baseline_runs: base.n,
      speedup_p95: round(base.p95 / c.one.p95),
      uncached_speedup_p95: round(base.p95 / u.one.p95),
    };
    console.log(JSON.stringify(row));
    results.push(row);
  }

  const engine =
    db.options.type === 'mysql'
      ? `MariaDB ${(await db.query('SELECT VERSION() AS v'))[0].v}, innodb_buffer_pool_size ${Math.round(Number((await db.query('SELECT @@innodb_buffer_pool_size AS b'))[0].b) / 2 ** 20)} MiB`
      : 'SQLite (better-sqlite3)';
  const out = {
    engine,
    region: rootRegion.code,
    regions: Number(regions),
    agencies: Number(agencies),
    reports: Number(reports),
    cells: Number(cells),
    duration_s: seconds,
    machine: {
      cpus: cpus().length,
      cpu: cpus()[0]?.model,
      memory_gb: Math.round(totalmem() / 2 ** 30),
      os: `${osType()} ${release()}`,
      node: process.version,
    },
    queries: results,
  };
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, 'results.json'), JSON.stringify(out, null, 2) + '\n');
  const md = [
    '# Dashboard benchmark',
    '',
    `Command: \`${process.env.DATABASE_URL ? `DATABASE_URL=${process.env.DATABASE_URL} ` : ''}npm run bench -- --region ${region} --duration ${seconds}\``,
    '',
    `- Machine: ${out.machine.cpus} × ${out.machine.cpu}, ${out.machine.memory_gb} GB, ${out.machine.os}, Node ${out.machine.node}`,
    `- Engine: ${engine}`,
    `- Data: region ${rootRegion.code}: ${out.regions} regions, ${out.agencies} agencies, ${out.reports} reports, ${out.cells} stored cells; year ${YEAR}, trends 2019–${YEAR}`,
    `- Load: autocannon, server in its own process; p50/p95/p99 from every response of a ${seconds} s run with 1 connection; rps (and "p95 @8") from a ${seconds} s run with 8 connections`,
    '- Served: as shipped (whole answers cached under the data version, which every write bumps in its transaction: each request still reads the version), and with RESPONSE_CACHE=off (every request executed against the pre-aggregated roll-ups)',
    '- Baseline: the same answer by one direct SQL GROUP BY over report_cell, run back to back in the same run (p95 of the statement alone, no HTTP or GraphQL)',
    '',
    '| query | p50 ms | p95 ms | p99 ms | rps (8 conn.) | p95 @8 ms | SQL / request | uncached p95 ms | uncached rps | uncached p95 @8 ms | uncached SQL / request | baseline p95 ms | speed-up (p95, cached / uncached) |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...results.map(
      (r) =>
        `| ${r.name} | ${r.p50_ms} | ${r.p95_ms} | ${r.p99_ms} | ${r.rps} | ${r.loaded_p95_ms} | ${r.sql_statements} | ${r.uncached_p95_ms} | ${r.uncached_rps} | ${r.uncached_loaded_p95_ms} | ${r.uncached_sql_statements} | ${r.baseline_p95_ms} | ${r.speedup_p95}× / ${r.uncached_speedup_p95}× |`,
    ),
    '',
  ].join('\n');
  writeFileSync(join(OUT, 'RESULTS.md'), md);
  console.log(md);
  await app.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
