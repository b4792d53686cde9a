import type { Agency, Region } from '../../../entities';
import type {
  AgencyRollupArgs,
  AggregateRowValueArgs,
  ComparisonRowValueArgs,
  QueryAggregateArgs,
  QueryCompareArgs,
  QueryTrendArgs,
  RegionConsolidationCheckArgs,
  RegionRollupArgs,
  RollupValueArgs,
  RollupValuesArgs,
} from '../../generated/graphql';
import { METRICS } from '../../rollup/metric-catalogue';
import { valueOf, type MetricValue, type RollupTarget } from '../../rollup/rollup.service';
import type { Services } from '../../services';
import type { RequestContext } from '../request-context';

// Parents are the service's results (codegen maps no type onto them yet); arguments are the generated ones.
export function rollupResolvers(s: Pick<Services, 'rollups'>) {
  return {
    Query: {
      metrics: () => [...METRICS.values()],
      compare: (_: unknown, a: QueryCompareArgs, ctx: RequestContext) => s.rollups.compare(ctx, a.regionCode, a.year, a.by, a.keys, a.orderBy, a.first),
      trend: (_: unknown, a: QueryTrendArgs, ctx: RequestContext) => s.rollups.trend(ctx, a.regionCode, a.keys, a.fromYear, a.toYear),
      aggregate: (_: unknown, a: QueryAggregateArgs, ctx: RequestContext) => s.rollups.aggregate(ctx, a.filter, a.groupBy, a.keys),
    },
    Region: {
      rollup: (r: Region, { year }: RegionRollupArgs, ctx: RequestContext) => s.rollups.regionRollup(ctx, r, year),
      consolidationCheck: (r: Region, { year }: RegionConsolidationCheckArgs, ctx: RequestContext) => s.rollups.consolidationCheck(ctx, r, year),
    },
    Agency: {
      rollup: (a: Agency, { year }: AgencyRollupArgs, ctx: RequestContext) => s.rollups.agencyRollup(ctx, a, year),
    },
    Rollup: {
      year: (t: RollupTarget) => t.year,
      value: (t: RollupTarget, { key }: RollupValueArgs, ctx: RequestContext) => s.rollups.value(ctx, t, key),
      values: (t: RollupTarget, { keys }: RollupValuesArgs, ctx: RequestContext) => s.rollups.values(ctx, t, keys),
      reportCount: (t: RollupTarget, _: unknown, ctx: RequestContext) => s.rollups.reportCount(ctx, t),
      agencyCount: (t: RollupTarget, _: unknown, ctx: RequestContext) => s.rollups.agencyCount(ctx, t),
      expectedCount: (t: RollupTarget, _: unknown, ctx: RequestContext) => s.rollups.expectedCount(ctx, t),
    },
    ComparisonRow: { value: (r: { values: MetricValue[] }, { key }: ComparisonRowValueArgs) => valueOf(r.values, key) },
    AggregateRow: { value: (r: { values: MetricValue[] }, { key }: AggregateRowValueArgs) => valueOf(r.values, key) },
  };
}
