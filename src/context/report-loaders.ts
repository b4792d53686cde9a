import DataLoader from 'dataloader';
import type { Finding, Report, ReportCell, ReportNarrative } from '../../entities';
import type { ReportScope } from '../../entities/report.entity';
import type { ReportReader } from '../data/report-visibility';
import type { Repositories } from '../data/repositories';

/** One agency's reports of one year. */
export interface AgencyYear {
  readonly agencyId: number;
  readonly year: number;
}

/** One report series: an agency's reports of one year and scope, revision after revision. */
export interface SeriesKey extends AgencyYear {
  readonly scope: ReportScope;
}

const agencyYearKey = (k: AgencyYear) => `${k.agencyId}|${k.year}`;
const seriesKey = (k: SeriesKey) => `${k.agencyId}|${k.year}|${k.scope}`;

/** Rows grouped under their keys, in key order (DataLoader's contract); `keyOf` gives a row's cache key. */
function grouped<K, V>(keys: readonly K[], rows: V[], cacheKey: (k: K) => string | number, keyOf: (v: V) => string | number): V[][] {
  const map = new Map<string | number, V[]>(keys.map((k) => [cacheKey(k), []]));
  for (const r of rows) map.get(keyOf(r))?.push(r);
  return keys.map((k) => map.get(cacheKey(k))!);
}

const byId = <V extends { id: number }>(ids: readonly number[], rows: V[]): (V | null)[] => {
  const map = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => map.get(id) ?? null);
};

const same = (id: number) => id;

/**
 * Every DataLoader of a request that reads reports or what hangs off them (cells, texts, findings).
 * Each is built on `reader` (src/services/visible-reports.ts: the viewer's revisions within its
 * region), applied inside its statement: there is no loader here that reads a report the viewer
 * may not, so a resolver cannot pick the wrong one. A policy that must see beyond the viewer reads
 * through src/data in its own service, deliberately, never through these.
 * tests/workflow/report-loaders.e2e-spec.ts checks every one against a draft the viewer may not see.
 */
export function createReportLoaders(repos: Repositories, reader: ReportReader) {
  return {
    /** A revision by id; null when there is none or the viewer may not read it (the same answer). */
    visibleReportById: new DataLoader<number, Report | null>(async (ids) => byId(ids, await repos.reports.readableByIds(ids, reader))),
    /** "The report" of each series of an agency as the viewer sees it, newest year first. */
    visibleLatestReportsByAgency: new DataLoader<number, Report[]>(async (ids) =>
      grouped(ids, await repos.reports.latestOf(ids, undefined, reader), same, (r) => r.agencyId),
    ),
    /** "The report" of each scope of an agency's year: one statement per year asked. */
    visibleLatestReportsByAgencyYear: new DataLoader<AgencyYear, Report[], string>(
      async (keys) => {
        const byYear = new Map<number, number[]>();
        for (const k of keys) byYear.set(k.year, [...(byYear.get(k.year) ?? []), k.agencyId]);
        const rows = (await Promise.all([...byYear].map(([year, ids]) => repos.reports.latestOf(ids, year, reader)))).flat();
        return grouped(keys, rows, agencyYearKey, agencyYearKey);
      },
      { cacheKeyFn: agencyYearKey },
    ),
    /** The series' revisions the viewer sees, oldest first. */
    visibleRevisionsBySeries: new DataLoader<SeriesKey, Report[], string>(
      async (keys) => {
        const rows = await repos.reports.revisionsOfMany(
          [...new Set(keys.map((k) => k.agencyId))],
          [...new Set(keys.map((k) => k.year))],
          reader,
        );
        return grouped(keys, rows, seriesKey, seriesKey);
      },
      { cacheKeyFn: seriesKey },
    ),
    visibleCellsByReportId: new DataLoader<number, ReportCell[]>(async (ids) =>
      grouped(ids, await repos.reports.readableCellsOf(ids, reader), same, (c) => c.reportId),
    ),
    visibleNarrativesByReportId: new DataLoader<number, ReportNarrative[]>(async (ids) =>
      grouped(ids, await repos.reports.readableNarrativesOf(ids, reader), same, (n) => n.reportId),
    ),
    visibleFindingsByReportId: new DataLoader<number, Finding[]>(async (ids) =>
      grouped(ids, await repos.reports.readableFindingsOf(ids, reader), same, (f) => f.reportId),
    ),
  };
}

export type ReportLoaders = ReturnType<typeof createReportLoaders>;
