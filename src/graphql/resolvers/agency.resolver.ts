import type { Agency } from '../../../entities';
import type { ReportScope } from '../../../entities/report.entity';
import type { AgencyFilterInput } from '../../services/agency.service';
import type { RequestContext } from '../request-context';

export const agencyResolvers = {
  Query: {
    agency: (_: unknown, { id }: { id: string }, ctx: RequestContext) => ctx.services.agencies.byId(ctx, Number(id)),
    agencies: (_: unknown, a: { filter?: AgencyFilterInput; first?: number; after?: string }, ctx: RequestContext) =>
      ctx.services.agencies.list(ctx, a.filter, a.first, a.after),
  },
  Agency: {
    region: (a: Agency, _: unknown, ctx: RequestContext) => ctx.services.regions.require(ctx, a.regionCode),
    parent: (a: Agency, _: unknown, ctx: RequestContext) => ctx.services.agencies.parent(ctx, a),
    branches: (a: Agency, _: unknown, ctx: RequestContext) => ctx.services.agencies.branches(ctx, a),
    report: (a: Agency, args: { year: number; scope?: ReportScope }, ctx: RequestContext) => ctx.services.agencies.report(ctx, a, args.year, args.scope),
    reports: (a: Agency, _: unknown, ctx: RequestContext) => ctx.services.agencies.reports(ctx, a),
  },
};
