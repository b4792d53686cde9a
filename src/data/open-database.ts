import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../ormconfig';
import type { Env } from '../config/env';
import { dropDatabase, ensureDatabase } from './mysql-admin';
import { TransactionalConnection } from './transactional-connection';

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
  try {
    await ds.runMigrations({ transaction: 'each' });
  } catch (e) {
    await ds.destroy();
    throw e;
  }
  return new TransactionalConnection(ds, env);
}
