import { availableParallelism } from 'os';
import { parseArgs } from 'util';
import { SingleBar } from 'cli-progress';
import type { ReportScope } from '../../entities/report.entity';
import { seedIfEmpty } from '../../seeds/seed';
import { openApp } from '../app';
import { SYSTEM } from '../auth/viewer';
import { readEnv } from '../config/env';
import { createRequestContext } from '../context/request-context';
import { valuesOf } from '../shared/parsed-report';
import { closePdfReader } from '../ingest/readers/pdf/pdf-extraction';
import { formatSummary, importFiles, listFiles } from '../services/bulk-import.service';
import { ParsePool } from '../services/parse-pool';

const USAGE =
  'usage: npm run import -- FILE|DIR… [--agency NAME] [--region CODE] [--year YYYY] [--scope own|consolidated] [--dry-run --json] [--quiet]';

/** Files are read in the sandbox (src/services/parse-pool.ts), as a server reads an upload: one thread per core, none more than files. */
const sandbox = (files: string[]) => new ParsePool(Math.max(1, Math.min(files.length, availableParallelism())));

async function dryRun(files: string[], year: number | undefined, json: boolean): Promise<number> {
  let failed = 0;
  const pool = sandbox(files);
  for (const file of files) {
    try {
      const { parsed, findings: checked } = await pool.prepare(file, file, year);
      const raw = Object.fromEntries(Object.entries(parsed.cells).map(([k, c]) => [k, c.raw]));
      const findings = checked.map(({ rule, severity, status, cells, message }) => ({ rule, severity, status, cells, message }));
      const out = { edition: parsed.edition, year: year ?? parsed.year, values: valuesOf(parsed), raw, findings };
      await write(
        process.stdout,
        (json ? JSON.stringify(out, null, 2) : `${file}: parsed, edition ${out.edition}, year ${out.year}, ${findings.length} findings`) +
          '\n',
      );
    } catch (e) {
      failed++;
      await write(process.stderr, `${file}: rejected: ${(e as Error).message}\n`);
    }
  }
  await pool.close();
  await closePdfReader();
  return failed ? 1 : 0;
}

/** Writes and waits until the stream has taken it (a pipe is asynchronous: output must not outrun the exit). */
function write(stream: NodeJS.WriteStream, text: string): Promise<void> {
  return new Promise((resolve, reject) => stream.write(text, (e) => (e ? reject(e) : resolve())));
}

async function main(): Promise<number> {
  const { values: opts, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      agency: { type: 'string' },
      region: { type: 'string' },
      year: { type: 'string' },
      scope: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
    },
  });
  if (positionals.length === 0) {
    console.error(USAGE);
    return 2;
  }
  if (opts.year && !/^\d{4}$/.test(opts.year)) throw new Error(`--year must be four digits, not "${opts.year}"`);
  if (opts.scope && !/^(own|consolidated)$/i.test(opts.scope)) throw new Error('--scope must be own or consolidated');
  const year = opts.year ? Number(opts.year) : undefined;
  const files = listFiles(positionals);
  if (opts['dry-run']) return dryRun(files, year, opts.json);

  const env = readEnv();
  const app = await openApp(env);
  // A first import on a fresh machine needs the regions and agencies a report is filed under.
  await seedIfEmpty(app, env.REGION_SEED);
  const ctx = createRequestContext(app.connection, SYSTEM);
  const bar = new SingleBar({
    format: 'importing [{bar}] {value}/{total} | {rate}/s | {eta_formatted} left',
    stream: process.stderr,
    noTTYOutput: true,
    notTTYSchedule: 5000,
    hideCursor: true,
  });
  if (files.length > 1) bar.start(files.length, 0, { rate: '0.0' });
  const started = Date.now();
  const progress = files.length > 1;
  const scope = opts.scope ? (opts.scope.toUpperCase() as ReportScope) : undefined;
  // Read and check on every core while this thread stores.
  const pool = sandbox(files);
  const summary = await importFiles(
    app.services.imports,
    ctx,
    files,
    { agencyName: opts.agency, regionCode: opts.region, year, scope },
    (r, done) => {
      if (!opts.quiet || r.status === 'rejected') {
        // Clear the bar's line first so that the file's line is not printed over it.
        if (progress && process.stderr.isTTY) process.stderr.write('\r\x1b[K');
        console.log(`${r.file}: ${r.status}${r.code ? ` [${r.code}]` : ''}: ${r.detail}`);
      }
      if (progress) bar.update(done, { rate: (done / Math.max((Date.now() - started) / 1000, 0.001)).toFixed(1) });
    },
    pool,
  ).finally(() => pool.close());
  if (files.length > 1) bar.stop();
  await write(process.stdout, formatSummary(summary) + '\n');
  await app.close();
  await closePdfReader();
  return summary.rejected.length ? 1 : 0;
}

// No process.exit: the process ends when its output has drained, so a pipe gets all of it (issue 8).
main().then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.exitCode = 2;
    process.stderr.write(`${e instanceof Error ? e.message : e}\n`);
  },
);
