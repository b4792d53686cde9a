import { format } from 'mysql2';
import type { QueryRunner } from 'typeorm';
import { engineOf, type Db } from './engine';

/**
 * Writes whose results nobody reads (a report's cells, narratives and findings, queue entries,
 * audit rows, the data version) wait on their transaction's MariaDB connection and travel with the
 * transaction's next statement, or its COMMIT, in one multi-statement round trip. A county's import
 * sends 7 round trips a report instead of 14; on two cores the client's CPU per round trip, not the
 * database, bounds how many reports a second are stored (bench/ingest.bench.ts).
 *
 * What stays true: statements run in the order written, on the transaction's connection, before
 * anything that reads; one that fails fails the statement it travels with, and the transaction
 * rolls back whole. A ROLLBACK drops what waits unsent. SQLite (in process) writes at once.
 */
const pendingOf = new WeakMap<QueryRunner, string[]>();

/** Joins the statements of one round trip (the statement counter splits on it). */
export const BATCH_SEPARATOR = ';\n';

const TRANSACTION_START = /^\s*(START TRANSACTION|SET TRANSACTION ISOLATION LEVEL)/i;
const ROLLBACK = /^\s*ROLLBACK/i;

/** A statement to run in db's transaction before its next read; at once outside a batched transaction. */
export async function deferWrite(db: Db, sql: string, params?: unknown[]): Promise<void> {
  const runner = 'queryRunner' in db ? db.queryRunner : undefined;
  const pending = runner && pendingOf.get(runner);
  if (!pending) {
    // No value list for a statement of literals: mysql2 then sends it as built, without scanning it for placeholders.
    await db.query(sql, params ?? (engineOf(db) === 'mysql' ? (null as unknown as unknown[]) : []));
    return;
  }
  pending.push(params?.length ? format(sql, params as never[]) : sql);
}

/**
 * Makes a MariaDB query runner batch: its own START TRANSACTION and every deferred write wait for
 * the next statement. The connection needs mysql2's `multipleStatements` (ormconfig.ts).
 */
export function batchWrites(runner: QueryRunner): void {
  const pending: string[] = [];
  pendingOf.set(runner, pending);
  const run = runner.query.bind(runner) as (sql: string, params?: unknown[], structured?: boolean) => Promise<any>;
  runner.query = (async (sql: string, params?: unknown[], structured?: boolean) => {
    if (ROLLBACK.test(sql)) {
      pending.length = 0;
      return run(sql, params, structured);
    }
    if (!structured && !params?.length && TRANSACTION_START.test(sql)) {
      pending.push(sql);
      return undefined;
    }
    if (!pending.length) return run(sql, params, structured);
    const ahead = pending.splice(0);
    if (structured) {
      // TypeORM reads affected-row counts from its own result: the waiting writes go first, alone.
      await run(ahead.join(BATCH_SEPARATOR), null as unknown as unknown[]);
      return run(sql, params, structured);
    }
    const statement = params?.length ? format(sql, params as never[]) : sql;
    const results: unknown[] = await run([...ahead, statement].join(BATCH_SEPARATOR), null as unknown as unknown[]);
    return results[results.length - 1];
  }) as QueryRunner['query'];
}
