import type { ComplianceReportResolvers, ComplianceRowResolvers, QueryResolvers } from '../../generated/graphql';
import type { Services } from '../../services';

// Parents are the service's results (codegen.ts maps ComplianceReport and ComplianceRow onto them).
export function complianceResolvers(s: Pick<Services, 'compliance'>): {
  Query: QueryResolvers;
  ComplianceReport: ComplianceReportResolvers;
  ComplianceRow: ComplianceRowResolvers;
} {
  return {
    Query: {
      compliance: (_, a, ctx) => s.compliance.report(ctx, a.regionCode, a.year),
    },
    ComplianceReport: {
      rows: (c, a, ctx) => s.compliance.rows(ctx, c, a.status, a.first, a.after),
    },
    ComplianceRow: {
      reportId: (r) => (r.report ? String(r.report.id) : null),
    },
  };
}
