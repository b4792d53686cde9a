import type {
  FindingResolvers,
  FindingSeverity,
  FindingStatus,
  MutationResolvers,
  QueryResolvers,
  ReportResolvers,
} from '../../generated/graphql';
import type { Services } from '../../services';

const num = (s: string | null) => (s === null ? null : Number(s));

export function findingResolvers(s: Pick<Services, 'findings' | 'reports'>): {
  Query: QueryResolvers;
  Mutation: MutationResolvers;
  Report: ReportResolvers;
  Finding: FindingResolvers;
} {
  return {
    Query: {
      findings: (_, a, ctx) => s.findings.list(ctx, a.filter, a.first, a.after),
    },
    Mutation: {
      reviewFinding: (_, a, ctx) => s.findings.review(ctx, Number(a.id), a.decision, a.comment),
    },
    Report: {
      findings: (r, a, ctx) => s.findings.forReport(ctx, r, a.severity, a.status),
    },
    Finding: {
      id: (f) => String(f.id),
      severity: (f) => f.severity.toUpperCase() as FindingSeverity,
      status: (f) => f.status.toUpperCase() as FindingStatus,
      cells: (f) => JSON.parse(f.cells),
      expected: (f) => num(f.expected),
      actual: (f) => num(f.actual),
      report: (f, _, ctx) => s.reports.ofFinding(ctx, f),
    },
  };
}
