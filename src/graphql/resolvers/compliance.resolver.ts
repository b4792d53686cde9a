import type { ComplianceResult, ComplianceRow, ComplianceStatus } from '../../services/compliance.service';
import type { RequestContext } from '../request-context';

export const complianceResolvers = {
  Query: {
    compliance: (_: unknown, a: { regionCode: string; year: number }, ctx: RequestContext) => ctx.services.compliance.report(ctx, a.regionCode, a.year),
  },
  ComplianceReport: {
    rows: (c: ComplianceResult, a: { status?: ComplianceStatus; first?: number; after?: string }, ctx: RequestContext) =>
      ctx.services.compliance.rows(ctx, c, a.status, a.first, a.after),
  },
  ComplianceRow: {
    reportId: (r: ComplianceRow) => r.report?.id ?? null,
  },
};
