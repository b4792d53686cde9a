/**
 * What scopes cost: the same dashboards asked by an anonymous reader and by a supervisor confined
 * to the region, uncached (RESPONSE_CACHE=off, every request executed), in one run, beside each
 * answer's on-the-fly GROUP BY. Writes bench/scope-results.json.
 *
 *   npx tsx bench/scope.bench.ts [--region 370800] [--duration 10]     (a province: --region 37; DATABASE_URL picks MariaDB)
 */
import 'reflect-metadata';
import { fork, type ChildProcess } from 'child_process';
import { mkdirSync, writeFileSync } from 'fs';
import { cpus } from 'os';
import { join } from 'path';
import { parseArgs } from 'util';
import autocannon from 'autocannon';
import { openApp } from '../src/app';
import { SYSTEM } from '../src/auth/viewer';
import { readEnv, type Env } from '../src/config/env';
import { generate } from '../src/generator/generator';
import { createRequestContext } from '../src/context/request-context';
import { DASHBOARD_OPERATIONS, sha256 } from '../src/graphql/limits/persisted-operations';
import { startServer } from '../src/server';

const YEAR = 2024;
const COUNTY = '370830';

function envFor(region: string, extra: Record<string, string> = {}): Env {
  const raw = { ...process.env, PORT: '0', JWT_SECRET: 'scope-bench-secret-of-32-characters!', ...extra } as NodeJS.ProcessEnv;
  if (!raw.DATABASE_URL && !raw.SQLITE_PATH) raw.SQLITE_PATH = join(__dirname, 'out', `bench-${region}.sqlite`);
  return readEnv(raw);
}

async function serve(region: string) {
  const env = envFor(region);
  const app = await openApp(env);
  // Uncached and without budgets: the load generator is one address asking as fast as it can.
  const server = await startServer(app, { ...env, PORT: 0, RESPONSE_CACHE: 'off', QUERY_BUDGET_PER_HOUR: 0, ANONYMOUS_BUDGET_PER_HOUR: 0 });
  process.on(
    'message',
    () =>
      void server
        .stop()
        .then(() => app.close())
        .then(() => process.exit(0)),
  );
  process.send!({ url: server.url });
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
const round = (x: number) => Math.round(x * 100) / 100;

async function run(url: string, body: string, headers: Record<string, string>, seconds: number, times: number[]) {
  const instance = autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
    connections: 1,
    duration: seconds,
  });
  (instance as unknown as NodeJS.EventEmitter).on(
    'response',
    (_c: unknown, status: number, _b: number, ms: number) => status === 200 && times.push(ms),
  );
  const result = await instance;
  return result.errors + result.non2xx;
}

/**
 * Both viewers on one query: a warm-up each, then alternating rounds, so that neither is timed on a
 * colder page cache or a busier machine than the other; one connection (latency, no queueing).
 */
async function compareViewers(url: string, body: string, viewers: Array<Record<string, string>>, seconds: number) {
  const times = viewers.map(() => [] as number[]);
  const errors = viewers.map(() => 0);
  for (const h of viewers) await run(url, body, h, 1, []);
  const rounds = 4;
  for (let r = 0; r < rounds; r++)
    for (const [i, h] of viewers.entries()) errors[i] += await run(url, body, h, Math.max(1, Math.round(seconds / rounds)), times[i]);
  return times.map((t, i) => {
    t.sort((a, b) => a - b);
    return { p50: round(percentile(t, 50)), p95: round(percentile(t, 95)), requests: t.length, errors: errors[i] };
  });
}

async function main() {
  const { values: o } = parseArgs({
    options: {
      region: { type: 'string', default: '370800' },
      duration: { type: 'string', default: '10' },
      serve: { type: 'boolean', default: false },
    },
  });
  const region = o.region!;
  if (o.serve) return serve(region);
  const seconds = Number(o.duration);
  // The bench's own connection runs the on-the-fly baseline, which at province scale outlasts a request's statement limit.
  const app = await openApp(envFor(region, { STATEMENT_TIMEOUT_MS: '0' }));
  const db = app.connection.rawDataSource;
  const [{ n }] = await db.query('SELECT COUNT(*) AS n FROM report');
  if (Number(n) === 0) await generate(app.connection, { region, fromYear: 2019, toYear: YEAR, seed: 1, log: (m) => console.error(m) });
  // The two supervisors, made once (the bench database is the bench's own).
  const ctx = createRequestContext(app.connection, SYSTEM);
  const password = 'scope-bench-password';
  for (const [name, code] of [
    ['bench-city', '370800'],
    ['bench-county', COUNTY],
  ])
    if (!(await db.query('SELECT id FROM user_account WHERE name = ?', [name])).length)
      await app.services.accounts.createUser(ctx, { name, role: 'SUPERVISOR', regionCode: code, password });

  const child: ChildProcess = fork(__filename, ['--serve', '--region', region], { execArgv: process.execArgv });
  const url: string = await new Promise(
    (resolve, reject) => (
      child.once('message', (m: { url: string }) => resolve(m.url)),
      child.once('exit', (c) => reject(new Error(`server exited ${c}`)))
    ),
  );
  const post = async (body: string, headers: Record<string, string> = {}) =>
    (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body })).json() as Promise<{
      data?: any;
      errors?: unknown;
    }>;
  const login = async (name: string) =>
    (
      await post(
        JSON.stringify({
          query: 'mutation($n: String!, $p: String!) { login(name: $n, password: $p) { token } }',
          variables: { n: name, p: password },
        }),
      )
    ).data.login.token as string;
  const tokens = { 'bench-city': await login('bench-city'), 'bench-county': await login('bench-county') };

  const rows = [];
  for (const [label, code, who] of [
    ['city dashboard', '370800', 'bench-city'],
    ['county dashboard', COUNTY, 'bench-county'],
  ] as const) {
    const body = JSON.stringify({
      variables: { code },
      extensions: { persistedQuery: { version: 1, sha256Hash: sha256(DASHBOARD_OPERATIONS.CityDashboard) } },
    });
    const auth = { authorization: `Bearer ${tokens[who]}` };
    const [a, s] = [await post(body), await post(body, auth)];
    if (a.errors || s.errors) throw new Error(`${label}: ${JSON.stringify(a.errors ?? s.errors)}`);
    // The supervisor's answer is the anonymous one: its region is the one asked, summed whole.
    if (JSON.stringify(a.data) !== JSON.stringify(s.data))
      throw new Error(`${label}: the supervisor's figures differ from the anonymous reader's`);
    const [anonymous, supervisor] = await compareViewers(url, body, [{}, auth], seconds);
    const [path] = await db.query('SELECT path FROM region WHERE code = ?', [code]);
    const base: number[] = [];
    for (let until = Date.now() + Math.min(seconds, 8) * 1000; Date.now() < until || base.length < 3;) {
      const t = process.hrtime.bigint();
      await db.query(
        `SELECT SUBSTR(a.region_path, 1, ?) AS part, r.year, c.cell_key, SUM(c.value) AS t FROM report r JOIN agency a ON a.id = r.agency_id JOIN report_cell c ON c.report_id = r.id
          WHERE a.region_path LIKE ? AND r.current = 1 AND r.scope = 'OWN' AND c.cell_key IN ('applications.new.total', 'applications.granted.total', 'applications.processed_total.total') GROUP BY 1, 2, 3`,
        [path.path.length + 7, `${path.path}%`],
      );
      base.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    base.sort((x, y) => x - y);
    const row = {
      query: label,
      region: code,
      anonymous,
      supervisor,
      ratio_p95: round(supervisor.p95 / anonymous.p95),
      baseline_p95_ms: round(percentile(base, 95)),
    };
    console.log(JSON.stringify(row));
    rows.push(row);
  }
  child.send('stop');
  mkdirSync(__dirname, { recursive: true });
  const engine = db.options.type === 'mysql' ? 'MariaDB' : 'SQLite (better-sqlite3)';
  writeFileSync(
    join(__dirname, 'scope-results.json'),
    JSON.stringify({ engine, region, reports: Number(n), duration_s: seconds, cpus: cpus().length, node: process.version, rows }, null, 2) +
      '\n',
  );
  await app.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
