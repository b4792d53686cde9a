import type { AgencyResolvers, QueryResolvers } from '../../generated/graphql';

export const agencyResolvers: { Query: QueryResolvers; Agency: AgencyResolvers } = {
  Query: {
    agency: (_, { id }, ctx) => ctx.services.agencies.byId(ctx, Number(id)),
    agencies: (_, a, ctx) => ctx.services.agencies.list(ctx, a.filter, a.first, a.after),
  },
  Agency: {
    id: (a) => String(a.id),
    region: (a, _, ctx) => ctx.services.regions.require(ctx, a.regionCode),
    parent: (a, _, ctx) => ctx.services.agencies.parent(ctx, a),
    branches: (a, _, ctx) => ctx.services.agencies.branches(ctx, a),
    report: (a, args, ctx) => ctx.services.agencies.report(ctx, a, args.year, args.scope),
    reports: (a, _, ctx) => ctx.services.agencies.reports(ctx, a),
  },
};
