import { LEVEL_DEPTH, type Agency, type Region, type RegionLevel } from '../../entities';
import { assertMaySeeUnpublishedRollup, assertReadsWhole, maySeeRegion, readablePath } from '../policy/region.policy';
import { BadInputError, NotFoundError } from '../common/errors';
import { pageSize } from '../common/cursor';
import { fromMicros } from '../shared/decimal';
import { checkConsolidated, type CellValues, type Finding } from '../shared/checks';
import { REPORTS_KEY, type AggregateDimension, type SumCell } from '../data/rollup.repository';
import type { TransactionalConnection } from '../data/transactional-connection';
import { allEditions, cellsOf, editionForYear, editionYears, getEdition, type EditionDef } from '../shared/editions';
import type { RequestContext } from '../context/request-context';
import { comparableBetween, evaluate, metric, METRICS, storedKeysOf } from './metric-catalogue';

/** What a Rollup object stands for: a region subtree or an agency with its subordinate agencies. */
export type RollupTarget =
  { kind: 'region'; region: Region; year: number; includeSubmitted?: boolean } | { kind: 'agency'; agency: Agency; year: number };

export type CompareBy = 'CHILD_REGION' | 'AGENCY_KIND' | 'AGENCY';

export interface MetricValue {
  key: string;
  value: number | null;
}

export interface ComparisonRow {
  label: string;
  regionCode: string | null;
  agencyKind: string | null;
  agencyId: number | null;
  reportCount: number;
  values: MetricValue[];
  rank: number;
}

/** One group of an aggregate: the grouped dimensions (null when not grouped by) and its values. */
export interface AggregateResultRow {
  year: number | null;
  edition: string | null;
  regionCode: string | null;
  regionName: string | null;
  agencyKind: string | null;
  reportCount: number;
  values: MetricValue[];
}

/** A consolidated report's finding against the sum of its region's own reports. */
export type ConsolidationFinding = Finding & {
  reportId: number;
  agencyId: number;
  agencyName: string;
  regionCode: string;
  key: string | null;
};

export interface AggregateFilterInput {
  regionCode: string;
  fromYear: number;
  toYear: number;
  agencyKinds?: string[] | null;
  regionLevel?: string | null;
}

const MAX_KEYS = 60;
const MAX_YEARS = 30;

function checkKeys(keys: string[]): void {
  if (!keys.length || keys.length > MAX_KEYS) throw new BadInputError(`give 1 to ${MAX_KEYS} keys`);
  const unknown = keys.filter((k) => !METRICS.has(k));
  if (unknown.length) throw new BadInputError(`unknown metric key(s): ${unknown.join(', ')}`, { keys: unknown });
}

function yearsOf(from: number, to: number): number[] {
  if (to < from || to - from >= MAX_YEARS) throw new BadInputError(`fromYear..toYear must span 1 to ${MAX_YEARS} years`);
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/** Ranks by one key, largest first, blanks last; equal values share a rank (1, 2, 2, 4). */
function rank<T extends { values: MetricValue[]; rank: number }>(rows: T[], key: string): T[] {
  const v = (r: T) => r.values.find((x) => x.key === key)?.value ?? null;
  rows.sort((a, b) => (v(b) ?? -Infinity) - (v(a) ?? -Infinity));
  rows.forEach((r, i) => (r.rank = i > 0 && v(rows[i - 1]) === v(r) ? rows[i - 1].rank : i + 1));
  return rows;
}

/**
 * Roll-ups, comparisons, trends and group-bys. Region figures come from the pre-aggregated
 * region_rollup through per-request DataLoaders (one statement per batch, whatever the number of
 * regions); agency subtrees are summed from report_cell directly. Rates are ratios of sums.
 */
export class RollupService {
  constructor(private readonly connection: TransactionalConnection) {}

  /** A region whose whole subtree the viewer may read (FORBIDDEN otherwise: its figures are never narrowed silently). */
  wholeRegion(ctx: RequestContext, region: Region): Region {
    assertReadsWhole(ctx.viewer, region.path, `region ${region.code}`);
    return region;
  }

  async regionByCode(ctx: RequestContext, code: string): Promise<Region> {
    const region = await ctx.loaders.regionByCodeLoader.load(code);
    if (!region) throw new NotFoundError('region', code);
    // An unrelated region is refused as before; an ancestor is only refused where a whole-region figure is asked.
    readablePath(ctx.viewer, region.path);
    return region;
  }

  /** `includeSubmitted`: a supervisor's view before publication (README "Filing workflow"), its own region or an administrator only. */
  regionRollup(ctx: RequestContext, region: Region, year: number, includeSubmitted = false): RollupTarget {
    const whole = this.wholeRegion(ctx, region);
    if (includeSubmitted) assertMaySeeUnpublishedRollup(ctx.viewer, region);
    return { kind: 'region', region: whole, year, includeSubmitted };
  }

  /** The agency with the branches and subordinate agencies the viewer may read (the loaders confine them). */
  agencyRollup(ctx: RequestContext, agency: Agency, year: number): RollupTarget {
    assertReadsWhole(ctx.viewer, agency.regionPath, `agency ${agency.id}`);
    return { kind: 'agency', agency, year };
  }

  private async sums(ctx: RequestContext, t: RollupTarget, keys: string[]): Promise<Map<string, SumCell | undefined>> {
    if (t.kind === 'region' && t.includeSubmitted) {
      // Summed on the fly from report_cell: region_rollup holds published figures only.
      const rows = await this.connection.repos(ctx).rollupReads.filedSums(t.region.path, t.year, keys);
      const found = new Map(rows.map((r) => [r.key, { micros: r.micros, nonNull: r.nonNull, reports: r.reports }]));
      return new Map(keys.map((k) => [k, found.get(k)]));
    }
    const ids = keys.map((k) => (t.kind === 'region' ? `${t.region.code}|${t.year}|${k}` : `${t.agency.id}|${t.year}|${k}`));
    const loader = t.kind === 'region' ? ctx.loaders.rollupByRegionYearLoader : ctx.loaders.rollupByAgencyYearLoader;
    return loader.loadMany(ids).then((rows) => {
      const out = new Map<string, SumCell | undefined>();
      rows.forEach((r, i) => {
        if (r instanceof Error) throw r;
        out.set(keys[i], r ?? undefined);
      });
      return out;
    });
  }

  async value(ctx: RequestContext, t: RollupTarget, key: string): Promise<number | null> {
    checkKeys([key]);
    const sums = await this.sums(ctx, t, storedKeysOf(key));
    return evaluate(key, (k) => sums.get(k));
  }

  async values(ctx: RequestContext, t: RollupTarget, keys: string[]): Promise<MetricValue[]> {
    checkKeys(keys);
    const sums = await this.sums(ctx, t, [...new Set(keys.flatMap(storedKeysOf))]);
    return keys.map((key) => ({ key, value: evaluate(key, (k) => sums.get(k)) }));
  }

  async reportCount(ctx: RequestContext, t: RollupTarget): Promise<number> {
    return (await this.sums(ctx, t, [REPORTS_KEY])).get(REPORTS_KEY)?.reports ?? 0;
  }

  async agencyCounts(ctx: RequestContext, t: RollupTarget): Promise<{ agencies: number; expected: number }> {
    if (t.kind === 'region') return ctx.loaders.agencyCountByPathLoader.load(t.region.path);
    const ids = await ctx.loaders.agencySubtreeLoader.load(t.agency.id);
    const agencies = (await ctx.loaders.agencyByIdLoader.loadMany(ids)).filter(
      (a): a is Agency => !!a && !(a instanceof Error) && a.active,
    );
    return { agencies: agencies.length, expected: agencies.filter((a) => !a.exempt).length };
  }

  async agencyCount(ctx: RequestContext, t: RollupTarget): Promise<number> {
    return (await this.agencyCounts(ctx, t)).agencies;
  }

  async expectedCount(ctx: RequestContext, t: RollupTarget): Promise<number> {
    return (await this.agencyCounts(ctx, t)).expected;
  }

  async compare(
    ctx: RequestContext,
    regionCode: string,
    year: number,
    by: CompareBy,
    keys: string[],
    orderBy?: string | null,
    first?: number | null,
  ): Promise<ComparisonRow[]> {
    checkKeys(keys);
    const order = orderBy ?? keys[0];
    if (!METRICS.has(order)) throw new BadInputError(`unknown orderBy key ${order}`);
    const wanted = keys.includes(order) ? keys : [...keys, order];
    const region = await this.regionByCode(ctx, regionCode);
    const base = [...new Set(wanted.flatMap(storedKeysOf))];
    let rows: ComparisonRow[];
    if (by === 'CHILD_REGION') {
      // Rows are labelled by their own region: only children the viewer may read whole are listed.
      const children = (await ctx.loaders.regionChildrenByCodeLoader.load(region.code)).filter((r) => maySeeRegion(ctx.viewer, r));
      rows = await Promise.all(
        children.map(async (child) => {
          const t: RollupTarget = { kind: 'region', region: child, year };
          const [values, reportCount] = await Promise.all([this.values(ctx, t, wanted), this.reportCount(ctx, t)]);
          return { label: child.name, regionCode: child.code, agencyKind: null, agencyId: null, reportCount, values, rank: 0 };
        }),
      );
    } else if (by === 'AGENCY_KIND') {
      this.wholeRegion(ctx, region);
      const perKind = await ctx.loaders.rollupByKindLoader.loadMany([...base, REPORTS_KEY].map((k) => `${region.code}|${year}|${k}`));
      const byKind = new Map<string, Map<string, SumCell>>();
      [...base, REPORTS_KEY].forEach((k, i) => {
        const m = perKind[i];
        if (m instanceof Error) throw m;
        for (const [kind, cell] of m) {
          if (!byKind.has(kind)) byKind.set(kind, new Map());
          byKind.get(kind)!.set(k, cell);
        }
      });
      rows = [...byKind].map(([kind, sums]) => ({
        label: kind,
        regionCode: null,
        agencyKind: kind,
        agencyId: null,
        reportCount: sums.get(REPORTS_KEY)?.reports ?? 0,
        values: wanted.map((key) => ({ key, value: evaluate(key, (k) => sums.get(k)) })),
        rank: 0,
      }));
    } else {
      // Each row is one agency: the statement covers the part of the region the viewer may read.
      const sums = await this.connection.repos(ctx).rollupReads.agencySumsInRegion(readablePath(ctx.viewer, region.path)!, year, base);
      const byAgency = new Map<number, Map<string, SumCell>>();
      for (const s of sums) {
        if (!byAgency.has(s.agencyId!)) byAgency.set(s.agencyId!, new Map());
        byAgency.get(s.agencyId!)!.set(s.key, s);
      }
      const agencies = await ctx.loaders.agencyByIdLoader.loadMany([...byAgency.keys()]);
      rows = agencies
        .filter((a): a is Agency => !!a && !(a instanceof Error))
        .map((a) => {
          const m = byAgency.get(a.id)!;
          return {
            label: a.name,
            regionCode: a.regionCode,
            agencyKind: a.kind,
            agencyId: a.id,
            reportCount: Math.max(0, ...[...m.values()].map((c) => c.reports)),
            values: wanted.map((key) => ({ key, value: evaluate(key, (k) => m.get(k)) })),
            rank: 0,
          };
        });
    }
    rank(rows, order);
    for (const r of rows) r.values = r.values.filter((v) => keys.includes(v.key));
    return first != null ? rows.slice(0, pageSize(first)) : rows;
  }

  async trend(ctx: RequestContext, regionCode: string, keys: string[], fromYear: number, toYear: number) {
    checkKeys(keys);
    const region = this.wholeRegion(ctx, await this.regionByCode(ctx, regionCode));
    const years = yearsOf(fromYear, toYear);
    const perYear = await Promise.all(years.map((year) => this.values(ctx, { kind: 'region', region, year }, keys)));
    const editionOf = (y: number) => editionForYear(y).id;
    return keys.map((key, i) => {
      const m = metric(key)!;
      const points = years.map((year, j) => {
        const value = perYear[j][i].value;
        const prev = j > 0 ? perYear[j - 1][i].value : null;
        const comparable = j === 0 ? true : comparableBetween(key, years[j - 1], year, editionOf);
        const change = j > 0 && comparable && value !== null && prev !== null ? value - prev : null;
        return { year, edition: editionOf(year), value, change, changeRatio: change !== null && prev ? change / prev : null, comparable };
      });
      const breaks = points.filter((p) => !p.comparable).map((p) => p.year);
      return {
        key,
        unit: m.unit,
        comparableFrom: m.comparableFrom,
        comparableUntil: m.comparableUntil,
        comparable: breaks.length === 0,
        breaks,
        points,
      };
    });
  }

  async aggregate(
    ctx: RequestContext,
    filter: AggregateFilterInput,
    groupBy: AggregateDimension[],
    keys: string[],
  ): Promise<AggregateResultRow[]> {
    checkKeys(keys);
    const region = await this.regionByCode(ctx, filter.regionCode);
    // Grouped by region, each row is labelled by its own region and only whole readable ones are grouped; otherwise the one figure is the region's.
    if (!groupBy.includes('REGION')) this.wholeRegion(ctx, region);
    const years = yearsOf(filter.fromYear, filter.toYear);
    const depth = filter.regionLevel ? LEVEL_DEPTH[filter.regionLevel as RegionLevel] : region.depth + 1;
    if (groupBy.includes('REGION') && depth <= region.depth) throw new BadInputError('regionLevel must lie below the region');
    const base = [...new Set([...keys.flatMap(storedKeysOf), REPORTS_KEY])];
    // The years each edition is in force: an open end closes the year before the next edition starts.
    const editions = allEditions().map((e): [number, number | null, string] => {
      const { from, to } = editionYears(e);
      return [from, to, e.id];
    });
    const rows = await this.connection.repos(ctx).rollupReads.aggregate({
      regionCode: region.code,
      regionPath: region.path,
      regionDepth: depth,
      within: ctx.viewer.regionPath,
      years,
      kinds: filter.agencyKinds ?? null,
      keys: base,
      groupBy,
      editions,
    });
    type Group = { year: number | null; edition: string | null; regionCode: string | null; agencyKind: string | null };
    const groups = new Map<string, { group: Group; sums: Map<string, SumCell> }>();
    for (const r of rows) {
      const group: Group = {
        year: groupBy.includes('YEAR') ? r.year : null,
        edition: r.edition,
        regionCode: r.regionCode,
        agencyKind: r.agencyKind,
      };
      const id = JSON.stringify(group);
      if (!groups.has(id)) groups.set(id, { group, sums: new Map() });
      groups.get(id)!.sums.set(r.key, r);
    }
    const codes = [...new Set([...groups.values()].map((g) => g.group.regionCode as string | null).filter((c): c is string => !!c))];
    const names = new Map(
      (await ctx.loaders.regionByCodeLoader.loadMany(codes))
        .filter((r): r is Region => !!r && !(r instanceof Error))
        .map((r) => [r.code, r.name]),
    );
    return [...groups.values()]
      .map(({ group, sums }) => ({
        ...group,
        regionName: group.regionCode ? (names.get(group.regionCode as string) ?? null) : null,
        reportCount: sums.get(REPORTS_KEY)?.reports ?? 0,
        values: keys.map((key) => ({ key, value: evaluate(key, (k) => sums.get(k)) })),
      }))
      .sort((a, b) =>
        JSON.stringify([a.year, a.edition, a.regionCode, a.agencyKind]).localeCompare(
          JSON.stringify([b.year, b.edition, b.regionCode, b.agencyKind]),
        ),
      );
  }

  /** Each consolidated report of the subtree against Σ of its region's own reports, as findings. */
  async consolidationCheck(ctx: RequestContext, region: Region, year: number): Promise<ConsolidationFinding[]> {
    // One finding per consolidated report, each labelled by its agency and region: the readable part of the subtree.
    const reports = await this.connection
      .repos(ctx)
      .rollupReads.currentReportsInRegion(readablePath(ctx.viewer, region.path)!, year, 'CONSOLIDATED');
    const out = await Promise.all(
      reports.map(async (r) => {
        const edition = getEdition(r.edition);
        const keys = cellsOf(edition).map((c) => c.key);
        const [cells, sumList] = await Promise.all([
          ctx.loaders.visibleCellsByReportId.load(r.id),
          ctx.loaders.rollupByRegionYearLoader.loadMany(keys.map((k) => `${r.regionCode}|${year}|${k}`)),
        ]);
        const sums = new Map(keys.map((k, i) => [k, sumList[i]]));
        const values = Object.fromEntries(cells.map((c) => [c.key, c.value === null ? null : String(c.value)]));
        return checkAgainstMembers(values, edition, (k) => {
          const s = sums.get(k);
          return s instanceof Error ? null : s;
        }).map((f) => ({
          ...f,
          reportId: r.id,
          agencyId: r.agencyId,
          agencyName: r.agencyName,
          regionCode: r.regionCode,
          key: f.cells.length === 1 ? f.cells[0].key : null,
        }));
      }),
    );
    return out.flat();
  }
}

/** One key's value among a row's values (null when not asked or blank). */
export function valueOf(values: MetricValue[], key: string): number | null {
  return values.find((v) => v.key === key)?.value ?? null;
}

/**
 * A consolidated report's values against Σ of its members' own reports, key by key: a key no member
 * reported a figure for sums to blank, not to zero. The write hook and the query both judge so.
 */
export function checkAgainstMembers(
  values: CellValues,
  edition: EditionDef,
  sumOf: (key: string) => SumCell | null | undefined,
): Finding[] {
  const memberSums: CellValues = {};
  for (const { key } of cellsOf(edition)) {
    const s = sumOf(key);
    memberSums[key] = s && s.nonNull > 0 ? fromMicros(s.micros) : null;
  }
  return checkConsolidated(values, memberSums, edition);
}
