import { withCarryOver, type Finding as CheckFinding } from '../shared/checks';
import type { Agency } from '../../entities';
import type { TransactionalConnection } from '../data/transactional-connection';
import { cellsOf, getEdition } from '../shared/editions';
import type { RequestContext } from '../context/request-context';
import type { ParsedNarrative } from '../shared/parsed-report';
import type { CellSource, SourceFormat } from '../ingest/report-document';
import { expectedScope } from './compliance.service';
import type { FileInput, WorkflowService } from './workflow.service';

export interface PreviewCellView {
  key: string;
  /** Exact decimal text, null for a blank. */
  value: string | null;
  raw: string;
  source: CellSource | null;
}

/** What a file reads as, before anything is stored: the upload form's answer. */
export interface ReportPreviewResult {
  edition: string;
  year: number;
  title: string | null;
  period: string | null;
  publishedOn: string | null;
  sourceFormat: SourceFormat;
  cells: PreviewCellView[];
  narratives: ParsedNarrative[];
  findings: CheckFinding[];
  warnings: string[];
  sourceText: string;
}

/**
 * Filing from the browser: a file read and checked exactly as submitReport reads and checks it
 * (the same WorkflowService.readFiling: decoding, permission, readers, errors), and nothing
 * written, not even an audit row, because a preview changes nothing.
 */
export class FilingService {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly workflow: WorkflowService,
  ) {}

  /** The agency whose form the viewer opens, refused as a filing for it would be. */
  openForm(ctx: RequestContext, agencyId: string): Promise<Agency> {
    return this.workflow.filingAgency(ctx, agencyId, `the filing form of agency ${agencyId}`);
  }

  async previewReport(ctx: RequestContext, input: FileInput): Promise<ReportPreviewResult> {
    const { agency, prepared } = await this.workflow.readFiling(ctx, input);
    const { parsed, year } = prepared;
    const edition = getEdition(parsed.edition);
    // The carry-over from the previous year's current revision, as FindingService.recordChecks adds it
    // when the revision is stored: the preview's findings are the ones submitReport would answer.
    const previous = (await this.connection.repos(ctx).reports.currentValuesIn(agency.id, [year - 1], expectedScope(agency))).get(year - 1);
    const findings = withCarryOver(prepared.findings, parsed, previous?.values);
    return {
      edition: edition.id,
      year,
      title: parsed.title,
      period: parsed.period,
      publishedOn: parsed.publishedOn,
      sourceFormat: prepared.format,
      cells: cellsOf(edition).map(({ key }) => {
        const c = parsed.cells[key];
        return { key, value: c?.value ?? null, raw: c?.raw ?? '', source: c?.source ?? null };
      }),
      narratives: parsed.narratives,
      findings,
      warnings: parsed.warnings,
      sourceText: prepared.sourceText,
    };
  }
}
