import {
  EntityManager,
  EventSubscriber,
  QueryFailedError,
  type DataSource,
  type EntitySubscriberInterface,
  type QueryRunner,
} from 'typeorm';
import type { BeforeQueryEvent } from 'typeorm/subscriber/event/QueryEvent';
import { WriteRefusedError, type WriteTarget } from '../common/errors';
import type { Db } from './engine';

export type { WriteTarget };

/** A queued write's target, with the keys of the rows it writes (a cell key each): a refusal names the one at fault. */
export interface WriteEntryTarget extends WriteTarget {
  keys?: readonly string[];
}

/**
 * A transaction's writes whose results nobody reads (a report's cells, narratives and findings,
 * queue entries, audit rows, the data version). Repositories add them to the batch of the
 * transaction they run in (`writeBatchOf(db)`), each with what it writes (table, report, row).
 *
 * MariaDB (MysqlWriteBatch): the writes wait, and travel with the transaction's next statement in
 * one multi-statement round trip: a read through the transaction's Db (TransactionDb.query), or
 * COMMIT; TypeORM's own statements (query builders, find, update) flush them first, alone
 * (FlushBeforeQuery). An import sends 5 round trips a report instead of 12; on two cores the
 * client's CPU per round trip, not the database, bounds how many reports a second are stored.
 * Statements run in the order added; the one that fails is named by the entry that queued it
 * (WriteRefusedError), the transaction rolls back whole, and a ROLLBACK drops what waits unsent.
 *
 * SQLite (in process) and anything outside a transaction (ImmediateWrites): each write runs at
 * once, and a refused one fails there, with the same error.
 */
export interface WriteBatch {
  /** Queues one statement (placeholders and their values) writing `target`; on SQLite it runs now. */
  add(sql: string, params: readonly unknown[], target: WriteEntryTarget): Promise<void>;
  /** Sends whatever waits, alone. */
  flush(): Promise<void>;
}

/** Statements of one round trip, as the statement counter (src/data/query-counter.ts) takes them. */
export interface BatchLogger {
  logBatch(statements: readonly string[]): void;
  logQueryError(error: string | Error, query: string): void;
}

/** What of mysql2's pooled connection the batch uses: its own formatting (escapes as it binds) and its query. */
interface RawConnection {
  format(sql: string, values: unknown[]): string;
  query(
    sql: string,
    cb: (err: (Error & { errno?: number; code?: string }) | null, results: unknown) => void,
  ): {
    on(event: 'fields', listener: () => void): unknown;
  };
}

/** An engine error that says the rows written are refused (constraints, values): the entry's fault, named as such. */
const MYSQL_REFUSALS = new Set([1048, 1062, 1264, 1292, 1364, 1366, 1406, 1451, 1452, 1586, 3819, 4025]);
function refusal(e: unknown): { code: string } | null {
  const d = ((e as { driverError?: unknown })?.driverError ?? e) as { errno?: number; code?: string } | null;
  if (!d || typeof d !== 'object') return null;
  if (typeof d.errno === 'number' && MYSQL_REFUSALS.has(d.errno)) return { code: String(d.code ?? d.errno) };
  if (typeof d.code === 'string' && /^SQLITE_(CONSTRAINT|MISMATCH|TOOBIG)/.test(d.code)) return { code: d.code };
  return null;
}

/**
 * The row at fault among an entry's keys: the only one, one written twice by the entry itself, or
 * the one the engine's message quotes (MariaDB: "Duplicate entry '123-applications.new.total'").
 */
function rowAtFault(target: WriteEntryTarget, e: unknown): string | null {
  const keys = target.keys ?? [];
  if (keys.length === 1) return keys[0];
  const seen = new Set<string>();
  for (const k of keys) {
    if (seen.has(k)) return k;
    seen.add(k);
  }
  const message = String(((e as { driverError?: unknown })?.driverError as Error | undefined)?.message ?? (e as Error)?.message ?? '');
  const quoted = keys.find((k) => message.includes(`-${k}'`) || message.includes(`'${k}'`));
  if (quoted) return quoted;
  return keys.length ? `${keys.length} 行之一（${keys[0]} … ${keys[keys.length - 1]}）` : (target.row ?? null);
}

/** The error a failed write raises: refused rows become the domain error naming them; anything else (away, timeout, deadlock) stays as the engine said. */
function failure(e: unknown, target: WriteEntryTarget): unknown {
  const refused = refusal(e);
  if (!refused) return e;
  return new WriteRefusedError({ table: target.table, reportId: target.reportId ?? null, row: rowAtFault(target, e) }, refused.code, e);
}

/** Writes at once on `db`: SQLite's transactions, and every write outside a transaction. */
class ImmediateWrites implements WriteBatch {
  constructor(private readonly db: Db) {}
  async add(sql: string, params: readonly unknown[], target: WriteEntryTarget): Promise<void> {
    try {
      await this.db.query(sql, [...params]);
    } catch (e) {
      throw failure(e, target);
    }
  }
  async flush(): Promise<void> {}
}

interface Entry {
  sql: string;
  /** What a write stores; null for transaction control and the read that carries the batch. */
  target: WriteEntryTarget | null;
}

/** A MariaDB transaction's batch: its START TRANSACTION and writes wait for the next statement (see WriteBatch). */
export class MysqlWriteBatch implements WriteBatch {
  private entries: Entry[] = [];
  private sent = false;

  constructor(
    private readonly connection: RawConnection,
    private readonly logger: BatchLogger,
  ) {}

  /** The transaction's own start: it waits too, and opens the first round trip. */
  begin(isolation?: 'READ COMMITTED'): void {
    if (isolation) this.entries.push({ sql: `SET TRANSACTION ISOLATION LEVEL ${isolation}`, target: null });
    this.entries.push({ sql: 'START TRANSACTION', target: null });
  }

  get pending(): number {
    return this.entries.length;
  }

  async add(sql: string, params: readonly unknown[], target: WriteEntryTarget): Promise<void> {
    this.entries.push({ sql: params.length ? this.connection.format(sql, [...params]) : sql, target });
  }

  async flush(): Promise<void> {
    if (this.entries.length) await this.send(this.entries.splice(0));
  }

  /** A read with whatever waits ahead of it, in one round trip: its rows, as TypeORM's query gives them. */
  async readWith(sql: string, params: readonly unknown[]): Promise<unknown> {
    const read = { sql: params.length ? this.connection.format(sql, [...params]) : sql, target: null };
    return this.send([...this.entries.splice(0), read]);
  }

  /** Everything waiting, then COMMIT, in one round trip. */
  async commit(): Promise<void> {
    await this.send([...this.entries.splice(0), { sql: 'COMMIT', target: null }]);
  }

  /** Drops what waits unsent; true when the transaction reached the server (it then needs a ROLLBACK). */
  discard(): boolean {
    this.entries.length = 0;
    return this.sent;
  }

  /**
   * One round trip. mysql2 reports one 'fields' event per statement done, so when statement k fails
   * (the server runs none after it) k statements were done: the entry that queued it is named.
   */
  private async send(list: Entry[]): Promise<unknown> {
    const statements = list.map((e) => e.sql);
    const sql = statements.join(';\n');
    this.sent = true;
    this.logger.logBatch(statements);
    let done = 0;
    try {
      const results = await new Promise<unknown>((resolve, reject) =>
        this.connection.query(sql, (err, res) => (err ? reject(err) : resolve(res))).on('fields', () => done++),
      );
      return list.length > 1 ? (results as unknown[])[list.length - 1] : results;
    } catch (e) {
      this.logger.logQueryError(e as Error, sql);
      const entry = list[Math.min(done, list.length - 1)];
      if (entry.target) throw failure(e, entry.target);
      // Transaction control or the read itself: as TypeORM reports a failed statement.
      throw new QueryFailedError(entry.sql, undefined, e as Error);
    }
  }
}

const batches = new WeakMap<object, WriteBatch>();

/** The batch of db's transaction; outside one (or on a session of its own), writes run at once. */
export function writeBatchOf(db: Db): WriteBatch {
  return batches.get(db) ?? new ImmediateWrites(db);
}

/** Gives a transaction's manager its batch (TransactionalConnection.withTransaction, and nothing else). */
export function bindWriteBatch(db: Db, batch: WriteBatch): void {
  batches.set(db, batch);
}

/**
 * The Db a MariaDB transaction's repositories get: its plain statements (`query`) carry the
 * transaction's waiting writes ahead of them in the same round trip.
 */
export class TransactionDb extends EntityManager {
  constructor(
    dataSource: DataSource,
    queryRunner: QueryRunner,
    readonly batch: MysqlWriteBatch,
  ) {
    super(dataSource, queryRunner);
    bindWriteBatch(this, batch);
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- EntityManager.query's own signature
  override query<T = any>(sql: string, parameters?: unknown[] | Record<string, unknown>): Promise<T> {
    // Nothing waiting, or named parameters (TypeORM rewrites those): TypeORM's own path (FlushBeforeQuery sends what waits).
    if (!this.batch.pending || (parameters !== undefined && !Array.isArray(parameters))) return super.query<T>(sql, parameters);
    return this.batch.readWith(sql, (parameters as unknown[] | undefined) ?? []) as Promise<T>;
  }
}

const runnerBatches = new WeakMap<QueryRunner, MysqlWriteBatch>();

/** Registers the batch behind a query runner, for FlushBeforeQuery. */
export function batchRunner(runner: QueryRunner, batch: MysqlWriteBatch): void {
  runnerBatches.set(runner, batch);
}

/**
 * Statements TypeORM builds itself (query builders, find, update, save) go out on the runner, not
 * through TransactionDb.query: its documented `beforeQuery` hook sends the waiting writes first, so
 * that no statement of the transaction runs ahead of a write queued before it. A transaction TypeORM
 * would open inside a batched one (it is already open) is refused: it would commit the batch's.
 */
@EventSubscriber()
export class FlushBeforeQuery implements EntitySubscriberInterface {
  async beforeQuery(event: BeforeQueryEvent): Promise<void> {
    const batch = event.queryRunner && runnerBatches.get(event.queryRunner);
    if (batch?.pending) await batch.flush();
  }

  beforeTransactionStart(event: { queryRunner: QueryRunner }): void {
    if (runnerBatches.has(event.queryRunner))
      throw new Error('a TypeORM transaction inside a batched one: run the work in TransactionalConnection.withTransaction');
  }
}

export type SqlValue = string | number | null;

/**
 * Rows of values nobody reads back, as multi-row INSERTs of `perStatement` rows added to db's write
 * batch, each naming its report and its rows' keys (column `keyColumn`). Values are bound by
 * placeholders: mysql2 formats them into the batch's text with its own escaping (faster than
 * escaping each value, measured), SQLite binds them.
 */
export async function insertRows(
  db: Db,
  table: string,
  columns: readonly string[],
  rows: readonly SqlValue[][],
  perStatement: number,
  about: { reportId: number | null; keyColumn: number },
): Promise<void> {
  const head = `INSERT INTO ${table} (${columns.join(', ')}) VALUES `;
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  const batch = writeBatchOf(db);
  for (let i = 0; i < rows.length; i += perStatement) {
    const chunk = rows.slice(i, i + perStatement);
    await batch.add(head + chunk.map(() => tuple).join(', '), chunk.flat(), {
      table,
      reportId: about.reportId,
      keys: chunk.map((r) => String(r[about.keyColumn])),
    });
  }
}
