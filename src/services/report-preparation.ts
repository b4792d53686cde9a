import { createHash } from 'crypto';
import { checkReport, type Finding as CheckFinding } from '../shared/checks';
import { BadInputError } from '../common/errors';
import type { ParsedReport } from '../shared/parsed-report';
import type { SourceFormat } from '../ingest/report-document';
import { readReport } from '../ingest/report-reader';

/** A report read and checked on its own, before any database is asked: what a parse worker hands back. */
export interface PreparedReport {
  parsed: ParsedReport;
  sourceText: string;
  format: SourceFormat;
  sourceHash: string;
  /** The year it is imported under (--year, else the report's own). */
  year: number;
  /** The single-report checks for that year; carry-over is added when stored. */
  findings: CheckFinding[];
}

/** Reads, then runs the single-report checks: pure CPU, so it can run on any thread. */
export async function prepareReport(bytes: Buffer, fileName: string, year?: number): Promise<PreparedReport> {
  const { parsed, sourceText, format } = await readReport(bytes, { file: fileName, year });
  const y = year ?? parsed.year;
  if (!y) throw new BadInputError(`${fileName}: the report states no year; pass --year YYYY`, { file: fileName });
  const sourceHash = createHash('sha256').update(bytes).digest('hex');
  return { parsed, sourceText, format, sourceHash, year: y, findings: checkReport(parsed, { importYear: y }) };
}
