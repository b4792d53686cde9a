import { toMicros } from '../shared/decimal';
import { engineOf, type Db, type Engine } from './engine';

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
export const placeholders = (n: number) => Array(n).fill('?').join(', ');
const num = (v: unknown) => Number(v);

/** Σ, non-blank and report counts of a row as the driver returns them (DECIMAL as text on MariaDB, a number on SQLite). */
export const sumOf = (r: { t: string | number | null; n: unknown; rc: unknown }): SumCell => ({
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

/**
 * Writes of region_rollup: the fold's deltas and the bulk rebuild. Nothing on a query's path calls
 * these; reads are ./rollup-read.repository.ts.
 */
export class RollupRepository {
  constructor(private readonly db: Db) {}

  private get engine(): Engine {
    return engineOf(this.db);
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- driver rows; each caller maps them to its type
  private async q(sql: string, params: unknown[] = []): Promise<any[]> {
    return this.db.query(sql, params);
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
}
