import type { RegionResolvers, ReportResolvers } from '../../generated/graphql';
import type { Services } from '../../services';

export function renderResolvers(s: Pick<Services, 'reports'>): { Report: ReportResolvers; Region: RegionResolvers } {
  return {
    Report: {
      rendered: (r, { format }, ctx) => s.reports.rendered(ctx, r, format),
    },
    Region: {
      renderedRollup: (r, { year, format }, ctx) => s.reports.renderedRollup(ctx, r, year, format),
    },
  };
}
