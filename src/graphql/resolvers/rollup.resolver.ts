import type {
  AgencyResolvers,
  AggregateRowResolvers,
  ComparisonRowResolvers,
  QueryResolvers,
  RegionResolvers,
  RollupResolvers,
} from '../../generated/graphql';
import { METRICS } from '../../rollup/metric-catalogue';
import { valueOf } from '../../rollup/rollup.service';
import type { Services } from '../../services';

// Parents are the service's results (codegen.ts maps Rollup, ComparisonRow, AggregateRow and Metric onto them).
export function rollupResolvers(s: Pick<Services, 'rollups'>): {
  Query: QueryResolvers;
  Region: RegionResolvers;
  Agency: AgencyResolvers;
  Rollup: RollupResolvers;
  ComparisonRow: ComparisonRowResolvers;
  AggregateRow: AggregateRowResolvers;
} {
  return {
    Query: {
      metrics: () => [...METRICS.values()],
      compare: (_, a, ctx) => s.rollups.compare(ctx, a.regionCode, a.year, a.by, a.keys, a.orderBy, a.first),
      trend: (_, a, ctx) => s.rollups.trend(ctx, a.regionCode, a.keys, a.fromYear, a.toYear),
      aggregate: (_, a, ctx) => s.rollups.aggregate(ctx, a.filter, a.groupBy, a.keys),
    },
    Region: {
      rollup: (r, { year, includeSubmitted }, ctx) => s.rollups.regionRollup(ctx, r, year, includeSubmitted ?? false),
      consolidationCheck: (r, { year }, ctx) => s.rollups.consolidationCheck(ctx, r, year),
    },
    Agency: {
      rollup: (a, { year }, ctx) => s.rollups.agencyRollup(ctx, a, year),
    },
    Rollup: {
      year: (t) => t.year,
      value: (t, { key }, ctx) => s.rollups.value(ctx, t, key),
      values: (t, { keys }, ctx) => s.rollups.values(ctx, t, keys),
      reportCount: (t, _, ctx) => s.rollups.reportCount(ctx, t),
      agencyCount: (t, _, ctx) => s.rollups.agencyCount(ctx, t),
      expectedCount: (t, _, ctx) => s.rollups.expectedCount(ctx, t),
    },
    ComparisonRow: { value: (r, { key }) => valueOf(r.values, key) },
    AggregateRow: { value: (r, { key }) => valueOf(r.values, key) },
  };
}
