import DataLoader from 'dataloader';
import type { Agency, Finding, Region, Report, ReportCell, ReportNarrative } from '../../entities';
import type { ReportScope } from '../../entities/report.entity';
import type { Repositories } from '../data/repositories';

function byKey<K, V>(keys: readonly K[], rows: V[], keyOf: (v: V) => K): (V | null)[] {
  const map = new Map(rows.map((r) => [keyOf(r), r]));
  return keys.map((k) => map.get(k) ?? null);
}

function groupByKey<K, V>(keys: readonly K[], rows: V[], keyOf: (v: V) => K): V[][] {
  const map = new Map<K, V[]>(keys.map((k) => [k, []]));
  for (const r of rows) map.get(keyOf(r))?.push(r);
  return keys.map((k) => map.get(k)!);
}

/** "agencyId|year|scope" */
export type AgencyYearKey = string;

/** All DataLoaders of one request, built in the context factory; each returns results in key order. */
export function createLoaders(repos: Repositories) {
  return {
    regionByCodeLoader: new DataLoader<string, Region | null>(async (codes) => byKey(codes, await repos.regions.byCodes(codes), (r) => r.code)),
    regionChildrenByCodeLoader: new DataLoader<string, Region[]>(async (codes) =>
      groupByKey(codes, await repos.regions.childrenOf(codes), (r) => r.parentCode!),
    ),
    agencyByIdLoader: new DataLoader<number, Agency | null>(async (ids) => byKey(ids, await repos.agencies.byIds(ids), (a) => a.id)),
    branchesByAgencyIdLoader: new DataLoader<number, Agency[]>(async (ids) =>
      groupByKey(ids, await repos.agencies.childrenOf(ids), (a) => a.parentId!),
    ),
    reportByIdLoader: new DataLoader<number, Report | null>(async (ids) => byKey(ids, await repos.reports.byIds(ids), (r) => r.id)),
    reportsByAgencyIdLoader: new DataLoader<number, Report[]>(async (ids) =>
      groupByKey(ids, await repos.reports.currentOf(ids), (r) => r.agencyId),
    ),
    reportByAgencyYearLoader: new DataLoader<AgencyYearKey, Report | null>(async (keys) => {
      const parsed = keys.map((k) => k.split('|'));
      const byYear = new Map<number, number[]>();
      for (const [agency, year] of parsed) byYear.set(Number(year), [...(byYear.get(Number(year)) ?? []), Number(agency)]);
      const rows = (await Promise.all([...byYear].map(([year, ids]) => repos.reports.currentOf(ids, year)))).flat();
      return byKey(keys, rows, (r) => `${r.agencyId}|${r.year}|${r.scope as ReportScope}`);
    }),
    cellsByReportIdLoader: new DataLoader<number, ReportCell[]>(async (ids) => groupByKey(ids, await repos.reports.cellsOf(ids), (c) => c.reportId)),
    narrativesByReportIdLoader: new DataLoader<number, ReportNarrative[]>(async (ids) =>
      groupByKey(ids, await repos.reports.narrativesOf(ids), (n) => n.reportId),
    ),
    findingsByReportIdLoader: new DataLoader<number, Finding[]>(async (ids) => groupByKey(ids, await repos.reports.findingsOf(ids), (f) => f.reportId)),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
