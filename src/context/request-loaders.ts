import DataLoader from 'dataloader';
import type { Agency, Region } from '../../entities';
import type { Viewer } from '../auth/viewer';
import type { Repositories } from '../data/repositories';
import type { SumCell } from '../data/rollup.repository';
import { readerOf } from '../services/visible-reports';
import { createReportLoaders } from './report-loaders';

function byKey<K, V>(keys: readonly K[], rows: V[], keyOf: (v: V) => K): (V | null)[] {
  const map = new Map(rows.map((r) => [keyOf(r), r]));
  return keys.map((k) => map.get(k) ?? null);
}

function groupByKey<K, V>(keys: readonly K[], rows: V[], keyOf: (v: V) => K): V[][] {
  const map = new Map<K, V[]>(keys.map((k) => [k, []]));
  for (const r of rows) map.get(keyOf(r))?.push(r);
  return keys.map((k) => map.get(k)!);
}

/** A summed cell without the row's own keys. */
const toSum = ({ micros, nonNull, reports }: SumCell): SumCell => ({ micros, nonNull, reports });

/** Keys "a|year|cellKey" split into their distinct parts, for one IN-list statement per batch. */
function splitRollupKeys(keys: readonly string[]) {
  const parts = keys.map((k) => {
    const [a, year, ...rest] = k.split('|');
    return { a, year: Number(year), key: rest.join('|') };
  });
  const byYear = new Map<number, { codes: Set<string>; keys: Set<string> }>();
  for (const p of parts) {
    const g = byYear.get(p.year) ?? { codes: new Set<string>(), keys: new Set<string>() };
    g.codes.add(p.a);
    g.keys.add(p.key);
    byYear.set(p.year, g);
  }
  const groups = [...byYear].map(([year, g]) => ({ year, codes: [...g.codes], keys: [...g.keys] }));
  return {
    parts,
    groups,
    as: [...new Set(parts.map((p) => p.a))],
    years: [...byYear.keys()],
    cellKeys: [...new Set(parts.map((p) => p.key))],
  };
}

/**
 * All DataLoaders of one request, built in the context factory; each returns results in key order.
 * Reports and what hangs off them are read only through ./report-loaders.ts (the viewer's revisions
 * within its region); agency subtrees are confined to `viewer`'s region inside their statement.
 * Regions and agencies are public (README "What each role sees"): callers confine them by region.
 */
export function createLoaders(repos: Repositories, viewer: Viewer) {
  const loaders = {
    regionByCodeLoader: new DataLoader<string, Region | null>(async (codes) =>
      byKey(codes, await repos.regions.byCodes(codes), (r) => r.code),
    ),
    regionChildrenByCodeLoader: new DataLoader<string, Region[]>(async (codes) =>
      groupByKey(codes, await repos.regions.childrenOf(codes), (r) => r.parentCode!),
    ),
    agencyByIdLoader: new DataLoader<number, Agency | null>(async (ids) => byKey(ids, await repos.agencies.byIds(ids), (a) => a.id)),
    branchesByAgencyIdLoader: new DataLoader<number, Agency[]>(async (ids) =>
      groupByKey(ids, await repos.agencies.childrenOf(ids), (a) => a.parentId!),
    ),
    ...createReportLoaders(repos, readerOf(viewer)),
    /** "regionCode|year|cellKey" → Σ over the region subtree's own reports (all agency kinds), publications still queued included. */
    rollupByRegionYearLoader: new DataLoader<string, SumCell | null>(async (keys) => {
      const rows = await repos.rollupReads.regionSumsFor(splitRollupKeys(keys).groups);
      const map = new Map(rows.map((r) => [`${r.regionCode}|${r.year}|${r.key}`, toSum(r)]));
      return keys.map((k) => map.get(k) ?? null);
    }),
    /** "regionCode|year|cellKey" → Σ per agency kind. */
    rollupByKindLoader: new DataLoader<string, Map<string, SumCell>>(async (keys) => {
      const rows = await repos.rollupReads.regionSumsFor(splitRollupKeys(keys).groups, true);
      const map = new Map<string, Map<string, SumCell>>(keys.map((k) => [k, new Map()]));
      for (const r of rows) map.get(`${r.regionCode}|${r.year}|${r.key}`)?.set(r.agencyKind!, toSum(r));
      return keys.map((k) => map.get(k)!);
    }),
    /** agencyId → ids of the agency and every agency under it (branches, subordinate agencies) the viewer may read. */
    agencySubtreeLoader: new DataLoader<number, number[]>(async (ids) => {
      const trees = await repos.rollupReads.agencySubtrees([...ids], viewer.regionPath);
      return ids.map((id) => trees.get(id) ?? []);
    }),
    /** region path → agencies and expected filers in the subtree. */
    agencyCountByPathLoader: new DataLoader<string, { agencies: number; expected: number }>(async (paths) => {
      const counts = await repos.rollupReads.agencyCounts([...paths]);
      return paths.map((p) => counts.get(p) ?? { agencies: 0, expected: 0 });
    }),
  };
  /** "agencyId|year|cellKey" → Σ over the agency's subtree's own reports, from report_cell. */
  const rollupByAgencyYearLoader = new DataLoader<string, SumCell | null>(async (keys) => {
    const { parts, years, cellKeys } = splitRollupKeys(keys);
    const roots = [...new Set(parts.map((p) => Number(p.a)))];
    const trees = new Map(roots.map((r) => [r, [] as number[]]));
    (await loaders.agencySubtreeLoader.loadMany(roots)).forEach((t, i) => {
      if (t instanceof Error) throw t;
      trees.set(roots[i], t);
    });
    const rows = await repos.rollupReads.agencySums([...new Set([...trees.values()].flat())], years, cellKeys);
    const byMember = new Map(rows.map((r) => [`${r.agencyId}|${r.year}|${r.key}`, toSum(r)]));
    // Each key sums its own root's members: the answer never depends on the other keys of the batch.
    return parts.map((p) => {
      let acc: SumCell | null = null;
      for (const m of trees.get(Number(p.a))!) {
        const s = byMember.get(`${m}|${p.year}|${p.key}`);
        if (s) acc = acc ? { micros: acc.micros + s.micros, nonNull: acc.nonNull + s.nonNull, reports: acc.reports + s.reports } : s;
      }
      return acc;
    });
  });
  return { ...loaders, rollupByAgencyYearLoader };
}

export type Loaders = ReturnType<typeof createLoaders>;
