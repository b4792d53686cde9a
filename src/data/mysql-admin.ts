import type { Env } from '../config/env';

type MysqlTarget = { name: string; connect: () => Promise<{ query(sql: string): Promise<unknown>; end(): Promise<void> }> };

/** The database named in DATABASE_URL and a server connection without it (to create or drop it). */
function mysqlTarget(databaseUrl: string): MysqlTarget {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error(`DATABASE_URL names no usable database: "${name}"`);
  return {
    name,
    connect: async () => {
      const mysql = await import('mysql2/promise');
      return mysql.createConnection({
        host: url.hostname,
        port: Number(url.port || 3306),
        user: decodeURIComponent(url.username),
        password: decodeURIComponent(url.password),
      });
    },
  };
}

async function onServer(env: Env, sql: (name: string) => string): Promise<void> {
  if (!env.DATABASE_URL) return;
  const target = mysqlTarget(env.DATABASE_URL);
  const conn = await target.connect();
  try {
    await conn.query(sql(target.name));
  } finally {
    await conn.end();
  }
}

/** Creates the MySQL database named in DATABASE_URL when it does not exist yet (SQLite: nothing to do). */
export function ensureDatabase(env: Env): Promise<void> {
  return onServer(env, (name) => `CREATE DATABASE IF NOT EXISTS \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin`);
}

/** Drops the MySQL database named in DATABASE_URL (tests and benchmarks start from nothing). */
export function dropDatabase(env: Env): Promise<void> {
  return onServer(env, (name) => `DROP DATABASE IF EXISTS \`${name}\``);
}
