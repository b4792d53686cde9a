import type { Agency, Region } from '../../../entities';
import type { AggregateDimension } from '../../data/rollup.repository';
import { METRICS } from '../../rollup/metric-catalogue';
import type { AggregateFilterInput, CompareBy, MetricValue, RollupTarget } from '../../rollup/rollup.service';
import type { RequestContext } from '../request-context';

const pick = (values: MetricValue[], key: string) => values.find((v) => v.key === key)?.value ?? null;

export const rollupResolvers = {
  Query: {
    metrics: () => [...METRICS.values()],
    compare: (_: unknown, a: { regionCode: string; year: number; by: CompareBy; keys: string[]; orderBy?: string; first?: number }, ctx: RequestContext) =>
      ctx.services.rollups.compare(ctx, a.regionCode, a.year, a.by, a.keys, a.orderBy, a.first),
    trend: (_: unknown, a: { regionCode: string; keys: string[]; fromYear: number; toYear: number }, ctx: RequestContext) =>
      ctx.services.rollups.trend(ctx, a.regionCode, a.keys, a.fromYear, a.toYear),
    aggregate: (_: unknown, a: { filter: AggregateFilterInput; groupBy: AggregateDimension[]; keys: string[] }, ctx: RequestContext) =>
      ctx.services.rollups.aggregate(ctx, a.filter, a.groupBy, a.keys),
  },
  Region: {
    rollup: (r: Region, { year }: { year: number }, ctx: RequestContext) => ctx.services.rollups.regionRollup(ctx, r, year),
    consolidationCheck: (r: Region, { year }: { year: number }, ctx: RequestContext) => ctx.services.rollups.consolidationCheck(ctx, r, year),
  },
  Agency: {
    rollup: (a: Agency, { year }: { year: number }, ctx: RequestContext) => ctx.services.rollups.agencyRollup(ctx, a, year),
  },
  Rollup: {
    year: (t: RollupTarget) => t.year,
    value: (t: RollupTarget, { key }: { key: string }, ctx: RequestContext) => ctx.services.rollups.value(ctx, t, key),
    values: (t: RollupTarget, { keys }: { keys: string[] }, ctx: RequestContext) => ctx.services.rollups.values(ctx, t, keys),
    reportCount: (t: RollupTarget, _: unknown, ctx: RequestContext) => ctx.services.rollups.reportCount(ctx, t),
    agencyCount: async (t: RollupTarget, _: unknown, ctx: RequestContext) => (await ctx.services.rollups.agencyCounts(ctx, t)).agencies,
    expectedCount: async (t: RollupTarget, _: unknown, ctx: RequestContext) => (await ctx.services.rollups.agencyCounts(ctx, t)).expected,
  },
  ComparisonRow: { value: (r: { values: MetricValue[] }, { key }: { key: string }) => pick(r.values, key) },
  AggregateRow: { value: (r: { values: MetricValue[] }, { key }: { key: string }) => pick(r.values, key) },
};
