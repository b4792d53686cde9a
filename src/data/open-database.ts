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
 * MariaDB's `max_statement_time` on every pooled connection, set once per connection the first
 * time it is handed out ('acquire' fires before the caller's own query is queued on it, so that one
 * is already bounded). The connection TypeORM opened while initialising is covered the same way.
 */
function limitStatementTime(ds: DataSource, ms: number): void {
  const pool = (ds.driver as unknown as { pool?: Mysql2Pool }).pool;
  if (!pool) return;
  const limited = new WeakSet<PooledConnection>();
  pool.on('acquire', (c) => {
    if (limited.has(c)) return;
    limited.add(c);
    // A failure here surfaces on the caller's own statement (the connection is then broken too).
    c.query(`SET SESSION max_statement_time = ${ms / 1000}`, () => undefined);
  });
}

export interface OpenOptions {
  /** Drop the MySQL database first, so that the migrations build it from nothing. */
  fresh?: boolean;
}

/** Opens the database and runs the committed migrations: the one way every entry point, test and benchmark gets a connection. */
export async function openDatabase(env: Env, opts: OpenOptions = {}): Promise<TransactionalConnection> {
  if (opts.fresh) await dropDatabase(env);
  await ensureDatabase(env);
  const ds = new DataSource(dataSourceOptions(env));
  await ds.initialize();
  if (env.DATABASE_URL && env.STATEMENT_TIMEOUT_MS > 0) limitStatementTime(ds, env.STATEMENT_TIMEOUT_MS);
  try {
    await ds.runMigrations({ transaction: 'each' });
  } catch (e) {
    await ds.destroy();
    throw e;
  }
  return new TransactionalConnection(ds, env);
}
