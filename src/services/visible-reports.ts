import DataLoader from 'dataloader';
import type { Report } from '../../entities';
import type { Viewer } from '../auth/viewer';
import type { ReportVisibility } from '../data/report-visibility';
import type { TransactionalConnection } from '../data/transactional-connection';
import type { RequestContext } from '../graphql/request-context';

/** The revisions a viewer sees (README "Filing workflow"): the SQL of src/data/report-visibility.ts applies it. */
export function visibilityOf(viewer: Viewer): ReportVisibility {
  if (viewer.role === 'ADMIN' || viewer.role === 'SYSTEM') return { kind: 'all' };
  if (viewer.role === 'AGENCY' && viewer.agencyId) return { kind: 'agency', agencyId: viewer.agencyId };
  if (viewer.role === 'SUPERVISOR' && viewer.regionPath) return { kind: 'region', regionPath: viewer.regionPath };
  return { kind: 'published' };
}

function loadersFor(connection: TransactionalConnection, viewer: Viewer) {
  const repos = connection.repos();
  const visibility = visibilityOf(viewer);
  const group = <K, V>(keys: readonly K[], rows: V[], keyOf: (v: V) => K) => {
    const map = new Map<K, V[]>(keys.map((k) => [k, []]));
    for (const r of rows) map.get(keyOf(r))?.push(r);
    return keys.map((k) => map.get(k)!);
  };
  const series = (r: Report) => `${r.agencyId}|${r.year}|${r.scope}`;
  return {
    byId: new DataLoader<number, Report | null>(async (ids) => {
      const rows = new Map((await repos.reports.visibleByIds(ids, visibility)).map((r) => [r.id, r]));
      return ids.map((id) => rows.get(id) ?? null);
    }),
    /** agencyId → "the report" of each of its series, newest year first. */
    latestByAgency: new DataLoader<number, Report[]>(async (ids) => group(ids, await repos.reports.currentOf(ids, undefined, visibility), (r) => r.agencyId)),
    /** "agencyId|year" → "the report" of each scope that year: one statement per year asked. */
    latestByAgencyYear: new DataLoader<string, Report[]>(async (keys) => {
      const byYear = new Map<number, number[]>();
      for (const [a, y] of keys.map((k) => k.split('|').map(Number))) byYear.set(y, [...(byYear.get(y) ?? []), a]);
      const rows = (await Promise.all([...byYear].map(([year, ids]) => repos.reports.currentOf(ids, year, visibility)))).flat();
      return group(keys, rows, (r) => `${r.agencyId}|${r.year}`);
    }),
    /** "agencyId|year|scope" → the series' revisions the viewer sees, oldest first. */
    revisionsBySeries: new DataLoader<string, Report[]>(async (keys) => {
      const parts = keys.map((k) => k.split('|'));
      const rows = await repos.reports.revisionsOfMany([...new Set(parts.map(([a]) => Number(a)))], [...new Set(parts.map(([, y]) => Number(y)))], visibility);
      return group(keys, rows, series);
    }),
  };
}

export type VisibleReportLoaders = ReturnType<typeof loadersFor>;

/**
 * Per-request loaders of the reports the viewer may see, kept beside the request's own loaders
 * (one set per request, gone with it): every read is confined in its statement.
 */
const perRequest = new WeakMap<object, VisibleReportLoaders>();

export function visibleReports(connection: TransactionalConnection, ctx: RequestContext): VisibleReportLoaders {
  let l = perRequest.get(ctx.loaders);
  if (!l) perRequest.set(ctx.loaders, (l = loadersFor(connection, ctx.viewer)));
  return l;
}
