import { toMicros } from '../shared/decimal';
import { engineOf, type Db, type Engine } from './engine';
import { subtreeRange } from './subtree';

/** A summed cell: Σ of non-blank values in micro-units, with non-blank and report counts. */
export interface SumCell {
  micros: bigint;
  nonNull: number;
  reports: number;
}

/** One summed cell of a region, agency or agency kind, for a year. */
export interface SumRow extends SumCell {
  regionCode?: string;
  agencyId?: number;
  agencyKind?: string;
  year: number;
  key: string;
}

/** One group of an aggregate: the grouped dimensions (null when not grouped by) and the summed cell. */
export interface AggregateRow extends SumCell {
  year: number | null;
  edition: string | null;
  regionCode: string | null;
  agencyKind: string | null;
  key: string;
}

export interface RollupDelta {
  regionCode: string;
  year: number;
  key: string;
  agencyKind: string;
  /** Exact decimal text to add (may be negative). */
  total: string;
  nonNull: number;
  reports: number;
}

/** Pseudo cell key whose `report_count` counts the reports summed. */
export const REPORTS_KEY = '#reports';

export type AggregateDimension = 'YEAR' | 'REGION' | 'AGENCY_KIND' | 'EDITION';

export interface AggregateQuery {
  /** Region whose subtree is summed (or whose descendants at `regionDepth` are grouped). */
  regionCode: string;
  regionPath: string;
  /** Depth of the regions grouped by REGION (descendants of regionCode). */
  regionDepth: number | null;
  /** Only regions inside this subtree are grouped (the viewer's jurisdiction); null: anywhere. */
  within?: string | null;
  years: number[];
  kinds: string[] | null;
  keys: string[];
  groupBy: AggregateDimension[];
  /** Edition id per year range, for EDITION grouping: [[from, to|null, id]]. */
  editions: Array<[number, number | null, string]>;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const placeholders = (n: number) => Array(n).fill('?').join(', ');
const num = (v: unknown) => Number(v);

/** Σ, non-blank and report counts of a row as the driver returns them (DECIMAL as text on MariaDB, a number on SQLite). */
const sumOf = (r: { t: string | number | null; n: unknown; rc: unknown }): SumCell => ({
  micros: r.t == null ? 0n : toMicros(r.t),
  nonNull: num(r.n),
  reports: num(r.rc),
});

/** The clause that adds a row's figures to an existing roll-up row, in each engine's upsert syntax. */
function addOnConflict(engine: Engine): string {
  return engine === 'mysql'
    ? 'ON DUPLICATE KEY UPDATE total = total + VALUES(total), non_null_count = non_null_count + VALUES(non_null_count), report_count = report_count + VALUES(report_count)'
    : 'ON CONFLICT(region_code, year, cell_key, agency_kind) DO UPDATE SET total = total + excluded.total, non_null_count = non_null_count + excluded.non_null_count, report_count = report_count + excluded.report_count';
}

/** Roll-up SQL: pre-aggregated reads, in-transaction deltas, the bulk rebuild, and on-the-fly sums over small sets. */
export class RollupRepository {
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
   * regions for one year and one region for many years, and a cross product would read both.
   */
  async regionSumsFor(groups: Array<{ year: number; codes: string[]; keys: string[] }>, perKind = false): Promise<SumRow[]> {
    const live = groups.filter((g) => g.codes.length && g.keys.length);
    if (!live.length) return [];
    const kindCol = perKind ? ', agency_kind' : '';
    const where = live
      .map((g) => `(year = ? AND region_code IN (${placeholders(g.codes.length)}) AND cell_key IN (${placeholders(g.keys.length)}))`)
      .join(' OR ');
    // MariaDB would otherwise dive into the index once per IN-list combination (hundreds for a
    // dashboard), costing more than the read itself; every range here is a primary-key point lookup.
    const hint = this.engine === 'mysql' ? 'SET STATEMENT eq_range_index_dive_limit = 1 FOR ' : '';
    const rows = await this.q(
      `${hint}SELECT region_code${kindCol}, year, cell_key, SUM(total) AS t, SUM(non_null_count) AS n, SUM(report_count) AS rc
         FROM region_rollup WHERE ${where}
        GROUP BY region_code${kindCol}, year, cell_key`,
      live.flatMap((g) => [g.year, ...g.codes, ...g.keys]),
    );
    return rows.map((r) => ({ regionCode: r.region_code, agencyKind: r.agency_kind, year: num(r.year), key: r.cell_key, ...sumOf(r) }));
  }

  /** Adds deltas (a new revision minus the one it supersedes) in one upsert, then drops emptied rows. */
  async applyDeltas(unordered: RollupDelta[]): Promise<void> {
    // In primary-key order, so that concurrent filings lock shared rows in one order: they may wait
    // for one another, never deadlock.
    const deltas = [...unordered].sort(
      (a, b) => cmp(a.regionCode, b.regionCode) || a.year - b.year || cmp(a.key, b.key) || cmp(a.agencyKind, b.agencyKind),
    );
    for (let i = 0; i < deltas.length; i += 2000) {
      const chunk = deltas.slice(i, i + 2000);
      const values = chunk.map(() => '(?, ?, ?, ?, ?, ?, ?)').join(', ');
      const params = chunk.flatMap((d) => [d.regionCode, d.year, d.key, d.agencyKind, d.total, d.nonNull, d.reports]);
      await this.q(
        `INSERT INTO region_rollup (region_code, year, cell_key, agency_kind, total, non_null_count, report_count) VALUES ${values} ${addOnConflict(this.engine)}`,
        params,
      );
    }
    const codes = [...new Set(deltas.map((d) => d.regionCode))];
    const years = [...new Set(deltas.map((d) => d.year))];
    if (deltas.some((d) => d.reports < 0))
      await this.q(
        `DELETE FROM region_rollup WHERE report_count <= 0 AND region_code IN (${placeholders(codes.length)}) AND year IN (${placeholders(years.length)})`,
        [...codes, ...years],
      );
  }

  /**
   * Recomputes every roll-up from the current OWN reports: one INSERT…SELECT GROUP BY for the
   * agencies' own regions, then one INSERT…SELECT per level folding each level into its parents.
   */
  async rebuild(): Promise<void> {
    // Whatever was waiting to be folded is in the reports the rebuild sums.
    await this.q('DELETE FROM rollup_pending');
    await this.q('DELETE FROM region_rollup');
    await this.q(
      `INSERT INTO region_rollup (region_code, year, cell_key, agency_kind, total, non_null_count, report_count)
       SELECT a.region_code, r.year, c.cell_key, a.kind, COALESCE(SUM(c.value), 0), COUNT(c.value), COUNT(*)
         FROM report r JOIN agency a ON a.id = r.agency_id JOIN report_cell c ON c.report_id = r.id
        WHERE r.published_current = 1 AND r.scope = 'OWN'
        GROUP BY a.region_code, r.year, c.cell_key, a.kind`,
    );
    await this.q(
      `INSERT INTO region_rollup (region_code, year, cell_key, agency_kind, total, non_null_count, report_count)
       SELECT a.region_code, r.year, ?, a.kind, COUNT(*), COUNT(*), COUNT(*)
         FROM report r JOIN agency a ON a.id = r.agency_id
        WHERE r.published_current = 1 AND r.scope = 'OWN'
        GROUP BY a.region_code, r.year, a.kind`,
      [REPORTS_KEY],
    );
    const [{ d }] = await this.q('SELECT MAX(depth) AS d FROM region');
    const update = addOnConflict(this.engine);
    // Deepest level first: when a level is folded into its parents, it already holds its whole subtree.
    for (let depth = num(d); depth >= 2; depth--) {
      const select = `SELECT g.parent_code AS parent_code, x.year AS year, x.cell_key AS cell_key, x.agency_kind AS agency_kind, SUM(x.total) AS t, SUM(x.non_null_count) AS n, SUM(x.report_count) AS rc
           FROM region_rollup x JOIN region g ON g.code = x.region_code
          WHERE g.depth = ? AND g.parent_code IS NOT NULL
          GROUP BY g.parent_code, x.year, x.cell_key, x.agency_kind`;
      // MariaDB cannot read the table it inserts into with an upsert: stage through a temporary table.
      if (this.engine === 'mysql') {
        await this.q('DROP TEMPORARY TABLE IF EXISTS rollup_stage');
        await this.q(`CREATE TEMPORARY TABLE rollup_stage AS ${select}`, [depth]);
        await this.q(
          `INSERT INTO region_rollup (region_code, year, cell_key, agency_kind, total, non_null_count, report_count)
           SELECT parent_code, year, cell_key, agency_kind, t, n, rc FROM rollup_stage ${update}`,
        );
        await this.q('DROP TEMPORARY TABLE rollup_stage');
      } else {
        await this.q(
          `INSERT INTO region_rollup (region_code, year, cell_key, agency_kind, total, non_null_count, report_count) ${select} ${update}`,
          [depth],
        );
      }
    }
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

  /** Analysts' group-by over the roll-ups: one GROUP BY statement. */
  async aggregate(a: AggregateQuery): Promise<AggregateRow[]> {
    const select: string[] = [];
    const group: string[] = [];
    const params: unknown[] = [];
    const where: string[] = [];
    const wantRegion = a.groupBy.includes('REGION');
    if (wantRegion) {
      select.push('x.region_code AS region_code');
      group.push('x.region_code');
      const within = a.within ? ' AND g.path >= ? AND g.path < ?' : '';
      where.push(`x.region_code IN (SELECT g.code FROM region g WHERE g.path >= ? AND g.path < ? AND g.depth = ?${within})`);
      params.push(...subtreeRange(a.regionPath), a.regionDepth, ...(a.within ? subtreeRange(a.within) : []));
    } else {
      where.push('x.region_code = ?');
      params.push(a.regionCode);
    }
    if (a.groupBy.includes('YEAR')) {
      select.push('x.year AS year');
      group.push('x.year');
    }
    if (a.groupBy.includes('EDITION')) {
      const cases = a.editions
        .map(
          ([from, to, id]) =>
            `WHEN x.year >= ${Number(from)}${to === null ? '' : ` AND x.year <= ${Number(to)}`} THEN '${id.replace(/\W/g, '')}'`,
        )
        .join(' ');
      select.push(`CASE ${cases} END AS edition`);
      group.push(`CASE ${cases} END`);
    }
    if (a.groupBy.includes('AGENCY_KIND')) {
      select.push('x.agency_kind AS agency_kind');
      group.push('x.agency_kind');
    }
    where.push(`x.year IN (${placeholders(a.years.length)})`);
    params.push(...a.years);
    if (a.kinds?.length) {
      where.push(`x.agency_kind IN (${placeholders(a.kinds.length)})`);
      params.push(...a.kinds);
    }
    where.push(`x.cell_key IN (${placeholders(a.keys.length)})`);
    params.push(...a.keys);
    const rows = await this.q(
      `SELECT ${[...select, 'x.cell_key AS cell_key', 'SUM(x.total) AS t', 'SUM(x.non_null_count) AS n', 'SUM(x.report_count) AS rc'].join(', ')}
         FROM region_rollup x WHERE ${where.join(' AND ')}
        GROUP BY ${[...group, 'x.cell_key'].join(', ')}`,
      params,
    );
    return rows.map((r) => ({
      year: r.year != null ? num(r.year) : null,
      edition: r.edition ?? null,
      regionCode: r.region_code ?? null,
      agencyKind: r.agency_kind ?? null,
      key: r.cell_key,
      ...sumOf(r),
    }));
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
