import type { ComplianceReportRowsArgs, QueryComplianceArgs } from '../../generated/graphql';
import type { ComplianceResult, ComplianceRow } from '../../services/compliance.service';
import type { Services } from '../../services';
import type { RequestContext } from '../request-context';

// Parents are the service's results (codegen maps no type onto them yet); arguments are the generated ones.
export function complianceResolvers(s: Pick<Services, 'compliance'>) {
  return {
    Query: {
      compliance: (_: unknown, a: QueryComplianceArgs, ctx: RequestContext) => s.compliance.report(ctx, a.regionCode, a.year),
    },
    ComplianceReport: {
      rows: (c: ComplianceResult, a: ComplianceReportRowsArgs, ctx: RequestContext) => s.compliance.rows(ctx, c, a.status, a.first, a.after),
    },
    ComplianceRow: {
      reportId: (r: ComplianceRow) => r.report?.id ?? null,
    },
  };
}
