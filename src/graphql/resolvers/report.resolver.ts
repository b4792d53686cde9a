import type { Report } from '../../../entities';
import type { ActiveDisclosureResolvers, ApplicationTable, LawsuitTable, QueryResolvers, ReportResolvers, ResolversUnionTypes, SourceFormat } from '../../generated/graphql';
import type { RequestContext } from '../request-context';

const cells = (r: Report, ctx: RequestContext) => ctx.services.reports.cells(ctx, r);

export const reportResolvers: { Query: QueryResolvers; Report: ReportResolvers; ActiveDisclosure: ActiveDisclosureResolvers } = {
  Query: {
    report: (_, { id }, ctx) => ctx.services.reports.byId(ctx, Number(id)),
    reports: (_, a, ctx) => ctx.services.reports.list(ctx, a.filter, a.first, a.after),
  },
  Report: {
    id: (r) => String(r.id),
    agency: (r, _, ctx) => ctx.services.reports.agency(ctx, r),
    sourceFormat: (r) => r.sourceFormat.toUpperCase() as SourceFormat,
    importedAt: (r) => new Date(r.importedAt).toISOString(),
    sourceText: (r, _, ctx) => ctx.services.reports.sourceText(ctx, r),
    value: async (r, { key }, ctx) => (await cells(r, ctx)).value(key),
    raw: async (r, { key }, ctx) => (await cells(r, ctx)).raw(key),
    cell: async (r, { key }, ctx) => (await cells(r, ctx)).cell(key),
    cells: async (r, { prefix }, ctx) => (await cells(r, ctx)).cells(prefix),
    narrative: (r, { section }, ctx) => ctx.services.reports.narrative(ctx, r, section),
    narratives: (r, _, ctx) => ctx.services.reports.narratives(ctx, r),
    // Section objects are built from the edition definitions, field names from cell keys.
    active: async (r, _, ctx) => (await cells(r, ctx)).active() as unknown as ResolversUnionTypes<Record<string, never>>['ActiveDisclosure'],
    applications: async (r, _, ctx) => (await cells(r, ctx)).applications() as unknown as ApplicationTable,
    lawsuits: async (r, _, ctx) => (await cells(r, ctx)).lawsuits() as unknown as LawsuitTable,
    revisions: (r, _, ctx) => ctx.services.reports.revisions(ctx, r),
  },
  ActiveDisclosure: {
    __resolveType: (o) => (o as { __typename: 'ActiveDisclosure2019' | 'ActiveDisclosure2021' }).__typename,
  },
};
