import { engineOf, type Db, type Engine } from './engine';
import { subtreeRange } from './subtree';

export interface BulkAgency {
  id: number;
  name: string;
  kind: string;
  regionCode: string;
  regionPath: string;
  parentId: number | null;
}

export interface BulkReport {
  id: number;
  agencyId: number;
  year: number;
  edition: string;
  scope: 'OWN' | 'CONSOLIDATED';
  title: string;
  period: string;
  publishedOn: string | null;
  sourceHash: string;
}

/** [reportId, cellKey, value (exact decimal text or null), raw] */
export type BulkCell = [number, string, string | null, string];

/** A decimal's text as generated, checked: anything else is a programming error, never written. */
const DECIMAL = /^-?\d+(\.\d+)?$/;
function decimal(s: string | null): string | null {
  if (s !== null && !DECIMAL.test(s)) throw new Error(`not a decimal: ${s}`);
  return s;
}

/** `(?, …, ?)` once per row, for multi-row INSERTs whose values are bound (mysql2 formats them client-side). */
const tuples = (rows: number, columns: number) =>
  Array(rows)
    .fill(`(${Array(columns).fill('?').join(', ')})`)
    .join(', ');

/**
 * Bulk writes for generated populations: explicit ids and large multi-row INSERTs, values bound by
 * placeholders (mysql2's own escaping; SQLite binds), so that millions of cells load in minutes.
 * Not for imports: those go through ImportService.store and its hooks. Generated reports stand for
 * published ones: PUBLISHED, the latest published revision of their series.
 */
export class BulkReportRepository {
  constructor(private readonly db: Db) {}

  private get engine(): Engine {
    return engineOf(this.db);
  }

  /** Rows per INSERT: MariaDB takes ~1 MB statements easily; SQLite is in-process. */
  get batchRows(): number {
    return this.engine === 'mysql' ? 8000 : 4000;
  }

  async maxIds(): Promise<{ agency: number; report: number }> {
    const [a] = await this.db.query('SELECT COALESCE(MAX(id), 0) AS m FROM agency');
    const [r] = await this.db.query('SELECT COALESCE(MAX(id), 0) AS m FROM report');
    return { agency: Number(a.m), report: Number(r.m) };
  }

  async existingAgencies(
    regionPath: string,
  ): Promise<Array<{ id: number; name: string; regionCode: string; kind: string; parentId: number | null }>> {
    const rows = await this.db.query(
      'SELECT id, name, region_code, kind, parent_id FROM agency WHERE region_path >= ? AND region_path < ?',
      subtreeRange(regionPath),
    );
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a driver row, mapped to its type right here
    return rows.map((r: any) => ({
      id: Number(r.id),
      name: r.name,
      regionCode: r.region_code,
      kind: r.kind,
      parentId: r.parent_id == null ? null : Number(r.parent_id),
    }));
  }

  async existingReportKeys(agencyIds: number[]): Promise<Set<string>> {
    const out = new Set<string>();
    for (let i = 0; i < agencyIds.length; i += 5000) {
      const ids = agencyIds.slice(i, i + 5000);
      if (!ids.length) continue;
      const rows = await this.db.query(`SELECT agency_id, year, scope FROM report WHERE agency_id IN (${ids.join(',')})`);
      for (const r of rows) out.add(`${r.agency_id}|${r.year}|${r.scope}`);
    }
    return out;
  }

  /** Session settings for a bulk load on MariaDB (foreign keys hold by construction). */
  async beginBulk(): Promise<void> {
    if (this.engine === 'mysql') await this.db.query('SET foreign_key_checks = 0, unique_checks = 0');
  }

  async endBulk(): Promise<void> {
    if (this.engine === 'mysql') await this.db.query('SET foreign_key_checks = 1, unique_checks = 1');
  }

  async insertAgencies(rows: BulkAgency[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 2000) {
      const chunk = rows.slice(i, i + 2000);
      await this.db.query(
        `INSERT INTO agency (id, name, kind, region_code, region_path, parent_id, exempt, active) VALUES ${tuples(chunk.length, 8)}`,
        chunk.flatMap((a) => [a.id, a.name, a.kind, a.regionCode, a.regionPath, a.parentId, 0, 1]),
      );
    }
  }

  async insertReports(rows: BulkReport[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 2000) {
      const chunk = rows.slice(i, i + 2000);
      const values = Array(chunk.length).fill(`(?, ?, ?, ?, ?, 1, 1, 'PUBLISHED', 1, ?, ?, ?, 'text', 'generated', ?, '')`).join(', ');
      await this.db.query(
        `INSERT INTO report (id, agency_id, year, edition, scope, revision, current, state, published_current, title, period, published_on, source_format, source_name, source_hash, source_text) VALUES ${values}`,
        chunk.flatMap((r) => [r.id, r.agencyId, r.year, r.edition, r.scope, r.title, r.period, r.publishedOn, r.sourceHash]),
      );
    }
  }

  async insertCells(rows: BulkCell[]): Promise<void> {
    const n = this.batchRows;
    for (let i = 0; i < rows.length; i += n) {
      const chunk = rows.slice(i, i + n);
      await this.db.query(
        `INSERT INTO report_cell (report_id, cell_key, value, raw) VALUES ${tuples(chunk.length, 4)}`,
        chunk.flatMap(([id, key, value, raw]) => [id, key, decimal(value), raw]),
      );
    }
  }
}
