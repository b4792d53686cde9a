import type { FindingResolvers, FindingSeverity, FindingStatus, MutationResolvers, QueryResolvers, ReportResolvers } from '../../generated/graphql';

const lower = (s?: string | null) => (s ? s.toLowerCase() : s);
const num = (s: string | null) => (s === null ? null : Number(s));

export const findingResolvers: { Query: QueryResolvers; Mutation: MutationResolvers; Report: ReportResolvers; Finding: FindingResolvers } = {
  Query: {
    findings: (_, a, ctx) =>
      ctx.services.findings.list(ctx, a.filter && { ...a.filter, severity: lower(a.filter.severity), status: lower(a.filter.status) }, a.first, a.after),
  },
  Mutation: {
    reviewFinding: (_, a, ctx) => ctx.services.findings.review(ctx, Number(a.id), a.decision, a.comment),
  },
  Report: {
    findings: async (r, a, ctx) =>
      (await ctx.services.findings.forReport(ctx, r)).filter((f) => (!a.severity || f.severity === lower(a.severity)) && (!a.status || f.status === lower(a.status))),
  },
  Finding: {
    id: (f) => String(f.id),
    severity: (f) => f.severity.toUpperCase() as FindingSeverity,
    status: (f) => f.status.toUpperCase() as FindingStatus,
    cells: (f) => JSON.parse(f.cells),
    expected: (f) => num(f.expected),
    actual: (f) => num(f.actual),
    report: async (f, _, ctx) => (await ctx.services.reports.byId(ctx, f.reportId))!,
  },
};
