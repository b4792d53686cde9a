import type {
  ActiveDisclosureResolvers,
  ApplicationTable,
  LawsuitTable,
  QueryResolvers,
  ReportResolvers,
  ResolversUnionTypes,
  SourceFormat,
} from '../../generated/graphql';
import type { Services } from '../../services';

type ActiveDisclosure = ResolversUnionTypes<Record<string, never>>['ActiveDisclosure'];

export function reportResolvers(s: Pick<Services, 'reports'>): {
  Query: QueryResolvers;
  Report: ReportResolvers;
  ActiveDisclosure: ActiveDisclosureResolvers;
} {
  return {
    Query: {
      report: (_, { id }, ctx) => s.reports.byId(ctx, Number(id)),
      reports: (_, a, ctx) => s.reports.list(ctx, a.filter, a.first, a.after),
    },
    Report: {
      id: (r) => String(r.id),
      agency: (r, _, ctx) => s.reports.agency(ctx, r),
      sourceFormat: (r) => r.sourceFormat.toUpperCase() as SourceFormat,
      importedAt: (r) => new Date(r.importedAt).toISOString(),
      sourceText: (r, _, ctx) => s.reports.sourceText(ctx, r),
      value: (r, { key }, ctx) => s.reports.withCells(ctx, r, (c) => c.value(key)),
      raw: (r, { key }, ctx) => s.reports.withCells(ctx, r, (c) => c.raw(key)),
      cell: (r, { key }, ctx) => s.reports.withCells(ctx, r, (c) => c.cell(key)),
      cells: (r, { prefix }, ctx) => s.reports.withCells(ctx, r, (c) => c.cells(prefix)),
      narrative: (r, { section }, ctx) => s.reports.narrative(ctx, r, section),
      narratives: (r, _, ctx) => s.reports.narratives(ctx, r),
      // Section objects are built from the edition definitions, field names from cell keys: the SDL of
      // those types is generated from the same definitions, so the shapes agree by construction.
      active: (r, _, ctx) => s.reports.withCells(ctx, r, (c) => c.active() as unknown as ActiveDisclosure),
      applications: (r, _, ctx) => s.reports.withCells(ctx, r, (c) => c.applications() as unknown as ApplicationTable),
      lawsuits: (r, _, ctx) => s.reports.withCells(ctx, r, (c) => c.lawsuits() as unknown as LawsuitTable),
      revisions: (r, _, ctx) => s.reports.revisions(ctx, r),
    },
    ActiveDisclosure: {
      // The typename is the view's (edition-sdl.ts names one type per registered edition): no edition is named here.
      __resolveType: (o) =>
        (o as unknown as { __typename: string }).__typename as Awaited<ReturnType<ActiveDisclosureResolvers['__resolveType']>>,
    },
  };
}
