import type { AuditEvent as AuditRow } from '../../../entities';
import type { AuditEvent, MutationResolvers, QueryResolvers, ReportResolvers } from '../../generated/graphql';
import type { Services } from '../../services';

const id = (n: number | null) => (n === null ? null : String(n));

/** An audit row as the API shows it (ids as ID, JSON kept as text). */
const auditView = (e: AuditRow): AuditEvent => ({
  id: String(e.id),
  at: e.at,
  actor: e.actorName,
  actorId: id(e.actorId),
  role: e.role,
  action: e.action,
  reportId: id(e.reportId),
  findingId: id(e.findingId),
  agencyId: id(e.agencyId),
  before: e.before,
  after: e.after,
  detail: e.detail,
});

export function workflowResolvers(s: Pick<Services, 'workflow' | 'audit'>): {
  Query: QueryResolvers;
  Mutation: MutationResolvers;
  Report: ReportResolvers;
} {
  return {
    Query: {
      auditEvents: async (_, a, ctx) => {
        const page = await s.audit.list(ctx, a.filter, a.first, a.after);
        return { ...page, nodes: page.nodes.map(auditView) };
      },
    },
    Mutation: {
      submitReport: (_, { input }, ctx) => s.workflow.submitReport(ctx, input),
      submitFigures: (_, { input }, ctx) => s.workflow.submitFigures(ctx, input),
      submitDraft: (_, a, ctx) => s.workflow.submitDraft(ctx, Number(a.id)),
      returnReport: (_, a, ctx) => s.workflow.returnReport(ctx, Number(a.id), a.comment, a.findingIds ?? []),
      acceptReport: (_, a, ctx) => s.workflow.acceptReport(ctx, Number(a.id)),
      publishReport: (_, a, ctx) => s.workflow.publishReport(ctx, Number(a.id)),
    },
    Report: {
      returnedFindings: (r, _, ctx) => s.workflow.returnedFindings(ctx, r),
    },
  };
}
