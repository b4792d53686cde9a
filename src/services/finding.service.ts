import type { Finding, Report } from '../../entities';
import { assertMayReview, reviewRefused } from '../policy/finding.policy';
import { cellValues, checkCarryOver, checkReport, RULE_CODES, withCarryOver, type Finding as CheckFinding } from '../shared/checks';
import { connection, decodeCursor, pageSize } from '../common/cursor';
import { BadInputError, NotFoundError } from '../common/errors';
import { textCapacity } from '../data/column-capacity';
import { PUBLIC_READER } from '../data/report-visibility';
import { getEdition } from '../shared/editions';
import type { DataContext, TransactionalConnection } from '../data/transactional-connection';
import type { RequestContext } from '../context/request-context';
import { scopedRegionPath } from './region.service';
import type { ParsedReport } from '../shared/parsed-report';
import { pathCodes } from '../data/subtree';
import { AuditService } from './audit.service';
import { readerOf } from './visible-reports';

export interface FindingFilterInput {
  regionCode?: string | null;
  year?: number | null;
  rule?: string | null;
  severity?: string | null;
  status?: string | null;
  review?: string | null;
}

/** What the review comment's column holds: the service keeps it for callers that are not the API (the CLI, jobs). */
const REVIEW_COMMENT_MAX = textCapacity('Finding', 'reviewComment');

const lower = (s?: string | null) => (s ? s.toLowerCase() : s);

export class FindingService {
  private readonly audit: AuditService;

  constructor(private readonly connection: TransactionalConnection) {
    this.audit = new AuditService(connection);
  }

  /**
   * Runs every check on a freshly written revision, inside its transaction; the carry-over rule
   * also re-checks next year's report, which may have arrived first. `single` are the single-report
   * checks when already run (in a parse worker, for this revision's year): only carry-over is added.
   */
  async recordChecks(txCtx: DataContext, report: Report, parsed: ParsedReport, single?: CheckFinding[]): Promise<CheckFinding[]> {
    const { findings: repo, reports } = this.connection.repos(txCtx);
    const neighbours = await reports.currentValuesIn(report.agencyId, [report.year - 1, report.year + 1], report.scope);
    const previous = neighbours.get(report.year - 1);
    const values = cellValues(parsed);
    const findings = single
      ? withCarryOver(single, parsed, previous?.values)
      : checkReport(parsed, { importYear: report.year, previous: previous?.values });
    await repo.insertFor(report.id, findings);
    const next = neighbours.get(report.year + 1);
    if (next) {
      await repo.deleteRule([next.report.id], RULE_CODES.carryOverMismatch);
      await repo.insertFor(next.report.id, checkCarryOver(values, next.values, getEdition(next.report.edition)));
    }
    return findings;
  }

  async list(ctx: RequestContext, filter: FindingFilterInput | null | undefined, first?: number | null, after?: string | null) {
    const limit = pageSize(first);
    const path = await scopedRegionPath(ctx, filter?.regionCode);
    const asked = filter?.regionCode ? await ctx.loaders.regionByCodeLoader.load(filter.regionCode) : null;
    // The API spells severities and statuses in capitals, the store in lower case.
    const { rows, total, byRule, byPath } = await this.connection.repos(ctx).findings.page({
      ...filter,
      severity: lower(filter?.severity),
      status: lower(filter?.status),
      regionPath: path,
      afterId: decodeCursor('finding', after),
      limit,
    });
    // Counts by child region of the asked region (not of the viewer's part of it: each count is
    // labelled by the region it counts), folding agency region paths into the next level down.
    const depth = asked ? pathCodes(asked.path).length : 0;
    const byChild = new Map<string, number>();
    for (const r of byPath) {
      const code = pathCodes(r.key)[depth];
      if (code) byChild.set(code, (byChild.get(code) ?? 0) + Number(r.n));
    }
    const children = await ctx.loaders.regionByCodeLoader.loadMany([...byChild.keys()]);
    return {
      ...connection('finding', rows, total, limit),
      byRule: byRule.map((r) => ({ key: r.key, label: null, count: Number(r.n) })),
      byRegion: [...byChild].map(([code, count], i) => ({
        key: code,
        label: (children[i] as { name?: string } | null)?.name ?? null,
        count,
      })),
    };
  }

  /** A report's findings, optionally of one severity and status (as the API spells them). */
  async forReport(ctx: RequestContext, report: Report, severity?: string | null, status?: string | null): Promise<Finding[]> {
    const all = await ctx.loaders.visibleFindingsByReportId.load(report.id);
    return all.filter((f) => (!severity || f.severity === lower(severity)) && (!status || f.status === lower(status)));
  }

  /**
   * Confirms or dismisses a finding, keeping who and when. A finding of a revision the viewer may
   * not read is NOT_FOUND, as an id that does not exist (no oracle over sequential ids), and
   * nothing is stored; one of a published revision (public anyway) outside its region is FORBIDDEN.
   */
  async review(
    ctx: RequestContext,
    id: number,
    decision: 'CONFIRMED' | 'DISMISSED' | 'OPEN',
    comment: string | null | undefined,
  ): Promise<Finding> {
    const repos = this.connection.repos(ctx);
    const finding = await repos.findings.readableById(id, readerOf(ctx.viewer));
    if (!finding) {
      if (await repos.findings.readableById(id, PUBLIC_READER)) throw reviewRefused();
      throw new NotFoundError('finding', id);
    }
    const report = await ctx.loaders.visibleReportById.load(finding.reportId);
    const agency = report && (await ctx.loaders.agencyByIdLoader.load(report.agencyId));
    if (!agency) throw new NotFoundError('finding', id);
    assertMayReview(ctx.viewer, agency.regionPath);
    if (decision === 'DISMISSED' && !comment?.trim())
      throw new BadInputError('a dismissal needs a comment saying why', { argument: 'comment' });
    // The column's declared length, held here on both engines (SQLite would store any length).
    if ((comment?.trim().length ?? 0) > REVIEW_COMMENT_MAX)
      throw new BadInputError(`comment: longer than ${REVIEW_COMMENT_MAX} characters`, { argument: 'comment' });
    const before = { review: finding.review, reviewComment: finding.reviewComment };
    finding.review = decision;
    finding.reviewComment = comment?.trim() || null;
    finding.reviewedBy = ctx.viewer.id;
    finding.reviewedAt = new Date().toISOString();
    return this.connection.withTransaction(ctx, async (txCtx) => {
      const tx = this.connection.repos(txCtx);
      const saved = await tx.findings.save(finding);
      await this.audit.record(txCtx, ctx.viewer, {
        action: 'REVIEW_FINDING',
        reportId: finding.reportId,
        findingId: id,
        agencyId: agency.id,
        regionPath: agency.regionPath,
        before,
        after: { review: saved.review, reviewComment: saved.reviewComment },
      });
      await tx.dataVersions.bump();
      return saved;
    });
  }
}
