import type { Engine } from './engine';
import { placeholders, REPORTS_KEY, type SumCell } from './rollup.repository';

/**
 * Columns of a queue read in region_rollup's terms. `g` is each region on the queued report's
 * agency's path: the regions a fold adds the report to (src/rollup/rollup-folder.ts).
 */
export const QUEUED = { region: 'g.code', regionPath: 'g.path', regionDepth: 'g.depth', year: 'r.year', kind: 'a.kind' } as const;

/** One OR'd condition of a queue read, over QUEUED's columns, with the cell keys it asks for. */
export interface QueueFilter {
  where: string;
  params: unknown[];
  keys: string[];
}

/**
 * What folding the queue would add to region_rollup, grouped as the caller groups region_rollup: a
 * SELECT (`columns`, then cell_key, t, n, rc) to UNION ALL after that read, so that both see one
 * snapshot: a fold commits its upsert and the removal of its entries together, and one statement
 * sees either both or neither. Each entry adds (+1) or subtracts (−1) its report, exactly as
 * RollupFolder.foldBatch does: Σ of its non-blank values, its non-blank count and one report, per
 * cell key, and one report under REPORTS_KEY, for every region on its agency's path, its year and
 * its agency's kind. Null when no filter asks anything.
 */
export function queuedSumsSql(
  engine: Engine,
  columns: string[],
  groupBy: string[],
  filters: QueueFilter[],
): { sql: string; params: unknown[] } | null {
  // The queue drives, in this order on both engines (SQLite's CROSS JOIN, MariaDB's STRAIGHT_JOIN):
  // left to itself, SQLite starts from the asked regions and reads every report of the year.
  const join = engine === 'mysql' ? 'STRAIGHT_JOIN' : 'CROSS JOIN';
  const from = `FROM rollup_pending p ${join} report r ON r.id = p.report_id ${join} agency a ON a.id = r.agency_id
    ${join} region g ON SUBSTR(a.region_path, 1, LENGTH(g.path)) = g.path`;
  const cols = columns.map((c) => `${c}, `).join('');
  const group = groupBy.length ? `GROUP BY ${groupBy.join(', ')}` : '';
  const parts: string[] = [];
  const params: unknown[] = [];
  const cellFilters = filters.map((f) => ({ ...f, keys: f.keys.filter((k) => k !== REPORTS_KEY) })).filter((f) => f.keys.length);
  if (cellFilters.length) {
    parts.push(
      `SELECT ${cols}c.cell_key AS cell_key, SUM(p.sign * COALESCE(c.value, 0)) AS t,
              SUM(CASE WHEN c.value IS NULL THEN 0 ELSE p.sign END) AS n, SUM(p.sign) AS rc
         ${from} ${join} report_cell c ON c.report_id = r.id
        WHERE ${cellFilters.map((f) => `(${f.where} AND c.cell_key IN (${placeholders(f.keys.length)}))`).join(' OR ')}
        GROUP BY ${[...groupBy, 'c.cell_key'].join(', ')}`,
    );
    params.push(...cellFilters.flatMap((f) => [...f.params, ...f.keys]));
  }
  const reportFilters = filters.filter((f) => f.keys.includes(REPORTS_KEY));
  if (reportFilters.length) {
    parts.push(
      `SELECT ${cols}? AS cell_key, SUM(p.sign) AS t, SUM(p.sign) AS n, SUM(p.sign) AS rc
         ${from} WHERE ${reportFilters.map((f) => `(${f.where})`).join(' OR ')} ${group}`,
    );
    params.push(REPORTS_KEY, ...reportFilters.flatMap((f) => f.params));
  }
  return parts.length ? { sql: parts.join(' UNION ALL '), params } : null;
}

/**
 * Rows of a region_rollup read and of its queue read, added up per `keyOf` (the grouped columns and
 * the cell key). A group left with no report is left out, as the fold deletes the roll-up rows it
 * empties: the answer is the one a read would get after folding.
 */
export function addQueued<R extends SumCell>(rows: R[], keyOf: (r: R) => string): R[] {
  const out = new Map<string, R>();
  for (const r of rows) {
    const k = keyOf(r);
    const a = out.get(k);
    out.set(k, a ? { ...a, micros: a.micros + r.micros, nonNull: a.nonNull + r.nonNull, reports: a.reports + r.reports } : r);
  }
  return [...out.values()].filter((r) => r.reports > 0);
}
