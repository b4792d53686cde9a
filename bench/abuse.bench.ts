/**
 * The noisy neighbour (issue 18): a county supervisor's dashboard read at 8 connections, first
 * alone, then while one anonymous caller spends its whole hourly budget as fast as it can on the
 * costliest operations it may send (pages of DOCX renders, pages of every cell, comparisons by
 * agency; four at a time). Prints the supervisor's p50/p95/p99 and req/s of both runs and the
 * attacker's answers by status, and writes bench/abuse-results.json. Server in its own process.
 *
 *   npm run bench:abuse [-- --duration 20]        (DATABASE_URL picks MariaDB)
 */
import 'reflect-metadata';
import { fork } from 'child_process';
import { writeFileSync } from 'fs';
import { join } from 'path';
import { parseArgs } from 'util';
import autocannon from 'autocannon';
import { generate } from '../src/generator/generator';
import { DASHBOARD_OPERATIONS } from '../src/graphql/limits/persisted-operations';
import { AUTH_ENV, bearer, createAccount, tokenOf } from '../tests/auth/test-accounts';
import { startTestApp } from '../tests/support/test-app';

const { values: opts } = parseArgs({
  options: { duration: { type: 'string', default: '20' }, serve: { type: 'boolean', default: false } },
});
const SECONDS = Number(opts.duration);
const COUNTY = '370830';
const engine = process.env.DATABASE_URL ? 'mysql' : 'sqlite';

async function serve() {
  // The server's own defaults for budgets (10,000,000 points an hour anonymous) and the response cache.
  const app = await startTestApp(engine, 'abuse_bench', { env: { ...AUTH_ENV, LOG_LEVEL: 'silent' } });
  await generate(app.connection, { region: COUNTY, fromYear: 2019, toYear: 2024, seed: 11 });
  await app.importSeed();
  const supervisor = await createAccount(app, { name: 'abuse-bench-supervisor', role: 'SUPERVISOR', regionCode: COUNTY });
  process.send!({ url: app.server.url, token: await tokenOf(supervisor, {}, { expires: '50m' }) });
  process.on('message', () => void app.stop().then(() => process.exit(0)));
}

const ATTACKS = [
  '{ reports(first: 499) { nodes { rendered(format: DOCX) } } }',
  '{ reports(first: 500) { nodes { id cells { key value raw } } } }',
  `{ compare(regionCode: "${COUNTY}", year: 2024, by: AGENCY, keys: ["applications.new.total", "grant_rate"]) { label values { key value } } }`,
];

async function attack(url: string, until: number, statuses: Record<string, number>) {
  let i = 0;
  while (Date.now() < until) {
    const query = ATTACKS[i++ % ATTACKS.length];
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
    const json = (await res.json()) as { errors?: Array<{ extensions?: { code?: string } }> };
    const key = `${res.status} ${json.errors?.[0]?.extensions?.code ?? 'OK'}`;
    statuses[key] = (statuses[key] ?? 0) + 1;
    if (res.status === 429) await new Promise((r) => setTimeout(r, 50)); // refused: ask again at once, as an attacker would
  }
}

async function dashboard(url: string, token: string, seconds: number) {
  const query = DASHBOARD_OPERATIONS.CityDashboard;
  const times: number[] = [];
  const instance = autocannon({
    url,
    method: 'POST',
    connections: 8,
    duration: seconds,
    headers: { 'content-type': 'application/json', ...bearer(token) },
    body: JSON.stringify({ query, variables: { code: COUNTY } }),
  });
  (instance as unknown as NodeJS.EventEmitter).on(
    'response',
    (_c: unknown, status: number, _b: number, ms: number) => status === 200 && times.push(ms),
  );
  const result = await instance;
  times.sort((a, b) => a - b);
  const at = (p: number) => Math.round((times[Math.min(times.length - 1, Math.ceil(p * times.length) - 1)] ?? NaN) * 100) / 100;
  return {
    p50_ms: at(0.5),
    p95_ms: at(0.95),
    p99_ms: at(0.99),
    rps: Math.round(times.length / seconds),
    errors: result.errors + result.non2xx,
  };
}

async function main() {
  if (opts.serve) return serve();
  const child = fork(__filename, ['--serve'], { execArgv: ['--import', 'tsx'], env: process.env });
  const { url, token } = await new Promise<{ url: string; token: string }>((resolve) =>
    child.once('message', (m) => resolve(m as { url: string; token: string })),
  );
  await dashboard(url, token, 3); // warm-up
  const quiet = await dashboard(url, token, SECONDS);
  const statuses: Record<string, number> = {};
  const until = Date.now() + SECONDS * 1000;
  const [noisy] = await Promise.all([dashboard(url, token, SECONDS), ...Array.from({ length: 4 }, () => attack(url, until, statuses))]);
  const result = {
    engine,
    county: COUNTY,
    seconds: SECONDS,
    quiet,
    with_attacker: noisy,
    attacker: statuses,
    p95_ratio: Math.round((noisy.p95_ms / quiet.p95_ms) * 100) / 100,
  };
  console.log(
    `engine ${engine}; 汶上县 generated 2019-2024 with the sample report; supervisor's dashboard at 8 connections, ${SECONDS} s each`,
  );
  console.table({ quiet, 'with attacker': noisy });
  console.log('attacker answers:', statuses, `p95 ratio ${result.p95_ratio} (target ≤ 2)`);
  writeFileSync(join(__dirname, 'abuse-results.json'), `${JSON.stringify(result, null, 2)}\n`);
  child.send('stop');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
