import type { EntityManager } from 'typeorm';
import { Agency, Report, ReportCell, type Finding } from '../../entities';
import { assertCanReview } from '../auth/viewer';
import { cellValues, checkCarryOver, checkReport, RULE_CODES, type CellValues, type Finding as CheckFinding } from '../checks';
import { connection, decodeCursor, pageSize } from '../common/cursor';
import { BadInputError, NotFoundError } from '../common/errors';
import { getEdition } from '../editions';
import { DataVersionRepository } from '../data/data-version.repository';
import { FindingRepository } from '../data/finding.repository';
import type { RequestContext } from '../graphql/request-context';
import { scopedRegionPath } from './region.service';
import type { ParsedReport } from '../ingest/parsed-report';
import { pathCodes } from '../data/subtree';

export interface FindingFilterInput {
  regionCode?: string | null;
  year?: number | null;
  rule?: string | null;
  severity?: string | null;
  status?: string | null;
  review?: string | null;
}

async function currentValues(manager: EntityManager, agencyId: number, year: number, scope: string): Promise<{ report: Report; values: CellValues } | null> {
  const report = await manager.getRepository(Report).findOne({ select: { id: true, edition: true }, where: { agencyId, year, scope: scope as Report['scope'], current: true } });
  if (!report) return null;
  const cells = await manager.getRepository(ReportCell).find({ where: { reportId: report.id } });
  return { report, values: Object.fromEntries(cells.map((c) => [c.key, c.value])) };
}

export class FindingService {
  /**
   * Runs every check on a freshly written revision, inside its transaction; the carry-over rule
   * also re-checks next year's report, which may have arrived first.
   */
  async recordChecks(manager: EntityManager, report: Report, parsed: ParsedReport): Promise<CheckFinding[]> {
    const repo = new FindingRepository(manager);
    const previous = await currentValues(manager, report.agencyId, report.year - 1, report.scope);
    const findings = checkReport(parsed, { importYear: report.year, previous: previous?.values });
    await repo.insertFor(report.id, findings);
    const next = await currentValues(manager, report.agencyId, report.year + 1, report.scope);
    if (next) {
      const values = cellValues(parsed);
      await repo.deleteRule([next.report.id], RULE_CODES.carryOverMismatch);
      await repo.insertFor(next.report.id, checkCarryOver(values, next.values, getEdition(next.report.edition)));
    }
    return findings;
  }

  async list(ctx: RequestContext, filter: FindingFilterInput | null | undefined, first?: number | null, after?: string | null) {
    const limit = pageSize(first);
    const path = await scopedRegionPath(ctx, filter?.regionCode);
    const { rows, total, byRule, byPath } = await new FindingRepository(ctx.db).page({ ...filter, regionPath: path, afterId: decodeCursor('finding', after), limit });
    // Counts by child region of the asked region: fold agency region paths into the next level down.
    const depth = path ? pathCodes(path).length : 0;
    const byChild = new Map<string, number>();
    for (const r of byPath) {
      const code = pathCodes(r.key)[depth];
      if (code) byChild.set(code, (byChild.get(code) ?? 0) + Number(r.n));
    }
    const children = await ctx.loaders.regionByCodeLoader.loadMany([...byChild.keys()]);
    return {
      ...connection('finding', rows, total, limit),
      byRule: byRule.map((r) => ({ key: r.key, label: null, count: Number(r.n) })),
      byRegion: [...byChild].map(([code, count], i) => ({ key: code, label: (children[i] as { name?: string } | null)?.name ?? null, count })),
    };
  }

  forReport(ctx: RequestContext, report: Report): Promise<Finding[]> {
    return ctx.loaders.findingsByReportIdLoader.load(report.id);
  }

  /** Confirms or dismisses a finding, keeping who and when. */
  async review(ctx: RequestContext, id: number, decision: 'CONFIRMED' | 'DISMISSED' | 'OPEN', comment: string | null | undefined): Promise<Finding> {
    const repo = new FindingRepository(ctx.db);
    const finding = await repo.byId(id);
    if (!finding) throw new NotFoundError('finding', id);
    const report = await ctx.loaders.reportByIdLoader.load(finding.reportId);
    const agency = report && (await ctx.db.getRepository(Agency).findOneBy({ id: report.agencyId }));
    if (!agency) throw new NotFoundError('report', finding.reportId);
    assertCanReview(ctx.viewer, agency.regionPath);
    if (decision === 'DISMISSED' && !comment?.trim()) throw new BadInputError('a dismissal needs a comment saying why', { argument: 'comment' });
    finding.review = decision;
    finding.reviewComment = comment?.trim() || null;
    finding.reviewedBy = ctx.viewer.id;
    finding.reviewedAt = new Date().toISOString();
    return ctx.db.transaction(async (m) => {
      const saved = await new FindingRepository(m).save(finding);
      await new DataVersionRepository(m).bump();
      return saved;
    });
  }
}
