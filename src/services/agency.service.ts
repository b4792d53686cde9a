import type { Agency, Report } from '../../entities';
import type { ReportScope } from '../../entities/report.entity';
import { maySeeAgency } from '../policy/region.policy';
import { connection, decodeCursor, pageSize } from '../common/cursor';
import type { TransactionalConnection } from '../data/transactional-connection';
import type { RequestContext } from '../context/request-context';
import { scopedRegionPath } from './region.service';

export interface AgencyFilterInput {
  nameContains?: string | null;
  regionCode?: string | null;
  kind?: string | null;
  parentId?: string | null;
}

export class AgencyService {
  constructor(private readonly connection: TransactionalConnection) {}

  async byId(ctx: RequestContext, id: number): Promise<Agency | null> {
    const agency = await ctx.loaders.agencyByIdLoader.load(id);
    return agency && maySeeAgency(ctx.viewer, agency) ? agency : null;
  }

  async list(ctx: RequestContext, filter: AgencyFilterInput | null | undefined, first?: number | null, after?: string | null) {
    const limit = pageSize(first);
    const regionPath = await scopedRegionPath(ctx, filter?.regionCode);
    const { rows, total } = await this.connection.repos(ctx).agencies.page({
      nameContains: filter?.nameContains,
      regionPath,
      kind: filter?.kind,
      parentId: filter?.parentId != null ? Number(filter.parentId) : null,
      afterId: decodeCursor('agency', after),
      limit,
    });
    for (const a of rows) ctx.loaders.agencyByIdLoader.prime(a.id, a);
    return connection('agency', rows, total, limit);
  }

  async parent(ctx: RequestContext, agency: Agency): Promise<Agency | null> {
    return agency.parentId ? this.byId(ctx, agency.parentId) : null;
  }

  async branches(ctx: RequestContext, agency: Agency): Promise<Agency[]> {
    return (await ctx.loaders.branchesByAgencyIdLoader.load(agency.id)).filter((a) => maySeeAgency(ctx.viewer, a));
  }

  /**
   * "The report" for a year as the viewer sees it (the latest published revision for the public,
   * README "Filing workflow"): OWN unless asked, falling back to the consolidated one for a government.
   */
  async report(ctx: RequestContext, agency: Agency, year: number, scope?: ReportScope | null): Promise<Report | null> {
    const rows = await ctx.loaders.visibleLatestReportsByAgencyYear.load({ agencyId: agency.id, year });
    const of = (s: ReportScope) => rows.find((r) => r.scope === s) ?? null;
    return scope ? of(scope) : (of('OWN') ?? of('CONSOLIDATED'));
  }

  reports(ctx: RequestContext, agency: Agency): Promise<Report[]> {
    return ctx.loaders.visibleLatestReportsByAgency.load(agency.id);
  }
}
