import type { Agency, Region, Report } from '../../entities';
import type { ReportScope } from '../../entities/report.entity';
import { maySeeRegion, readablePath } from '../policy/region.policy';
import { decodeCursor, encodeCursor, pageSize } from '../common/cursor';
import { BadInputError, NotFoundError } from '../common/errors';
import type { TransactionalConnection } from '../data/transactional-connection';
import type { RequestContext } from '../context/request-context';
import { pathCodes } from '../data/subtree';

/**
 * ON_TIME: published on or before the deadline. LATE: published after it (daysLate > 0).
 * DATE_UNKNOWN: a current report is stored but its publication date is not (or is not a
 * yyyy-mm-dd date), so neither on time nor late can be claimed. MISSING: no current report and the
 * deadline has passed. PENDING: no current report yet, but the deadline is still ahead.
 */
export type ComplianceStatus = 'ON_TIME' | 'LATE' | 'MISSING' | 'DATE_UNKNOWN' | 'PENDING';

export interface ComplianceRow {
  agency: Agency;
  status: ComplianceStatus;
  /** Scope of the report judged; for an agency with none, the scope it owes. */
  scope: ReportScope;
  deadline: string;
  publishedOn: string | null;
  /** Days after the deadline: 0 when on time, null when there is no usable date. */
  daysLate: number | null;
  report: Report | null;
}

export interface ComplianceCounts {
  expected: number;
  onTime: number;
  late: number;
  missing: number;
  dateUnknown: number;
  pending: number;
}

export interface ComplianceRegionCounts extends ComplianceCounts {
  region: Region;
  /** The asked region's own agencies (本级), as opposed to those of a child region. */
  direct: boolean;
}

export interface ComplianceResult {
  region: Region;
  /** The part of `region` the viewer may read: `region` itself unless the viewer is confined below it. */
  coveredRegion: Region;
  year: number;
  deadlines: { own: string; consolidated: string };
  asOf: string;
  totals: ComplianceCounts;
  byRegion: ComplianceRegionCounts[];
  /** Every row, in agency id order; the `rows` field pages through them. */
  allRows: ComplianceRow[];
}

const FIRST_YEAR = 2008; // the 2008 条例 took effect 2008-05-01; no report is owed for earlier years
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * 条例 (2019) 第四十九条: organs by 31 January of the following year, the consolidated 本级政府
 * report by 31 March. Reports for 2018 and earlier fell under the 2008 条例, whose 第三十一条 set
 * 31 March for everyone.
 */
export function deadlineFor(year: number, scope: ReportScope): string {
  return year <= 2018 || scope === 'CONSOLIDATED' ? `${year + 1}-03-31` : `${year + 1}-01-31`;
}

/** Governments owe the consolidated 本级政府 report; every other organ its own (as the importer assumes). */
export function expectedScope(agency: Pick<Agency, 'kind'>): ReportScope {
  return agency.kind === 'GOVERNMENT' ? 'CONSOLIDATED' : 'OWN';
}

/** Days from `from` to `to` (both yyyy-mm-dd), counted on the calendar, free of time zones. */
function daysBetween(from: string, to: string): number {
  const utc = (d: string) => {
    const [, y, m, day] = ISO_DATE.exec(d)!;
    return Date.UTC(Number(y), Number(m) - 1, Number(day));
  };
  return Math.round((utc(to) - utc(from)) / 86_400_000);
}

/** A real calendar date in yyyy-mm-dd (rejects "2021-02-30" and free text). */
function isIsoDate(s: string | null): s is string {
  const m = s ? ISO_DATE.exec(s) : null;
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** Today in China Standard Time: deadlines are Beijing calendar days. */
export function todayInChina(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * The status of one agency given its published revisions of the year (any scope). The latest
 * published revision is the report shown; timeliness uses the earliest date among its scope's revisions, so a correction
 * republished later does not turn an on-time report late.
 */
export function judge(agency: Agency, year: number, revisions: readonly Report[], today: string): Omit<ComplianceRow, 'agency'> {
  const owed = expectedScope(agency);
  const current = revisions.filter((r) => r.publishedCurrent).sort((a, b) => a.id - b.id);
  // The owed scope decides; a report filed under the other scope still counts rather than reading as missing.
  const report = current.find((r) => r.scope === owed) ?? current[0] ?? null;
  if (!report) {
    const deadline = deadlineFor(year, owed);
    return { status: today > deadline ? 'MISSING' : 'PENDING', scope: owed, deadline, publishedOn: null, daysLate: null, report: null };
  }
  const deadline = deadlineFor(year, report.scope);
  const dates = revisions
    .filter((r) => r.scope === report.scope)
    .map((r) => r.publishedOn)
    .filter(isIsoDate)
    .sort();
  const publishedOn = dates[0] ?? null;
  if (!publishedOn)
    return { status: 'DATE_UNKNOWN', scope: report.scope, deadline, publishedOn: report.publishedOn, daysLate: null, report };
  const daysLate = Math.max(0, daysBetween(deadline, publishedOn));
  return { status: daysLate > 0 ? 'LATE' : 'ON_TIME', scope: report.scope, deadline, publishedOn, daysLate, report };
}

const emptyCounts = (): ComplianceCounts => ({ expected: 0, onTime: 0, late: 0, missing: 0, dateUnknown: 0, pending: 0 });

const COUNT_FIELD: Record<ComplianceStatus, Exclude<keyof ComplianceCounts, 'expected'>> = {
  ON_TIME: 'onTime',
  LATE: 'late',
  MISSING: 'missing',
  DATE_UNKNOWN: 'dateUnknown',
  PENDING: 'pending',
};

function tally(counts: ComplianceCounts, status: ComplianceStatus): void {
  counts.expected++;
  counts[COUNT_FIELD[status]]++;
}

/**
 * Who filed their annual report on time. Two statements read the whole subtree (agencies, then
 * their report revisions of the year) and everything else folds in memory, so the cost does not
 * grow in statements with the number of agencies.
 */
export class ComplianceService {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly today: () => string = () => todayInChina(),
  ) {}

  async report(ctx: RequestContext, regionCode: string, year: number): Promise<ComplianceResult> {
    const asOf = this.today();
    if (!Number.isInteger(year) || year < FIRST_YEAR || year > Number(asOf.slice(0, 4)))
      throw new BadInputError(`year must be between ${FIRST_YEAR} and ${asOf.slice(0, 4)}`, { argument: 'year' });
    const region = await ctx.loaders.regionByCodeLoader.load(regionCode);
    if (!region) throw new NotFoundError('region', regionCode);
    // A viewer confined below the asked region sees only their part; one outside it is refused.
    const path = readablePath(ctx.viewer, region.path)!;

    const repo = this.connection.repos(ctx).compliance;
    const [agencies, revisions, children] = await Promise.all([
      repo.expectedAgencies(path),
      repo.revisionsOfYear(path, year),
      ctx.loaders.regionChildrenByCodeLoader.load(region.code),
    ]);

    agencies.sort((a, b) => a.id - b.id);
    for (const c of children) ctx.loaders.regionByCodeLoader.prime(c.code, c);
    const revisionsByAgency = new Map<number, Report[]>();
    for (const r of revisions) {
      const list = revisionsByAgency.get(r.agencyId);
      if (list) list.push(r);
      else revisionsByAgency.set(r.agencyId, [r]);
    }

    // Buckets: the asked region's own agencies, then one per child region (an agency deeper down
    // counts under the child whose subtree holds it).
    const depth = region.depth;
    const buckets = new Map<string, ComplianceCounts>();
    if (maySeeRegion(ctx.viewer, region)) buckets.set(region.code, emptyCounts());
    for (const c of children) if (maySeeRegion(ctx.viewer, c)) buckets.set(c.code, emptyCounts());
    const totals = emptyCounts();
    const allRows: ComplianceRow[] = [];
    for (const agency of agencies) {
      const row = { agency, ...judge(agency, year, revisionsByAgency.get(agency.id) ?? [], asOf) };
      allRows.push(row);
      tally(totals, row.status);
      const code = pathCodes(agency.regionPath)[depth] ?? region.code;
      if (!buckets.has(code)) buckets.set(code, emptyCounts());
      tally(buckets.get(code)!, row.status);
    }

    // Child codes met only through agencies (a region row missing from the table) still get a bucket.
    const known = new Map<string, Region>([[region.code, region], ...children.map((c): [string, Region] => [c.code, c])]);
    const unknown = [...buckets.keys()].filter((c) => !known.has(c));
    if (unknown.length) {
      const found = await ctx.loaders.regionByCodeLoader.loadMany(unknown);
      found.forEach((r) => r && !(r instanceof Error) && known.set(r.code, r));
    }
    const byRegion: ComplianceRegionCounts[] = [...buckets]
      .filter(([code]) => known.has(code))
      .map(([code, counts]) => ({ region: known.get(code)!, direct: code === region.code, ...counts }));
    byRegion.sort((a, b) => Number(b.direct) - Number(a.direct) || a.region.code.localeCompare(b.region.code));

    const coveredCode = pathCodes(path).pop()!;
    const coveredRegion = coveredCode === region.code ? region : ((await ctx.loaders.regionByCodeLoader.load(coveredCode)) ?? region);

    return {
      region,
      coveredRegion,
      year,
      deadlines: { own: deadlineFor(year, 'OWN'), consolidated: deadlineFor(year, 'CONSOLIDATED') },
      asOf,
      totals,
      byRegion,
      allRows,
    };
  }

  /** A page of rows in agency id order, optionally of one status; the cursor is the last agency's id. */
  rows(ctx: RequestContext, result: ComplianceResult, status?: ComplianceStatus | null, first?: number | null, after?: string | null) {
    const limit = pageSize(first);
    const afterId = decodeCursor('compliance', after);
    const matching = status ? result.allRows.filter((r) => r.status === status) : result.allRows;
    const start = afterId == null ? 0 : matching.findIndex((r) => r.agency.id > afterId);
    const nodes = start < 0 ? [] : matching.slice(start, start + limit);
    // The rows already hold their agency: prime its loader so nested fields cost nothing (a row's report is its own object, not loaded by id).
    for (const r of nodes) ctx.loaders.agencyByIdLoader.prime(r.agency.id, r.agency);
    const last = nodes[nodes.length - 1];
    return {
      nodes,
      totalCount: matching.length,
      pageInfo: {
        hasNextPage: start >= 0 && start + limit < matching.length,
        endCursor: last ? encodeCursor('compliance', last.agency.id) : null,
      },
    };
  }
}
