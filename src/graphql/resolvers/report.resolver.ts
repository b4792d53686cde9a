import type { Report } from '../../../entities';
import type { ReportFilterInput } from '../../services/report.service';
import type { RequestContext } from '../request-context';

const cells = (r: Report, ctx: RequestContext) => ctx.services.reports.cells(ctx, r);

export const reportResolvers = {
  Query: {
    report: (_: unknown, { id }: { id: string }, ctx: RequestContext) => ctx.services.reports.byId(ctx, Number(id)),
    reports: (_: unknown, a: { filter?: ReportFilterInput; first?: number; after?: string }, ctx: RequestContext) =>
      ctx.services.reports.list(ctx, a.filter, a.first, a.after),
  },
  Report: {
    agency: (r: Report, _: unknown, ctx: RequestContext) => ctx.services.reports.agency(ctx, r),
    sourceFormat: (r: Report) => r.sourceFormat.toUpperCase(),
    importedAt: (r: Report) => new Date(r.importedAt).toISOString(),
    sourceText: (r: Report, _: unknown, ctx: RequestContext) => ctx.services.reports.sourceText(ctx, r),
    value: async (r: Report, { key }: { key: string }, ctx: RequestContext) => (await cells(r, ctx)).value(key),
    raw: async (r: Report, { key }: { key: string }, ctx: RequestContext) => (await cells(r, ctx)).raw(key),
    cell: async (r: Report, { key }: { key: string }, ctx: RequestContext) => (await cells(r, ctx)).cell(key),
    cells: async (r: Report, { prefix }: { prefix?: string }, ctx: RequestContext) => (await cells(r, ctx)).cells(prefix),
    narrative: (r: Report, { section }: { section: number }, ctx: RequestContext) => ctx.services.reports.narrative(ctx, r, section),
    narratives: (r: Report, _: unknown, ctx: RequestContext) => ctx.services.reports.narratives(ctx, r),
    active: async (r: Report, _: unknown, ctx: RequestContext) => (await cells(r, ctx)).active(),
    applications: async (r: Report, _: unknown, ctx: RequestContext) => (await cells(r, ctx)).applications(),
    lawsuits: async (r: Report, _: unknown, ctx: RequestContext) => (await cells(r, ctx)).lawsuits(),
    revisions: (r: Report, _: unknown, ctx: RequestContext) => ctx.services.reports.revisions(ctx, r),
  },
  ActiveDisclosure: {
    __resolveType: (o: { __typename: string }) => o.__typename,
  },
};
