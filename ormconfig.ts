import 'reflect-metadata';
import { mkdirSync } from 'fs';
import { dirname, resolve } from 'path';
import type { DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import type { Env } from './src/config/env';
import type { Engine } from './src/data/engine';
import { QueryCountingLogger } from './src/data/query-counter';
import { FlushBeforeQuery } from './src/data/write-batch';

export type { Engine };

/**
 * The one DataSource definition: DATABASE_URL picks MySQL/MariaDB, otherwise an embedded SQLite file
 * (its folder is created here, when a database is opened, never on import). Opened by
 * openDatabase in src/data/open-database.ts; there is no TypeORM CLI entry, `npm run migration:run` migrates.
 */
export interface SourceOptions {
  readOnly?: boolean;
  /**
   * MariaDB: the second pool, of batched transactions (src/data/write-batch.ts), the only one whose
   * connections take several statements in one query (mysql2's multipleStatements).
   */
  batches?: boolean;
  /** Shared by the main and the batch DataSource: one statement count. */
  logger?: QueryCountingLogger;
}

export function dataSourceOptions(env: Env, opts: SourceOptions = {}): DataSourceOptions {
  const logger = opts.logger ?? new QueryCountingLogger(env.DB_LOGGING === '1');
  const common = {
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: false,
    synchronize: false,
    logging: true as const,
    logger,
  };
  if (env.DATABASE_URL) {
    return {
      ...common,
      type: 'mysql',
      url: env.DATABASE_URL,
      charset: 'utf8mb4',
      // DECIMAL and BIGINT come back as exact strings; the API converts at its edge.
      supportBigNumbers: true,
      bigNumberStrings: true,
      // connectTimeout: with the database away a request fails in 3 s (UNAVAILABLE), not after mysql2's default 10 s.
      // multipleStatements only on the batch pool: a transaction's waiting writes travel with its next
      // statement (src/data/write-batch.ts); values are bound by mysql2's own formatting, never spliced by hand.
      extra: { connectionLimit: 20, connectTimeout: 3_000, ...(opts.batches ? { multipleStatements: true } : {}) },
      ...(opts.batches ? { subscribers: [FlushBeforeQuery], migrations: [] } : {}),
    };
  }
  const file = env.SQLITE_PATH === ':memory:' ? ':memory:' : resolve(env.SQLITE_PATH);
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  return {
    ...common,
    type: 'better-sqlite3',
    database: file,
    prepareDatabase: (db: { pragma(s: string): unknown }) => {
      db.pragma('journal_mode = WAL');
      db.pragma('foreign_keys = ON');
      db.pragma('synchronous = NORMAL');
      // A read-only reader (openDatabase's readOnly): every write on this connection is refused.
      if (opts.readOnly) db.pragma('query_only = ON');
    },
  };
}
