import type { AgencyResolvers, QueryResolvers } from '../../generated/graphql';
import type { Services } from '../../services';

export function agencyResolvers(s: Pick<Services, 'agencies' | 'regions'>): { Query: QueryResolvers; Agency: AgencyResolvers } {
  return {
    Query: {
      agency: (_, { id }, ctx) => s.agencies.byId(ctx, Number(id)),
      agencies: (_, a, ctx) => s.agencies.list(ctx, a.filter, a.first, a.after),
    },
    Agency: {
      id: (a) => String(a.id),
      region: (a, _, ctx) => s.regions.require(ctx, a.regionCode),
      parent: (a, _, ctx) => s.agencies.parent(ctx, a),
      branches: (a, _, ctx) => s.agencies.branches(ctx, a),
      report: (a, args, ctx) => s.agencies.report(ctx, a, args.year, args.scope),
      reports: (a, _, ctx) => s.agencies.reports(ctx, a),
    },
  };
}
