import { readdirSync, statSync } from 'fs';
import { availableParallelism } from 'os';
import { join, relative } from 'path';
import type { ReportScope } from '../../entities/report.entity';
import { NianbaoError } from '../common/errors';
import type { RequestContext } from '../context/request-context';
import type { ImportOutcome, ImportService } from './import.service';
import { ParsePool } from './parse-pool';
import type { PreparedReport } from './report-preparation';
import { agencyNameFromTitle } from './agency-kind';
import { runPipeline } from '../common/pipeline';

export interface BulkImportOptions {
  agencyName?: string;
  regionCode?: string;
  year?: number;
  scope?: ReportScope;
}

export interface FileResult {
  file: string;
  status: ImportOutcome['status'] | 'rejected';
  /** For stored reports: "report 12 (agency, year, revision 1)"; for rejections the reason with its place. */
  detail: string;
  code?: string;
}

export interface BulkImportSummary {
  files: number;
  stored: number;
  revised: number;
  unchanged: number;
  rejected: FileResult[];
  findingsBySeverity: Record<string, number>;
  seconds: number;
}

/** Files under the given paths, folders walked in name order. */
export function listFiles(paths: string[]): string[] {
  return paths.flatMap((p) =>
    statSync(p).isDirectory()
      ? listFiles(
          readdirSync(p)
            .sort()
            .map((f) => join(p, f)),
        )
      : [p],
  );
}

/**
 * Imports files one transaction each; a rejected file is reported and the walk goes on. Files are
 * read and checked in the sandbox (a pool's threads, with their heap and time limits: the given
 * pool, or one of up to a thread per core for this import) a few ahead of the stores; stores run on
 * `imports.storeLanes` connections at once (one on SQLite, which has one writer), the files of one
 * agency one after the other in file order (src/common/pipeline.ts). At most 2 × pool size files are
 * in flight and nothing of a stored file is kept, so memory stays flat however many files there are.
 */
export async function importFiles(
  imports: ImportService,
  ctx: RequestContext,
  files: string[],
  opts: BulkImportOptions,
  onFile: (result: FileResult, done: number) => void = () => undefined,
  given?: ParsePool,
): Promise<BulkImportSummary> {
  const pool = given ?? new ParsePool(Math.max(1, Math.min(files.length, availableParallelism())));
  try {
    return await importWith(imports, ctx, files, opts, onFile, pool);
  } finally {
    if (!given) await pool.close();
  }
}

async function importWith(
  imports: ImportService,
  ctx: RequestContext,
  files: string[],
  opts: BulkImportOptions,
  onFile: (result: FileResult, done: number) => void,
  pool: ParsePool,
): Promise<BulkImportSummary> {
  const started = Date.now();
  const summary: BulkImportSummary = {
    files: files.length,
    stored: 0,
    revised: 0,
    unchanged: 0,
    rejected: [],
    findingsBySeverity: { error: 0, warning: 0, info: 0 },
    seconds: 0,
  };
  const name = (path: string) => relative(process.cwd(), path);
  let done = 0;
  const rejectedAt = new Map<FileResult, number>();
  await runPipeline<PreparedReport, ImportOutcome>({
    count: files.length,
    ahead: 2 * pool.size,
    lanes: imports.storeLanes,
    prepare: (i) => pool.prepare(files[i], name(files[i]), opts.year),
    keyOf: (p) => seriesKey(opts, p),
    write: (p, i) => imports.importPrepared(ctx, { fileName: name(files[i]), ...opts }, p),
    onDone: (i, outcome) => {
      const file = name(files[i]);
      let result: FileResult;
      if (outcome.ok) {
        const r = outcome.value;
        summary[r.status]++;
        for (const f of r.findings) if (f.status === 'failed') summary.findingsBySeverity[f.severity]++;
        result = {
          file,
          status: r.status,
          detail: `report ${r.report.id} (${r.agency.name}, ${r.report.year}, revision ${r.report.revision})`,
        };
      } else {
        const e = outcome.error;
        result = { file, status: 'rejected', detail: (e as Error).message, code: e instanceof NianbaoError ? e.code : 'ERROR' };
        rejectedAt.set(result, i);
        summary.rejected.push(result);
      }
      onFile(result, ++done);
    },
  });
  await imports.settle(ctx);
  summary.rejected.sort((a, b) => rejectedAt.get(a)! - rejectedAt.get(b)!); // file order, whichever lane finished first
  summary.seconds = (Date.now() - started) / 1000;
  return summary;
}

/**
 * Files of one report series (agency and year) are stored one after the other, so its revisions
 * number in file order. With a region to register unknown agencies under, every file naming an
 * agency waits for the one before it, which may be registering it.
 */
export function seriesKey(opts: Pick<BulkImportOptions, 'agencyName' | 'regionCode'>, p: PreparedReport): string {
  const agency = opts.agencyName ?? agencyNameFromTitle(p.parsed.title) ?? '';
  return opts.regionCode ? agency : `${agency}|${p.year}`;
}

export function formatSummary(s: BulkImportSummary): string {
  const lines = [
    `${s.files} files in ${s.seconds.toFixed(1)} s (${(s.files / Math.max(s.seconds, 0.001)).toFixed(1)}/s): ${s.stored} stored, ${s.revised} revised, ${s.unchanged} unchanged, ${s.rejected.length} rejected`,
    `failed checks on stored revisions: ${s.findingsBySeverity.error} error, ${s.findingsBySeverity.warning} warning, ${s.findingsBySeverity.info} info`,
  ];
  const byCode = new Map<string, number>();
  for (const r of s.rejected) byCode.set(r.code ?? 'ERROR', (byCode.get(r.code ?? 'ERROR') ?? 0) + 1);
  if (byCode.size) lines.push(`rejected by reason: ${[...byCode].map(([c, n]) => `${c} ${n}`).join(', ')}`);
  return lines.join('\n');
}
