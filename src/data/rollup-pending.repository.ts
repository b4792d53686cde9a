import type { Db } from './engine';
import { engineOf } from './engine';
import { writeBatchOf } from './write-batch';

export interface PendingEntry {
  id: number;
  reportId: number;
  sign: number;
}

/** A pending entry's report as the fold needs it: where it sums to, under which kind and year. */
export interface PendingReport {
  id: number;
  year: number;
  kind: string;
  regionPath: string;
}

const placeholders = (n: number) => Array(n).fill('?').join(', ');

/** The queue of publications not yet folded into region_rollup (entities/rollup-pending.entity.ts). */
export class RollupPendingRepository {
  constructor(private readonly db: Db) {}

  async add(entries: Array<{ reportId: number; sign: 1 | -1 }>): Promise<void> {
    if (!entries.length) return;
    await writeBatchOf(this.db).add(
      `INSERT INTO rollup_pending (report_id, sign) VALUES ${entries.map(() => '(?, ?)').join(', ')}`,
      entries.flatMap((e) => [e.reportId, e.sign]),
      { table: 'rollup_pending', reportId: entries[0].reportId, keys: entries.map((e) => `${e.reportId} ${e.sign > 0 ? '+1' : '-1'}`) },
    );
  }

  /** One cheap statement: is anything waiting? */
  async any(): Promise<boolean> {
    return (await this.db.query('SELECT id FROM rollup_pending LIMIT 1')).length > 0;
  }

  /**
   * The oldest entries, locked on MariaDB until the fold commits: a second folder waits, then finds
   * them gone and takes the next ones (SQLite has one writer at a time anyway).
   */
  async take(limit: number): Promise<PendingEntry[]> {
    const lock = engineOf(this.db) === 'mysql' ? ' FOR UPDATE' : '';
    const rows = await this.db.query(`SELECT id, report_id, sign FROM rollup_pending ORDER BY id LIMIT ${Math.trunc(limit)}${lock}`);
    return rows.map((r: Record<string, unknown>) => ({ id: Number(r.id), reportId: Number(r.report_id), sign: Number(r.sign) }));
  }

  async reportsOf(ids: number[]): Promise<PendingReport[]> {
    if (!ids.length) return [];
    const rows = await this.db.query(
      `SELECT r.id, r.year, a.kind, a.region_path FROM report r JOIN agency a ON a.id = r.agency_id WHERE r.id IN (${placeholders(ids.length)})`,
      ids,
    );
    return rows.map((r: Record<string, unknown>) => ({
      id: Number(r.id),
      year: Number(r.year),
      kind: String(r.kind),
      regionPath: String(r.region_path),
    }));
  }

  /** The reports' cells, lean (no entity hydration, no source places): the fold reads thousands at a time. */
  async cellValuesOf(ids: number[]): Promise<Array<{ reportId: number; key: string; value: string | number | null }>> {
    if (!ids.length) return [];
    const rows = await this.db.query(
      `SELECT report_id, cell_key, value FROM report_cell WHERE report_id IN (${placeholders(ids.length)})`,
      ids,
    );
    return rows.map((r: Record<string, unknown>) => ({
      reportId: Number(r.report_id),
      key: String(r.cell_key),
      value: r.value as string | number | null,
    }));
  }

  async remove(ids: number[]): Promise<void> {
    if (ids.length) await this.db.query(`DELETE FROM rollup_pending WHERE id IN (${placeholders(ids.length)})`, ids);
  }

  /** Everything: a rebuild recomputes the roll-ups from the reports themselves. */
  async clear(): Promise<void> {
    await this.db.query('DELETE FROM rollup_pending');
  }
}
