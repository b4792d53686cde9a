import type { Region } from '../../../entities';
import type { AgencyFilterInput } from '../../services/agency.service';
import type { RequestContext } from '../request-context';

export const regionResolvers = {
  Query: {
    region: (_: unknown, { code }: { code: string }, ctx: RequestContext) => ctx.services.regions.byCode(ctx, code),
    regions: (_: unknown, a: { level?: string; parentCode?: string }, ctx: RequestContext) => ctx.services.regions.list(ctx, a.level, a.parentCode),
  },
  Region: {
    parent: (r: Region, _: unknown, ctx: RequestContext) => ctx.services.regions.parent(ctx, r),
    ancestors: (r: Region, _: unknown, ctx: RequestContext) => ctx.services.regions.ancestors(ctx, r),
    children: (r: Region, _: unknown, ctx: RequestContext) => ctx.services.regions.children(ctx, r),
    agencies: (r: Region, a: { filter?: AgencyFilterInput; first?: number; after?: string }, ctx: RequestContext) =>
      ctx.services.agencies.list(ctx, { ...a.filter, regionCode: r.code }, a.first, a.after),
  },
};
