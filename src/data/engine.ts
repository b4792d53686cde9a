import type { DataSource, EntityManager } from 'typeorm';

export type Engine = 'sqlite' | 'mysql';

/** What a repository runs its statements on: the pool, or one transaction's manager. */
export type Db = DataSource | EntityManager;

/** The DataSource behind a transaction's manager, or the DataSource itself. */
export function dataSourceOf(db: Db): DataSource {
  return 'connection' in db && db.connection ? db.connection : (db as DataSource);
}

/** The engine behind a DataSource or a transaction's manager: the one place SQL dialects are told apart. */
export function engineOf(db: Db): Engine {
  return dataSourceOf(db).options.type === 'mysql' ? 'mysql' : 'sqlite';
}
