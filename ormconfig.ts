import 'reflect-metadata';
import { mkdirSync } from 'fs';
import { dirname, resolve } from 'path';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { readEnv, type Env } from './src/config/env';
import { QueryCountingLogger } from './src/data/query-counter';

export type Engine = 'sqlite' | 'mysql';

export function engineOf(env: Pick<Env, 'DATABASE_URL'>): Engine {
  return env.DATABASE_URL ? 'mysql' : 'sqlite';
}

/** The one DataSource definition: DATABASE_URL picks MySQL/MariaDB, otherwise an embedded SQLite file. */
export function dataSourceOptions(env: Env = readEnv()): DataSourceOptions {
  const logger = new QueryCountingLogger(env.DB_LOGGING === '1');
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
      extra: { connectionLimit: 20 },
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
    },
  };
}

/** Creates the MySQL database named in DATABASE_URL when it does not exist yet. */
export async function ensureDatabase(env: Env): Promise<void> {
  if (!env.DATABASE_URL) return;
  const url = new URL(env.DATABASE_URL);
  const name = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error(`DATABASE_URL names no usable database: "${name}"`);
  const mysql = await import('mysql2/promise');
  const conn = await mysql.createConnection({
    host: url.hostname,
    port: Number(url.port || 3306),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
  });
  try {
    await conn.query(`CREATE DATABASE IF NOT EXISTS \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin`);
  } finally {
    await conn.end();
  }
}

export function queryCounter(ds: DataSource): QueryCountingLogger {
  return ds.options.logger as QueryCountingLogger;
}

/** TypeORM CLI entry (`typeorm -d ormconfig.ts`). */
export default new DataSource(dataSourceOptions());
