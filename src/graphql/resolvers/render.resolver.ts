import type { ReportResolvers } from '../../generated/graphql';
import type { Services } from '../../services';

export function renderResolvers(s: Pick<Services, 'reports'>): { Report: ReportResolvers } {
  return {
    Report: {
      rendered: (r, { format }, ctx) => s.reports.rendered(ctx, r, format),
    },
  };
}
