import type { RegionLevel } from '../../../entities/region.entity';
import type { QueryResolvers, RegionResolvers } from '../../generated/graphql';

export const regionResolvers: { Query: QueryResolvers; Region: RegionResolvers } = {
  Query: {
    region: (_, { code }, ctx) => ctx.services.regions.byCode(ctx, code),
    regions: (_, a, ctx) => ctx.services.regions.list(ctx, a.level as RegionLevel | null, a.parentCode),
  },
  Region: {
    parent: (r, _, ctx) => ctx.services.regions.parent(ctx, r),
    ancestors: (r, _, ctx) => ctx.services.regions.ancestors(ctx, r),
    children: (r, _, ctx) => ctx.services.regions.children(ctx, r),
    agencies: (r, a, ctx) => ctx.services.agencies.list(ctx, { ...a.filter, regionCode: r.code }, a.first, a.after),
  },
};
