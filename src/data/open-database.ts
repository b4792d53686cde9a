import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../ormconfig';
import type { Env } from '../config/env';
import { dropDatabase, ensureDatabase } from './mysql-admin';
import { TransactionalConnection } from './transactional-connection';

interface PooledConnection {
  query(sql: string, cb: (err: Error | null) => void): void;
}
interface Mysql2Pool {
  on(event: 'acquire', listener: (c: PooledConnection) => void): void;
}

/**
 * The session settings every MariaDB connection needs, set once per connection the first time it is
 * handed out ('acquire' fires before the caller's own query is queued on it, so that one already
 * runs under them), on every pool (the main one and the batch one): the statement time limit, and an
 * sql_mode that keeps backslash escapes and double-quoted strings as mysql2's client-side formatting
 * writes them (the batch pool sends its values formatted into the statement text). A server
 * configured with NO_BACKSLASH_ESCAPES or ANSI_QUOTES would otherwise change what a literal means.
 */
export const SESSION_SQL_MODE = 'STRICT_TRANS_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION';
const FORBIDDEN_SQL_MODES = ['NO_BACKSLASH_ESCAPES', 'ANSI_QUOTES', 'ANSI'];

function prepareSessions(ds: DataSource, statementMs: number, readOnly: boolean): void {
  const pool = (ds.driver as unknown as { pool?: Mysql2Pool }).pool;
  if (!pool) return;
  const prepared = new WeakSet<PooledConnection>();
  const settings = [`sql_mode = '${SESSION_SQL_MODE}'`, ...(statementMs > 0 ? [`max_statement_time = ${statementMs / 1000}`] : [])].join(
    ', ',
  );
  pool.on('acquire', (c) => {
    if (prepared.has(c)) return;
    prepared.add(c);
    // A failure here surfaces on the caller's own statement (the connection is then broken too).
    c.query(`SET SESSION ${settings}`, () => undefined);
    // Its own statement: `SET SESSION TRANSACTION` does not combine with variable assignments.
    if (readOnly) c.query('SET SESSION TRANSACTION READ ONLY', () => undefined);
  });
}

/** A read-only connection runs no migration: the database must already be at the committed one. */
async function assertMigrated(ds: DataSource): Promise<void> {
  const applied = new Set(((await ds.query('SELECT name FROM migrations')) as Array<{ name: string }>).map((r) => r.name));
  const missing = ds.migrations.map((m) => m.name ?? m.constructor.name).filter((n) => !applied.has(n));
  if (missing.length) throw new Error(`read-only database is not migrated: ${missing.join(', ')} not applied`);
}

/** Asserted on connect: the mode in force is the one set, whatever the server's configuration says. */
async function assertSqlMode(ds: DataSource): Promise<void> {
  const [row] = (await ds.query('SELECT @@SESSION.sql_mode AS mode')) as Array<{ mode: string }>;
  const modes = String(row?.mode ?? '').split(',');
  const bad = modes.filter((m) => FORBIDDEN_SQL_MODES.includes(m));
  if (bad.length || !modes.includes('STRICT_TRANS_TABLES'))
    throw new Error(`MariaDB session sql_mode is "${row?.mode}", expected ${SESSION_SQL_MODE}`);
}

export interface OpenOptions {
  /** Drop the MySQL database first, so that the migrations build it from nothing. */
  fresh?: boolean;
  /**
   * Every session read-only, as a replica's reader (MariaDB `SET SESSION TRANSACTION READ ONLY`,
   * SQLite `PRAGMA query_only`): nothing created, no migration run, the database must be migrated.
   */
  readOnly?: boolean;
}

/** Opens the database and runs the committed migrations: the one way every entry point, test and benchmark gets a connection. */
export async function openDatabase(env: Env, opts: OpenOptions = {}): Promise<TransactionalConnection> {
  const readOnly = opts.readOnly === true;
  if (readOnly && opts.fresh) throw new Error('openDatabase: a read-only connection cannot start from a fresh database');
  if (opts.fresh) await dropDatabase(env);
  if (!readOnly) await ensureDatabase(env);
  const main = dataSourceOptions(env, { readOnly });
  const ds = new DataSource(main);
  // MariaDB: batched transactions on a pool of their own, the only one with multipleStatements (ormconfig.ts).
  const batches = env.DATABASE_URL
    ? new DataSource(dataSourceOptions(env, { readOnly, batches: true, logger: main.logger as never }))
    : null;
  const opened: DataSource[] = [];
  try {
    for (const source of [ds, batches]) {
      if (!source) continue;
      await source.initialize();
      opened.push(source);
      if (env.DATABASE_URL) {
        prepareSessions(source, env.STATEMENT_TIMEOUT_MS, readOnly);
        await assertSqlMode(source);
      }
    }
    if (readOnly) await assertMigrated(ds);
    else await ds.runMigrations({ transaction: 'each' });
  } catch (e) {
    for (const source of opened) await source.destroy();
    throw e;
  }
  return new TransactionalConnection(ds, env, batches);
}
