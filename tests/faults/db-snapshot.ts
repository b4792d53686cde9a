import { createHash } from 'crypto';
import type { Engine } from '../../src/data/engine';
import { cellsOf, getEdition } from '../../src/shared/editions';

/** SQL over any handle: a test app's DataSource, or a driver of the test's own beside a child server. */
export interface SqlHandle {
  engine: Engine;
  query(sql: string): Promise<Array<Record<string, unknown>>>;
}

/** Bookkeeping that any write may move: the data version counter, the migrations list. */
const BOOKKEEPING = new Set(['data_version', 'migrations', 'typeorm_metadata']);

/**
 * Columns that a legitimate write changes on rows it did not add: a new revision takes `current`
 * (and any "latest …" flag of the series) from the one before; it is checked on its own.
 */
const MOVING = /current/i;

export async function tableNames(db: SqlHandle): Promise<string[]> {
  const rows =
    db.engine === 'mysql'
      ? await db.query('SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE()')
      : await db.query("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
  return rows.map((r) => String(r.name ?? r.NAME)).sort();
}

const norm = (v: unknown): unknown =>
  v instanceof Date
    ? v.toISOString()
    : Buffer.isBuffer(v)
      ? v.toString('hex')
      : typeof v === 'bigint' || typeof v === 'number'
        ? String(v)
        : v;

export interface Row {
  [column: string]: unknown;
}

/** Every row of every table, as a multiset keyed by the row's content (columns sorted, moving ones left out). */
export type Snapshot = Map<string, Map<string, { row: Row; n: number }>>;

export async function snapshot(db: SqlHandle): Promise<Snapshot> {
  const out: Snapshot = new Map();
  for (const table of await tableNames(db)) {
    if (BOOKKEEPING.has(table)) continue;
    const rows = new Map<string, { row: Row; n: number }>();
    for (const raw of await db.query(`SELECT * FROM ${table}`)) {
      const row: Row = {};
      for (const k of Object.keys(raw).sort()) row[k] = norm(raw[k]);
      const kept = Object.fromEntries(Object.entries(row).filter(([k]) => !MOVING.test(k)));
      const key = createHash('sha1').update(JSON.stringify(kept)).digest('hex');
      const e = rows.get(key);
      if (e) e.n++;
      else rows.set(key, { row, n: 1 });
    }
    out.set(table, rows);
  }
  return out;
}

export interface TableDiff {
  added: Row[];
  removed: Row[];
}

/** Rows added and removed per table (a changed row is one of each); tables without a change are left out. */
export function diff(before: Snapshot, after: Snapshot): Map<string, TableDiff> {
  const out = new Map<string, TableDiff>();
  for (const table of new Set([...before.keys(), ...after.keys()])) {
    const b = before.get(table) ?? new Map();
    const a = after.get(table) ?? new Map();
    const d: TableDiff = { added: [], removed: [] };
    for (const [k, e] of a) for (let i = b.get(k)?.n ?? 0; i < e.n; i++) d.added.push(e.row);
    for (const [k, e] of b) for (let i = a.get(k)?.n ?? 0; i < e.n; i++) d.removed.push(e.row);
    if (d.added.length || d.removed.length) out.set(table, d);
  }
  return out;
}

/** Row counts per table, for the printed summary. */
export function counts(s: Snapshot): Record<string, number> {
  return Object.fromEntries([...s].map(([t, rows]) => [t, [...rows.values()].reduce((n, e) => n + e.n, 0)]));
}

/**
 * Cell counts a whole revision of this edition may have: every cell of every table, blanks included,
 * and also the cells of a legacy row when one was printed in place of its rows (docs/format.md,
 * "Accepted in place of rows": stored under its own key, one cell per column of its table).
 */
export function editionCellCounts(edition: string): number[] {
  const e = getEdition(edition as never);
  const cells = cellsOf(e);
  const legacy = (e.legacyRows ?? []).reduce(
    (n, l) => n + new Set(cells.filter((c) => c.table.id === l.table).map((c) => c.column.key)).size,
    0,
  );
  return legacy ? [cells.length, cells.length + legacy] : [cells.length];
}

/**
 * What must hold of any database whatever was killed or refused: every revision has exactly its
 * edition's cells, every cell, narrative and finding belongs to a stored revision, and each series
 * has exactly one current revision, its latest. Returns the violations, each naming its row.
 */
export async function integrityViolations(db: SqlHandle): Promise<string[]> {
  const out: string[] = [];
  const reports = await db.query(
    'SELECT r.id, r.edition, r.agency_id, r.year, r.scope, r.revision, r.current, (SELECT COUNT(*) FROM report_cell c WHERE c.report_id = r.id) AS cells FROM report r',
  );
  for (const r of reports) {
    const want = editionCellCounts(String(r.edition));
    if (!want.includes(Number(r.cells)))
      out.push(
        `report ${r.id} (agency ${r.agency_id}, ${r.year}, revision ${r.revision}): ${r.cells} cells, its edition ${r.edition} has ${want.join(' or ')}`,
      );
  }
  for (const t of ['report_cell', 'report_narrative', 'finding']) {
    const orphans = await db.query(`SELECT COUNT(*) AS n FROM ${t} x WHERE NOT EXISTS (SELECT 1 FROM report r WHERE r.id = x.report_id)`);
    if (Number(orphans[0].n)) out.push(`${t}: ${orphans[0].n} rows of no stored report`);
  }
  const series = new Map<string, Array<Record<string, unknown>>>();
  for (const r of reports) {
    const k = `${r.agency_id}/${r.year}/${r.scope}`;
    series.set(k, [...(series.get(k) ?? []), r]);
  }
  for (const [k, revs] of series) {
    const current = revs.filter((r) => Number(r.current) === 1 || r.current === true);
    const latest = Math.max(...revs.map((r) => Number(r.revision)));
    if (current.length !== 1 || Number(current[0].revision) !== latest)
      out.push(`series ${k}: current revisions ${current.map((r) => r.revision).join(',') || 'none'}, latest ${latest}`);
  }
  return out;
}
