import type { DataSource, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { dataSourceOf, type Db } from './engine';
import { writeBatchOf, type WriteEntryTarget } from './write-batch';

/**
 * Plain statements for the entities a bulk import writes hundreds of times a second, keeping
 * TypeORM's own column mapping (names, transformers, each driver's conversions of booleans, dates
 * and decimals) but not its query builder or its reload after save, which cost more CPU than the
 * statements themselves (bench/ingest.bench.ts). Rows come back as entity instances, as `find` gives.
 */
export class EntitySql<T extends ObjectLiteral> {
  private readonly cache = new WeakMap<DataSource, { meta: EntityMetadata; byProperty: Map<string, ColumnMetadata>; table: string }>();

  constructor(private readonly entity: EntityTarget<T>) {}

  private info(db: Db) {
    const ds = dataSourceOf(db);
    let info = this.cache.get(ds);
    if (!info) {
      const meta = ds.getMetadata(this.entity);
      info = { meta, byProperty: new Map(meta.columns.map((c) => [c.propertyName, c])), table: ds.driver.escape(meta.tableName) };
      this.cache.set(ds, info);
    }
    return info;
  }

  private columns(db: Db, properties?: readonly (keyof T & string)[]): ColumnMetadata[] {
    const { meta, byProperty } = this.info(db);
    return properties ? properties.map((p) => byProperty.get(p)!) : meta.columns;
  }

  /** `SELECT columns FROM table WHERE …` (column names in `where` and `orderBy` are the table's), hydrated. */
  async select(
    db: Db,
    where: string,
    params: unknown[],
    opts: { columns?: readonly (keyof T & string)[]; orderBy?: string } = {},
  ): Promise<T[]> {
    const ds = dataSourceOf(db);
    const cols = this.columns(db, opts.columns);
    const list = cols.map((c) => ds.driver.escape(c.databaseName)).join(', ');
    const rows: ObjectLiteral[] = await db.query(
      `SELECT ${list} FROM ${this.info(db).table} WHERE ${where}${opts.orderBy ? ` ORDER BY ${opts.orderBy}` : ''}`,
      params,
    );
    return rows.map((r) => this.hydrate(db, cols, r));
  }

  /**
   * One multi-row INSERT of the given properties (those left undefined take the table's default).
   * `returning` (ids, defaults) is read back in the same statement (INSERT … RETURNING, MariaDB
   * ≥ 10.5, SQLite ≥ 3.35) and merged into copies of the rows given; without it nobody reads the
   * result, and the statement joins the transaction's write batch (src/data/write-batch.ts), named
   * by its table, its rows' report (a `reportId` property) and `keys` (a refused write names them).
   */
  async insert(
    db: Db,
    rows: Partial<T>[],
    returning: readonly (keyof T & string)[] = [],
    about: Pick<WriteEntryTarget, 'keys' | 'row'> = {},
  ): Promise<T[]> {
    if (!rows.length) return [];
    const ds = dataSourceOf(db);
    const cols = this.columns(db).filter((c) => rows[0][c.propertyName] !== undefined);
    const back = this.columns(db, returning);
    const tuple = `(${cols.map(() => '?').join(', ')})`;
    const params = rows.flatMap((r) => cols.map((c) => ds.driver.preparePersistentValue(r[c.propertyName], c)));
    const sql = `INSERT INTO ${this.info(db).table} (${cols.map((c) => ds.driver.escape(c.databaseName)).join(', ')}) VALUES ${rows.map(() => tuple).join(', ')}`;
    if (!back.length) {
      const reportId = (rows[0] as { reportId?: unknown }).reportId;
      await writeBatchOf(db).add(sql, params, {
        table: this.info(db).meta.tableName,
        reportId: typeof reportId === 'number' ? reportId : null,
        ...about,
      });
      return rows.map((r) => Object.assign(this.info(db).meta.create() as T, r));
    }
    const out: ObjectLiteral[] = await db.query(`${sql} RETURNING ${back.map((c) => ds.driver.escape(c.databaseName)).join(', ')}`, params);
    return rows.map((r, i) => this.hydrate(db, back, out[i], Object.assign(this.info(db).meta.create() as T, r)));
  }

  private hydrate(db: Db, cols: ColumnMetadata[], row: ObjectLiteral, entity = this.info(db).meta.create() as T): T {
    const driver = dataSourceOf(db).driver;
    for (const c of cols) (entity as ObjectLiteral)[c.propertyName] = driver.prepareHydratedValue(row[c.databaseName], c);
    return entity;
  }
}
