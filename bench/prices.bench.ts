/**
 * What a point of price buys: the costliest operation of each kind (a page of cells, DOCX and HTML
 * renders, a region's 汇总, comparisons by agency, group-bys by township, a file read) sent to a
 * real server on one generated county, each priced by the server and timed, in one run. Prints
 * milliseconds per 1,000 points beside the page-of-cells baseline: a kind far above it is
 * under-priced (src/graphql/limits/pricing.ts baseCost). Same process, same engine for all.
 *
 *   npm run bench:prices [-- --runs 5]        (DATABASE_URL picks MariaDB)
 */
import 'reflect-metadata';
import { readFileSync } from 'fs';
import { join } from 'path';
import { parseArgs } from 'util';
import { generate } from '../src/generator/generator';
import { SEED_REPORT } from '../seeds/seed';
import { AUTH_ENV, bearer, createAccount, tokenOf } from '../tests/auth/test-accounts';
import { startTestApp } from '../tests/support/test-app';

const { values: opts } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
const RUNS = Number(opts.runs);

async function main() {
  const engine = process.env.DATABASE_URL ? 'mysql' : 'sqlite';
  const app = await startTestApp(engine, 'prices_bench', {
    env: { ...AUTH_ENV, RESPONSE_CACHE: 'off', QUERY_BUDGET_PER_HOUR: '0', ANONYMOUS_BUDGET_PER_HOUR: '0', LOG_LEVEL: 'silent' },
  });
  await generate(app.connection, { region: '370830', fromYear: 2019, toYear: 2024, seed: 7 });
  await app.importSeed();
  const admin = await createAccount(app, { name: 'prices-admin', role: 'ADMIN' });
  const editor = await createAccount(app, { name: 'prices-editor', role: 'AGENCY', agencyId: 2 });
  const adminAuth = bearer(await tokenOf(admin));
  const seed = readFileSync(SEED_REPORT).toString('base64');
  const pdf = readFileSync(join(__dirname, '../tests/fixtures/derived/lo-pdf/pingtan-2021.pdf')).toString('base64');
  const kinds: Array<[string, string, Record<string, unknown>, Record<string, string>]> = [
    ['page of 500 reports, every cell', '{ reports(first: 500) { nodes { id cells { key value raw } } } }', {}, adminAuth],
    ['100 DOCX renders', '{ reports(first: 100) { nodes { rendered(format: DOCX) } } }', {}, adminAuth],
    ['100 HTML renders', '{ reports(first: 100) { nodes { rendered(format: HTML) } } }', {}, adminAuth],
    [
      'county 汇总 as DOCX, 6 years',
      `{ region(code: "370830") { ${[2019, 2020, 2021, 2022, 2023, 2024].map((y) => `y${y}: renderedRollup(year: ${y}, format: DOCX)`).join(' ')} } }`,
      {},
      adminAuth,
    ],
    [
      'compare by agency, county',
      '{ compare(regionCode: "370830", year: 2024, by: AGENCY, keys: ["applications.new.total", "grant_rate"]) { label values { key value } } }',
      {},
      adminAuth,
    ],
    [
      'aggregate by township, 6 years',
      '{ aggregate(filter: { regionCode: "370830", fromYear: 2019, toYear: 2024, regionLevel: TOWNSHIP }, groupBy: [YEAR, REGION], keys: ["applications.new.total"]) { year regionCode values { key value } } }',
      {},
      adminAuth,
    ],
    [
      'previewReport of the sample report',
      'mutation($c: String!) { previewReport(input: { agencyId: "2", year: 2020, fileName: "seed.txt", contentBase64: $c }) { cells { key value } } }',
      { c: seed },
      bearer(await tokenOf(editor)),
    ],
    [
      'previewReport of a 198 KB PDF',
      'mutation($c: String!) { previewReport(input: { agencyId: "2", year: 2021, fileName: "pingtan-2021.pdf", contentBase64: $c }) { cells { key value } } }',
      { c: pdf },
      bearer(await tokenOf(editor)),
    ],
  ];
  const rows: Array<{ kind: string; points: number; ms: number; msPerKPoint: number }> = [];
  for (const [kind, query, variables, headers] of kinds) {
    let points = 0;
    const times: number[] = [];
    for (let i = 0; i < RUNS + 1; i++) {
      const t = performance.now();
      const res = await fetch(app.server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      const json = (await res.json()) as { errors?: Array<{ message: string }>; extensions?: { cost?: { requested: number } } };
      if (json.errors) throw new Error(`${kind}: ${json.errors[0].message}`);
      points = json.extensions?.cost?.requested ?? 0;
      if (i > 0) times.push(performance.now() - t); // the first run warms caches and JIT
    }
    const ms = times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
    rows.push({ kind, points, ms: Math.round(ms * 10) / 10, msPerKPoint: Math.round((ms / points) * 1e5) / 100 });
  }
  const base = rows[0].msPerKPoint;
  console.log(`engine ${engine}; one generated county (370830, 2019-2024) and the sample report; median of ${RUNS} runs after one warm-up`);
  console.table(rows.map((r) => ({ ...r, 'vs baseline': Math.round((r.msPerKPoint / base) * 100) / 100 })));
  await app.stop();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
