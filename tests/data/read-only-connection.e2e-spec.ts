import { rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { readEnv, type Env } from '../../src/config/env';
import { openDatabase } from '../../src/data/open-database';
import { enginesUnderTest } from '../support/test-app';

const MYSQL_ROOT = process.env.TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';

/**
 * openDatabase(env, { readOnly: true }) as a replica's reader opens it: reads answer, any write is
 * refused by the engine (MariaDB's session transaction mode, SQLite's query_only), in a transaction
 * or outside one, and a database never migrated is refused rather than migrated.
 */
for (const engine of enginesUnderTest()) {
  const absent = engine === 'mysql' && process.env.NIANBAO_TEST_MYSQL !== '1';
  (absent ? describe.skip : describe)(`read-only connection [${engine}]`, () => {
    const file = join(tmpdir(), `nianbao-ro-conn-${process.pid}.sqlite`);
    const env = (db: string): Env =>
      readEnv(
        (engine === 'mysql' ? { DATABASE_URL: `${MYSQL_ROOT}/${db}` } : { SQLITE_PATH: db === 'unmigrated' ? file + '.x' : file }) as never,
      );
    const removeFiles = () => [file, file + '.x'].forEach((f) => ['', '-wal', '-shm'].forEach((x) => rmSync(f + x, { force: true })));
    const name = `nianbao_test_ro_conn_${process.pid}`;

    beforeAll(async () => {
      removeFiles();
      await (await openDatabase(env(name), { fresh: true })).close();
    });
    afterAll(async () => {
      await (await openDatabase(env(name))).close({ drop: true });
      removeFiles();
    });

    it('reads, and refuses a write outside and inside a transaction', async () => {
      const reader = await openDatabase(env(name), { readOnly: true });
      try {
        expect(await reader.repos().dataVersions.current()).toBeDefined();
        await expect(reader.rawDataSource.query('UPDATE data_version SET version = version + 1 WHERE id = 1')).rejects.toThrow(
          engine === 'mysql' ? /READ ONLY/i : /readonly/i,
        );
        const ctx = { transaction: null };
        await expect(reader.withTransaction(ctx, (tx) => reader.repos(tx).dataVersions.bump())).rejects.toThrow();
      } finally {
        await reader.close();
      }
    });

    it('refuses a database that was never migrated instead of migrating it', async () => {
      const bare = `nianbao_test_ro_bare_${process.pid}`;
      if (engine === 'mysql') {
        const mysql = await import('mysql2/promise');
        const c = await mysql.createConnection(MYSQL_ROOT);
        await c.query(`CREATE DATABASE IF NOT EXISTS ${bare}`);
        await c.end();
      }
      await expect(openDatabase(env(engine === 'mysql' ? bare : 'unmigrated'), { readOnly: true })).rejects.toThrow();
      if (engine === 'mysql') {
        const mysql = await import('mysql2/promise');
        const c = await mysql.createConnection(MYSQL_ROOT);
        await c.query(`DROP DATABASE IF EXISTS ${bare}`);
        await c.end();
      }
    });
  });
}
