import { execFile } from 'child_process';
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { promisify } from 'util';
import { renderCorpus } from '../../src/render/render-corpus';
import { enginesUnderTest } from '../support/test-app';
import type { SqlHandle } from '../faults/db-snapshot';
import { readEnv } from '../../src/config/env';
import type { Engine } from '../../src/data/engine';
import { openDatabase } from '../../src/data/open-database';
import type { TransactionalConnection } from '../../src/data/transactional-connection';
import { rollupMismatches } from '../faults/rollup-brute-force';

const opened: TransactionalConnection[] = [];
afterAll(async () => {
  for (const c of opened) await c.close();
});

/** The project's own connection to the CLI's database (migrated already), for the brute-force comparison. */
async function handleFor(engine: Engine, env: Record<string, string>): Promise<SqlHandle> {
  const connection = await openDatabase(readEnv(env as NodeJS.ProcessEnv));
  opened.push(connection);
  return { engine, query: (sql: string) => connection.rawDataSource.query(sql) };
}

const run = promisify(execFile);
const ROOT = join(__dirname, '..', '..');
const COUNT = 1000;

/** The import CLI as a newcomer runs it, against a database of its own. */
async function importCli(env: Record<string, string>, dir: string) {
  const { stdout, stderr } = await run('node', ['--import', 'tsx', 'src/cli/import.cli.ts', dir, '--region', '370800', '--quiet'], {
    cwd: ROOT,
    env: { ...process.env, ...env, REGION_SEED: '3708', LOG_LEVEL: 'silent' },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { stdout, stderr };
}

describe('importing a folder of 1,000 rendered reports', () => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'nianbao-corpus-'));
    await renderCorpus(dir, COUNT, 42);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  for (const engine of enginesUnderTest()) {
    const absent = engine === 'mysql' && process.env.NIANBAO_TEST_MYSQL !== '1';
    (absent ? it.skip : it)(
      `[${engine}] shows progress and a summary, and a second run stores nothing new`,
      async () => {
        const dbName = `nianbao_test_bulk_${process.pid}`;
        const env: Record<string, string> =
          engine === 'mysql'
            ? { DATABASE_URL: `mysql://root@127.0.0.1:3306/${dbName}` }
            : { SQLITE_PATH: join(dir, '..', `${dbName}.sqlite`) };
        try {
          const first = await importCli(env, dir);
          expect(first.stdout).toMatch(
            new RegExp(`^${COUNT} files in [\\d.]+ s \\([\\d.]+/s\\): ${COUNT} stored, 0 revised, 0 unchanged, 0 rejected$`, 'm'),
          );
          expect(first.stdout).toMatch(/^failed checks on stored revisions: 0 error, \d+ warning, \d+ info$/m);
          expect(first.stderr).toMatch(/importing \[[=-]*\] \d+\/1000 \| [\d.]+\/s \| .+ left/);
          // Stored on several write lanes at once (MariaDB), same years and regions: the roll-ups
          // still equal the brute-force sums of what was stored.
          expect(await rollupMismatches(await handleFor(engine, env))).toEqual([]);
          const second = await importCli(env, dir);
          expect(second.stdout).toMatch(new RegExp(`: 0 stored, 0 revised, ${COUNT} unchanged, 0 rejected$`, 'm'));
        } finally {
          if (engine === 'mysql') {
            const mysql = await import('mysql2/promise');
            const c = await mysql.createConnection({ host: '127.0.0.1', user: 'root' });
            await c.query(`DROP DATABASE IF EXISTS \`${dbName}\``);
            await c.end();
          } else rmSync(env.SQLITE_PATH!, { force: true });
        }
      },
      600_000,
    );
  }
});
