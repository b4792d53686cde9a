import type { QueryResolvers, RegionResolvers } from '../../generated/graphql';
import type { Services } from '../../services';

export function regionResolvers(s: Pick<Services, 'agencies' | 'regions'>): { Query: QueryResolvers; Region: RegionResolvers } {
  return {
    Query: {
      region: (_, { code }, ctx) => s.regions.byCode(ctx, code),
      regions: (_, a, ctx) => s.regions.list(ctx, a.level, a.parentCode),
    },
    Region: {
      parent: (r, _, ctx) => s.regions.parent(ctx, r),
      ancestors: (r, _, ctx) => s.regions.ancestors(ctx, r),
      children: (r, _, ctx) => s.regions.children(ctx, r),
      agencies: (r, a, ctx) => s.agencies.list(ctx, { ...a.filter, regionCode: r.code }, a.first, a.after),
    },
  };
}
