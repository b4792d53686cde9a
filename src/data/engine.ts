import type { DataSource, EntityManager } from 'typeorm';

export type Engine = 'sqlite' | 'mysql';

/** What a repository runs its statements on: the pool, or one transaction's manager. */
export type Db = DataSource | EntityManager;

/** The engine behind a DataSource or a transaction's manager: the one place SQL dialects are told apart. */
export function engineOf(db: Db): Engine {
  const ds = 'connection' in db && db.connection ? db.connection : (db as DataSource);
  return ds.options.type === 'mysql' ? 'mysql' : 'sqlite';
}
