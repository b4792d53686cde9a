import { placeholders, REPORTS_KEY, sumOf, type AggregateQuery, type AggregateRow, type SumRow } from './rollup.repository';
import { engineOf, type Db, type Engine } from './engine';
import { addQueued, QUEUED, queuedSumsSql } from './rollup-queue-read';
import { subtreeRange } from './subtree';

const num = (v: unknown) => Number(v);

/**
 * The grouped columns and the filters of an aggregate, over the given columns (region_rollup's, or
 * the queue's): `inRegions` turns a condition on regions `g` into one on the read's region column.
 */
function aggregateSql(
  a: AggregateQuery,
  col: { region: string; year: string; kind: string },
  inRegions: (where: string) => string,
): { select: string[]; group: string[]; where: string[]; params: unknown[] } {
  const select: string[] = [];
  const group: string[] = [];
  const params: unknown[] = [];
  const where: string[] = [];
  if (a.groupBy.includes('REGION')) {
    select.push(`${col.region} AS region_code`);
    group.push(col.region);
    const within = a.within ? ' AND g.path >= ? AND g.path < ?' : '';
    where.push(inRegions(`g.path >= ? AND g.path < ? AND g.depth = ?${within}`));
    params.push(...subtreeRange(a.regionPath), a.regionDepth, ...(a.within ? subtreeRange(a.within) : []));
  } else {
    where.push(`${col.region} = ?`);
    params.push(a.regionCode);
  }
  if (a.groupBy.includes('YEAR')) {
    select.push(`${col.year} AS year`);
    group.push(col.year);
  }
  if (a.groupBy.includes('EDITION')) {
    const cases = a.editions
      .map(
        ([from, to, id]) =>
          `WHEN ${col.year} >= ${Number(from)}${to === null ? '' : ` AND ${col.year} <= ${Number(to)}`} THEN '${id.replace(/\W/g, '')}'`,
      )
      .join(' ');
    select.push(`CASE ${cases} END AS edition`);
    group.push(`CASE ${cases} END`);
  }
  if (a.groupBy.includes('AGENCY_KIND')) {
    select.push(`${col.kind} AS agency_kind`);
    group.push(col.kind);
  }
  where.push(`${col.year} IN (${placeholders(a.years.length)})`);
  params.push(...a.years);
  if (a.kinds?.length) {
    where.push(`${col.kind} IN (${placeholders(a.kinds.length)})`);
    params.push(...a.kinds);
  }
  return { select, group, where, params };
}

/**
 * Roll-up reads, and nothing else: region_rollup with the publications still queued added on the
 * fly (README "Roll-ups": a read never folds), and on-the-fly sums over small sets from report_cell.
 */
export class RollupReadRepository {
  constructor(private readonly db: Db) {}

  private get engine(): Engine {
    return engineOf(this.db);
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- driver rows; each caller maps them to its type
  private async q(sql: string, params: unknown[] = []): Promise<any[]> {
    return this.db.query(sql, params);
  }

  /** Σ over agency kinds (or per kind) of the given regions × years × keys: one statement on the primary key. */
  regionSums(codes: string[], years: number[], keys: string[], perKind = false): Promise<SumRow[]> {
    return this.regionSumsFor(
      years.map((year) => ({ year, codes, keys })),
      perKind,
    );
  }

  /**
   * As regionSums for several (year, regions, keys) groups in one statement: a dashboard asks many
   * regions for one year and one region for many years, and a cross product would read both. The
   * publications still queued are added in the same statement (./rollup-queue-read.ts).
   */
  async regionSumsFor(groups: Array<{ year: number; codes: string[]; keys: string[] }>, perKind = false): Promise<SumRow[]> {
    const live = groups.filter((g) => g.codes.length && g.keys.length);
    if (!live.length) return [];
    const kindCol = perKind ? ', agency_kind' : '';
    const where = live
      .map((g) => `(year = ? AND region_code IN (${placeholders(g.codes.length)}) AND cell_key IN (${placeholders(g.keys.length)}))`)
      .join(' OR ');
    const queuedDims = [QUEUED.region, ...(perKind ? [QUEUED.kind] : []), QUEUED.year];
    const queued = queuedSumsSql(
      this.engine,
      [`${QUEUED.region} AS region_code`, ...(perKind ? [`${QUEUED.kind} AS agency_kind`] : []), `${QUEUED.year} AS year`],
      queuedDims,
      live.map((g) => ({
        where: `${QUEUED.year} = ? AND ${QUEUED.region} IN (${placeholders(g.codes.length)})`,
        params: [g.year, ...g.codes],
        keys: g.keys,
      })),
    );
    // MariaDB would otherwise dive into the index once per IN-list combination (hundreds for a
    // dashboard), costing more than the read itself; every range here is a primary-key point lookup.
    const hint = this.engine === 'mysql' ? 'SET STATEMENT eq_range_index_dive_limit = 1 FOR ' : '';
    const rows = await this.q(
      `${hint}SELECT region_code${kindCol}, year, cell_key, SUM(total) AS t, SUM(non_null_count) AS n, SUM(report_count) AS rc
         FROM region_rollup WHERE ${where}
        GROUP BY region_code${kindCol}, year, cell_key
       ${queued ? 'UNION ALL ' + queued.sql : ''}`,
      [...live.flatMap((g) => [g.year, ...g.codes, ...g.keys]), ...(queued?.params ?? [])],
    );
    return addQueued(
      rows.map((r): SumRow => ({ regionCode: r.region_code, agencyKind: r.agency_kind, year: num(r.year), key: r.cell_key, ...sumOf(r) })),
      (r) => `${r.regionCode}|${r.agencyKind ?? ''}|${r.year}|${r.key}`,
    );
  }

  /**
   * Each root agency with every agency under it (organisational parent links), the root first.
   * Each root's subtree is its own, whatever else is in the batch: a root that is also under
   * another root belongs to both. `within` confines members to a region subtree in the statement.
   */
  async agencySubtrees(rootIds: number[], within: string | null = null): Promise<Map<number, number[]>> {
    const children = new Map<number, number[]>();
    const range = within ? subtreeRange(within) : null;
    const roots =
      range && rootIds.length
        ? new Set(
            (
              await this.q(`SELECT id FROM agency WHERE id IN (${placeholders(rootIds.length)}) AND region_path >= ? AND region_path < ?`, [
                ...rootIds,
                ...range,
              ])
            ).map((r) => num(r.id)),
          )
        : new Set(rootIds);
    let frontier = [...roots];
    const expanded = new Set<number>();
    // Parent chains are shallow (agency → branch); one statement per level.
    for (let level = 0; frontier.length && level < 8; level++) {
      frontier.forEach((id) => expanded.add(id));
      const rows = await this.q(
        `SELECT id, parent_id FROM agency WHERE parent_id IN (${placeholders(frontier.length)})${range ? ' AND region_path >= ? AND region_path < ?' : ''}`,
        [...frontier, ...(range ?? [])],
      );
      frontier = [];
      for (const r of rows) {
        const id = num(r.id);
        const parent = num(r.parent_id);
        children.set(parent, [...(children.get(parent) ?? []), id]);
        if (!expanded.has(id)) frontier.push(id);
      }
    }
    const out = new Map<number, number[]>();
    for (const root of rootIds) {
      if (!roots.has(root)) {
        out.set(root, []);
        continue;
      }
      const members = new Set<number>([root]);
      const queue = [root];
      while (queue.length)
        for (const c of children.get(queue.pop()!) ?? [])
          if (!members.has(c)) {
            members.add(c);
            queue.push(c);
          }
      out.set(
        root,
        [...members].sort((a, b) => a - b),
      );
    }
    return out;
  }

  /** Σ per agency over current OWN reports, straight from report_cell (small agency sets), report counts under REPORTS_KEY. */
  async agencySums(agencyIds: number[], years: number[], keys: string[]): Promise<SumRow[]> {
    if (!agencyIds.length || !years.length) return [];
    const rows = await this.q(
      `SELECT r.agency_id, r.year, c.cell_key, COALESCE(SUM(c.value), 0) AS t, COUNT(c.value) AS n, COUNT(*) AS rc
         FROM report r JOIN report_cell c ON c.report_id = r.id
        WHERE r.agency_id IN (${placeholders(agencyIds.length)}) AND r.year IN (${placeholders(years.length)}) AND r.published_current = 1 AND r.scope = 'OWN'
          AND c.cell_key IN (${placeholders(Math.max(keys.length, 1))})
        GROUP BY r.agency_id, r.year, c.cell_key
       UNION ALL
       SELECT r.agency_id, r.year, ?, COUNT(*), COUNT(*), COUNT(*)
         FROM report r
        WHERE r.agency_id IN (${placeholders(agencyIds.length)}) AND r.year IN (${placeholders(years.length)}) AND r.published_current = 1 AND r.scope = 'OWN'
        GROUP BY r.agency_id, r.year`,
      [...agencyIds, ...years, ...(keys.length ? keys : [REPORTS_KEY]), REPORTS_KEY, ...agencyIds, ...years],
    );
    return rows.map((r) => ({ agencyId: num(r.agency_id), year: num(r.year), key: r.cell_key, ...sumOf(r) }));
  }

  /**
   * Σ over a region subtree for one year of each OWN series' latest revision that is filed
   * (SUBMITTED, ACCEPTED or PUBLISHED), on the fly from report_cell: a supervisor's view before
   * publication (README "Filing workflow"); report counts under REPORTS_KEY.
   */
  async filedSums(regionPath: string, year: number, keys: string[]): Promise<SumRow[]> {
    const filed = `r.state IN ('SUBMITTED', 'ACCEPTED', 'PUBLISHED') AND r.revision = (SELECT MAX(p.revision) FROM report p
      WHERE p.agency_id = r.agency_id AND p.year = r.year AND p.scope = r.scope AND p.state IN ('SUBMITTED', 'ACCEPTED', 'PUBLISHED'))`;
    const from = `FROM agency a JOIN report r ON r.agency_id = a.id AND r.year = ? AND r.scope = 'OWN' AND ${filed}`;
    const rows = await this.q(
      `SELECT c.cell_key, COALESCE(SUM(c.value), 0) AS t, COUNT(c.value) AS n, COUNT(*) AS rc
         ${from} JOIN report_cell c ON c.report_id = r.id AND c.cell_key IN (${placeholders(Math.max(keys.length, 1))})
        WHERE a.region_path >= ? AND a.region_path < ? GROUP BY c.cell_key
       UNION ALL
       SELECT ?, COUNT(*), COUNT(*), COUNT(*) ${from} WHERE a.region_path >= ? AND a.region_path < ?`,
      [year, ...(keys.length ? keys : [REPORTS_KEY]), ...subtreeRange(regionPath), REPORTS_KEY, year, ...subtreeRange(regionPath)],
    );
    return rows.map((r) => ({ year, key: r.cell_key, ...sumOf(r) }));
  }

  /** Per agency of a region subtree, for one year: one GROUP BY over report_cell joined to its reports. */
  async agencySumsInRegion(regionPath: string, year: number, keys: string[]): Promise<SumRow[]> {
    if (!keys.length) return [];
    const rows = await this.q(
      `SELECT r.agency_id, c.cell_key, COALESCE(SUM(c.value), 0) AS t, COUNT(c.value) AS n, COUNT(*) AS rc
         FROM agency a JOIN report r ON r.agency_id = a.id AND r.year = ? AND r.published_current = 1 AND r.scope = 'OWN'
         JOIN report_cell c ON c.report_id = r.id AND c.cell_key IN (${placeholders(keys.length)})
        WHERE a.region_path >= ? AND a.region_path < ?
        GROUP BY r.agency_id, c.cell_key`,
      [year, ...keys, ...subtreeRange(regionPath)],
    );
    return rows.map((r) => ({ agencyId: num(r.agency_id), year, key: r.cell_key, ...sumOf(r) }));
  }

  /** Agencies and expected filers (active, not exempt) under each region path: one statement, an index range per region. */
  async agencyCounts(paths: string[]): Promise<Map<string, { agencies: number; expected: number }>> {
    const out = new Map<string, { agencies: number; expected: number }>();
    if (!paths.length) return out;
    const sql = paths
      .map(
        () =>
          `SELECT ? AS p, COUNT(*) AS agencies, COALESCE(SUM(CASE WHEN exempt = 0 THEN 1 ELSE 0 END), 0) AS expected FROM agency WHERE region_path >= ? AND region_path < ? AND active = 1`,
      )
      .join(' UNION ALL ');
    const rows = await this.q(
      sql,
      paths.flatMap((p) => [p, ...subtreeRange(p)]),
    );
    for (const r of rows) out.set(r.p, { agencies: num(r.agencies), expected: num(r.expected) });
    return out;
  }

  /** Analysts' group-by over the roll-ups, the queued publications added in the same statement: one GROUP BY each. */
  async aggregate(a: AggregateQuery): Promise<AggregateRow[]> {
    const stored = aggregateSql(
      a,
      { region: 'x.region_code', year: 'x.year', kind: 'x.agency_kind' },
      (where) => `x.region_code IN (SELECT g.code FROM region g WHERE ${where})`,
    );
    const keyed = (w: { where: string[]; params: unknown[] }) => ({ where: w.where.join(' AND '), params: w.params });
    const queuedDims = aggregateSql(a, { region: QUEUED.region, year: QUEUED.year, kind: QUEUED.kind }, (where) => where);
    const queued = queuedSumsSql(this.engine, queuedDims.select, queuedDims.group, [{ ...keyed(queuedDims), keys: a.keys }]);
    const where = [...stored.where, `x.cell_key IN (${placeholders(a.keys.length)})`];
    const rows = await this.q(
      `SELECT ${[...stored.select, 'x.cell_key AS cell_key', 'SUM(x.total) AS t', 'SUM(x.non_null_count) AS n', 'SUM(x.report_count) AS rc'].join(', ')}
         FROM region_rollup x WHERE ${where.join(' AND ')}
        GROUP BY ${[...stored.group, 'x.cell_key'].join(', ')}${queued ? ` ${queued ? 'UNION ALL ' + queued.sql : ''}` : ''}`,
      [...stored.params, ...a.keys, ...(queued?.params ?? [])],
    );
    return addQueued(
      rows.map((r): AggregateRow => ({
        year: r.year != null ? num(r.year) : null,
        edition: r.edition ?? null,
        regionCode: r.region_code ?? null,
        agencyKind: r.agency_kind ?? null,
        key: r.cell_key,
        ...sumOf(r),
      })),
      (r) => JSON.stringify([r.year, r.edition, r.regionCode, r.agencyKind, r.key]),
    );
  }

  /** Current reports of a scope for agencies of a region subtree and year (consolidation checks). */
  async currentReportsInRegion(
    regionPath: string,
    year: number,
    scope: string,
  ): Promise<Array<{ id: number; agencyId: number; edition: string; regionCode: string; agencyName: string }>> {
    const rows = await this.q(
      `SELECT r.id, r.agency_id, r.edition, a.region_code, a.name FROM report r JOIN agency a ON a.id = r.agency_id
        WHERE a.region_path >= ? AND a.region_path < ? AND r.year = ? AND r.published_current = 1 AND r.scope = ? ORDER BY a.region_path, r.id`,
      [...subtreeRange(regionPath), year, scope],
    );
    return rows.map((r) => ({
      id: num(r.id),
      agencyId: num(r.agency_id),
      edition: r.edition,
      regionCode: r.region_code,
      agencyName: r.name,
    }));
  }
}
