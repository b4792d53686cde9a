import type { Agency, Report } from '../../entities';
import type { ReportScope, ReportState } from '../../entities/report.entity';
import { assertMayImport } from '../policy/workflow.policy';
import { BadInputError, NotFoundError } from '../common/errors';
import type { DataContext, TransactionalConnection } from '../data/transactional-connection';
import type { RequestContext } from '../context/request-context';
import type { ParsedReport } from '../shared/parsed-report';
import type { SourceFormat } from '../ingest/report-document';
import { agencyNameFromTitle, kindFromName } from './agency-kind';
import { expectedScope } from './compliance.service';
import { AuditService } from './audit.service';
import { FindingService } from './finding.service';
import type { Finding as CheckFinding } from '../shared/checks';
import { prepareReport, type PreparedReport } from './report-preparation';

export interface ImportRequest {
  bytes: Buffer;
  fileName: string;
  agencyName?: string;
  regionCode?: string;
  year?: number;
  scope?: ReportScope;
  publishedOn?: string;
}

export type ImportStatus = 'stored' | 'revised' | 'unchanged';

export interface StoreMeta {
  year: number;
  scope: ReportScope;
  publishedOn: string | null;
  sourceFormat: SourceFormat;
  sourceName: string;
  sourceHash: string;
  sourceText: string;
  /** PUBLISHED unless filed through the workflow (reports collected from published sources enter published). */
  state?: ReportState;
  /** Why a correction was filed. */
  reason?: string | null;
}

export interface ImportOutcome {
  status: ImportStatus;
  report: Report;
  agency: Agency;
  parsed: ParsedReport;
  /** Findings of the checks on this revision (none when unchanged). */
  findings: CheckFinding[];
}

/** Input the caller can fix (name the agency, or the region to register it under): a 400 with its own code. */
export class UnknownAgencyError extends BadInputError {
  override readonly code = 'UNKNOWN_AGENCY';

  constructor(name: string | null, file: string) {
    super(
      name
        ? `${file}: no agency named "${name}" is registered; pass --region CODE to register it, or --agency NAME`
        : `${file}: the report names no agency in its title; pass --agency NAME`,
      { file, agency: name },
    );
  }
}

/**
 * Hooks that must run inside the transaction in which a revision becomes its series' latest
 * published one (roll-ups, cross-report checks): a published import, or a publication.
 */
export interface ReportWriteHook {
  /** `agency` is the written report's agency, so that a hook need not look it up again; `superseded` the series' previous published revision. */
  afterWrite(txCtx: DataContext, written: Report, superseded: Report | null, parsed: ParsedReport, agency: Agency): Promise<void>;
  /** The same for a revision stored earlier and published now: its figures are read back from the store. */
  afterPublish?(txCtx: DataContext, published: Report, superseded: Report | null, agency: Agency): Promise<void>;
  /** After a batch of imports: bring what the hook keeps up to date now rather than at the next read. */
  settle?(ctx: DataContext): Promise<void>;
}

/** Parses, then stores a report whole in one transaction, or nothing; a changed source becomes a new revision. */
export class ImportService {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly hooks: ReportWriteHook[] = [],
    private readonly findings = new FindingService(connection),
    private readonly audit = new AuditService(connection),
  ) {}

  /** How many imports may be stored at once (bulk imports): the connection's write lanes. */
  get storeLanes(): number {
    return this.connection.writeLanes;
  }

  async importReport(ctx: RequestContext, req: ImportRequest): Promise<ImportOutcome> {
    return this.importPrepared(ctx, req, await prepareReport(req.bytes, req.fileName, req.year));
  }

  /** Stores a report already read and checked (prepareReport, here or in a parse thread). */
  importPrepared(ctx: RequestContext, req: Omit<ImportRequest, 'bytes'>, prepared: PreparedReport): Promise<ImportOutcome> {
    const { parsed, sourceText, format, sourceHash: hash, year } = prepared;
    return this.connection.withTransaction(ctx, async (txCtx) => {
      const agency = await this.resolveAgency(txCtx, req, parsed);
      assertMayImport(ctx.viewer, agency);
      const scope: ReportScope = req.scope ?? expectedScope(agency);
      const result = await this.store(
        txCtx,
        agency,
        parsed,
        {
          year,
          scope,
          publishedOn: req.publishedOn ?? parsed.publishedOn,
          sourceFormat: format,
          sourceName: req.fileName,
          sourceHash: hash,
          sourceText,
        },
        prepared.findings,
      );
      if (result.status !== 'unchanged')
        await this.audit.record(txCtx, ctx.viewer, {
          action: 'IMPORT',
          reportId: result.report.id,
          agencyId: agency.id,
          regionPath: agency.regionPath,
          after: { state: result.report.state, revision: result.report.revision },
          detail: req.fileName.slice(-500),
        });
      return { ...result, agency, parsed };
    });
  }

  /**
   * Writes one report revision in ctx's transaction (a new one when ctx has none): unchanged source
   * → nothing; changed source → a new revision superseding the current one, in meta.state
   * (PUBLISHED unless said). A published revision also supersedes the series' published one, and
   * the write hooks run, in the same transaction. `checked`: the single-report findings when
   * already run for meta.year.
   */
  store(
    ctx: DataContext,
    agency: Agency,
    parsed: ParsedReport,
    meta: StoreMeta,
    checked?: CheckFinding[],
  ): Promise<{ status: ImportStatus; report: Report; findings: CheckFinding[] }> {
    return this.connection.withTransaction(ctx, async (txCtx) => {
      const repos = this.connection.repos(txCtx);
      const revisions = await repos.reports.revisionsOf(agency.id, meta.year, meta.scope);
      const same = revisions.find((r) => r.sourceHash === meta.sourceHash);
      if (same) return { status: 'unchanged' as const, report: same, findings: [] };
      const previous = revisions.find((r) => r.current) ?? null;
      if (previous) await repos.reports.supersede(previous.id);
      const state = meta.state ?? 'PUBLISHED';
      const published = state === 'PUBLISHED' ? (revisions.find((r) => r.publishedCurrent) ?? null) : null;
      if (published) await repos.reports.setState(published.id, { publishedCurrent: false });
      const report = await repos.reports.insert({
        agencyId: agency.id,
        year: meta.year,
        edition: parsed.edition,
        scope: meta.scope,
        revision: (revisions[revisions.length - 1]?.revision ?? 0) + 1,
        current: true,
        state,
        publishedCurrent: state === 'PUBLISHED',
        reason: meta.reason?.slice(0, 2000) ?? null,
        returnComment: null,
        returnedFindings: null,
        title: parsed.title?.slice(0, 300) ?? null,
        period: parsed.period?.slice(0, 100) ?? null,
        publishedOn: meta.publishedOn,
        sourceFormat: meta.sourceFormat,
        sourceName: meta.sourceName.slice(-500),
        sourceHash: meta.sourceHash,
        sourceText: meta.sourceText,
      });
      await repos.reports.insertCells(
        Object.entries(parsed.cells).map(([key, c]) => ({
          reportId: report.id,
          key,
          value: c.value,
          raw: c.raw.slice(0, 500),
          source: c.source,
        })),
      );
      await repos.reports.insertNarratives(
        parsed.narratives.map((n) => ({ reportId: report.id, section: n.section, heading: n.heading.slice(0, 300), text: n.text })),
      );
      const findings = await this.findings.recordChecks(txCtx, report, parsed, checked);
      if (state === 'PUBLISHED') for (const hook of this.hooks) await hook.afterWrite(txCtx, report, published, parsed, agency);
      await repos.dataVersions.bump();
      return { status: previous ? ('revised' as const) : ('stored' as const), report, findings };
    });
  }

  /** After a batch (npm run import): the hooks' deferred work done now, so the batch ends with everything in place. */
  async settle(ctx: DataContext): Promise<void> {
    for (const hook of this.hooks) await hook.settle?.(ctx);
  }

  /** Runs the write hooks for a stored revision published now (src/services/workflow.service.ts), in txCtx's transaction. */
  async afterPublish(txCtx: DataContext, report: Report, superseded: Report | null, agency: Agency): Promise<void> {
    for (const hook of this.hooks) await hook.afterPublish?.(txCtx, report, superseded, agency);
  }

  private async resolveAgency(txCtx: DataContext, req: Omit<ImportRequest, 'bytes'>, parsed: ParsedReport): Promise<Agency> {
    const repos = this.connection.repos(txCtx);
    const name = req.agencyName ?? agencyNameFromTitle(parsed.title);
    if (!name) throw new UnknownAgencyError(null, req.fileName);
    let candidates = await repos.agencies.byName(name);
    if (req.regionCode) candidates = candidates.filter((a) => a.regionCode === req.regionCode);
    if (candidates.length === 1) return candidates[0];
    if (candidates.length > 1)
      throw new BadInputError(`${req.fileName}: ${candidates.length} agencies are named "${name}"; pass --region CODE`, {
        file: req.fileName,
      });
    if (!req.regionCode) throw new UnknownAgencyError(name, req.fileName);
    const [region] = await repos.regions.byCodes([req.regionCode]);
    if (!region) throw new NotFoundError('region', req.regionCode);
    return repos.agencies.insert({
      name,
      kind: kindFromName(name),
      regionCode: region.code,
      regionPath: region.path,
      parentId: null,
      exempt: false,
      active: true,
    });
  }
}
