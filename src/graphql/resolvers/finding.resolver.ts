import type { Finding, Report } from '../../../entities';
import type { FindingFilterInput } from '../../services/finding.service';
import type { RequestContext } from '../request-context';

const lower = (s?: string | null) => (s ? s.toLowerCase() : s);
const num = (s: string | null) => (s === null ? null : Number(s));

export const findingResolvers = {
  Query: {
    findings: (_: unknown, a: { filter?: FindingFilterInput; first?: number; after?: string }, ctx: RequestContext) =>
      ctx.services.findings.list(ctx, a.filter && { ...a.filter, severity: lower(a.filter.severity), status: lower(a.filter.status) }, a.first, a.after),
  },
  Mutation: {
    reviewFinding: (_: unknown, a: { id: string; decision: 'OPEN' | 'CONFIRMED' | 'DISMISSED'; comment?: string }, ctx: RequestContext) =>
      ctx.services.findings.review(ctx, Number(a.id), a.decision, a.comment),
  },
  Report: {
    findings: async (r: Report, a: { severity?: string; status?: string }, ctx: RequestContext) =>
      (await ctx.services.findings.forReport(ctx, r)).filter((f) => (!a.severity || f.severity === lower(a.severity)) && (!a.status || f.status === lower(a.status))),
  },
  Finding: {
    severity: (f: Finding) => f.severity.toUpperCase(),
    status: (f: Finding) => f.status.toUpperCase(),
    cells: (f: Finding) => JSON.parse(f.cells),
    expected: (f: Finding) => num(f.expected),
    actual: (f: Finding) => num(f.actual),
    report: (f: Finding, _: unknown, ctx: RequestContext) => ctx.services.reports.byId(ctx, f.reportId),
  },
};
