import { readdirSync, readFileSync, statSync } from 'fs';
import { join, relative } from 'path';
import { parseArgs } from 'util';
import { seedIfEmpty } from '../../seeds/seed';
import { openApp } from '../app';
import { SYSTEM } from '../auth/viewer';
import { NianbaoError } from '../common/errors';
import { readEnv } from '../config/env';
import { createRequestContext } from '../graphql/request-context';
import { checkReport } from '../checks';
import { valuesOf } from '../ingest/parsed-report';
import { readReport } from '../ingest/report-reader';

const USAGE = 'usage: npm run import -- FILE|DIR… [--agency NAME] [--region CODE] [--year YYYY] [--scope own|consolidated] [--dry-run --json]';

/** Files under the given paths, folders walked in name order. */
function expand(paths: string[]): string[] {
  return paths.flatMap((p) => (statSync(p).isDirectory() ? expand(readdirSync(p).sort().map((f) => join(p, f))) : [p]));
}

async function main() {
  const { values: opts, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      agency: { type: 'string' },
      region: { type: 'string' },
      year: { type: 'string' },
      scope: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
  });
  if (positionals.length === 0) {
    console.error(USAGE);
    process.exit(2);
  }
  if (opts.year && !/^\d{4}$/.test(opts.year)) throw new Error(`--year must be four digits, not "${opts.year}"`);
  if (opts.scope && !/^(own|consolidated)$/i.test(opts.scope)) throw new Error(`--scope must be own or consolidated`);
  const year = opts.year ? Number(opts.year) : undefined;
  const scope = opts.scope ? (opts.scope.toUpperCase() as 'OWN' | 'CONSOLIDATED') : undefined;
  const files = expand(positionals);

  if (opts['dry-run']) {
    let failed = 0;
    for (const file of files) {
      try {
        const { parsed } = await readReport(readFileSync(file), { file, year });
        const raw = Object.fromEntries(Object.entries(parsed.cells).map(([k, c]) => [k, c.raw]));
        const findings = checkReport(parsed, { importYear: year }).map(({ rule, severity, status, cells, message }) => ({ rule, severity, status, cells, message }));
        const out = { edition: parsed.edition, year: year ?? parsed.year, values: valuesOf(parsed), raw, findings };
        console.log(opts.json ? JSON.stringify(out, null, 2) : `${file}: parsed, edition ${out.edition}, year ${out.year}`);
      } catch (e) {
        failed++;
        console.error(`${file}: rejected: ${(e as Error).message}`);
      }
    }
    process.exit(failed ? 1 : 0);
  }

  const env = readEnv();
  const { db, services } = await openApp(env);
  // A first import on a fresh machine needs the regions and agencies a report is filed under.
  await seedIfEmpty(db, services.imports, env.REGION_SEED);
  const ctx = createRequestContext(db, SYSTEM, services);
  const counts = { stored: 0, revised: 0, unchanged: 0, rejected: 0 };
  for (const file of files) {
    const name = relative(process.cwd(), file);
    try {
      const r = await services.imports.importReport(ctx, { bytes: readFileSync(file), fileName: name, agencyName: opts.agency, regionCode: opts.region, year, scope });
      counts[r.status]++;
      console.log(`${name}: ${r.status} as report ${r.report.id} (${r.agency.name}, ${r.report.year}, revision ${r.report.revision})`);
    } catch (e) {
      counts.rejected++;
      const code = e instanceof NianbaoError ? ` [${e.code}]` : '';
      console.log(`${name}: rejected${code}: ${(e as Error).message}`);
    }
  }
  console.log(`${files.length} files: ${counts.stored} stored, ${counts.revised} revised, ${counts.unchanged} unchanged, ${counts.rejected} rejected`);
  await db.destroy();
  process.exit(counts.rejected ? 1 : 0);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(2);
});
