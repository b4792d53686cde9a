import { spawn, spawnSync, type ChildProcess } from 'child_process';
import { existsSync, mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { seedAgencies, seedRegions } from '../../seeds/seed';
import { openApp, type App } from '../../src/app';
import { readEnv } from '../../src/config/env';
import { startServer, type RunningServer } from '../../src/server';
import { enginesUnderTest } from '../support/test-app';

/**
 * The database stopped and started again under a running server, on a MariaDB instance of this
 * test's own (own data folder under the temp dir, own port and socket; never the shared one):
 * 503 UNAVAILABLE with no engine detail during the outage, answers again afterwards without a restart.
 */
const MARIADBD = '/usr/sbin/mariadbd';
const run = enginesUnderTest().includes('mysql') && existsSync(MARIADBD) && existsSync('/usr/bin/mariadb-install-db');
if (!run) console.warn('database outage: skipped, MariaDB not under test or mariadbd not installed');

const PORT = 3400 + (process.pid % 500);

(run ? describe : describe.skip)('database stopped and started under a running server [mysql]', () => {
  let datadir: string;
  let db: ChildProcess | null = null;
  let app: App;
  let server: RunningServer;

  const startDb = async () => {
    db = spawn(
      MARIADBD,
      [
        '--no-defaults',
        `--datadir=${datadir}`,
        `--port=${PORT}`,
        `--socket=${join(datadir, 'mysqld.sock')}`,
        '--bind-address=127.0.0.1',
        '--user=root',
        '--skip-log-bin',
        '--innodb-buffer-pool-size=32M',
      ],
      { stdio: 'ignore' },
    );
  };
  const stopDb = async () => {
    const proc = db;
    db = null;
    if (proc && proc.exitCode === null) await new Promise((resolve) => (proc.once('exit', resolve), proc.kill('SIGKILL')));
  };
  const ask = async () => {
    const res = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ region(code: "370830") { name } agencies { totalCount } }` }),
    });
    return { status: res.status, text: await res.text() };
  };
  const until = async <T>(probe: () => Promise<T | null>, ms: number): Promise<T> => {
    const end = Date.now() + ms;
    for (;;) {
      const v = await probe().catch(() => null);
      if (v !== null) return v;
      if (Date.now() > end) throw new Error('timed out waiting');
      await new Promise((r) => setTimeout(r, 250));
    }
  };

  beforeAll(async () => {
    datadir = mkdtempSync(join(tmpdir(), 'nianbao-outage-'));
    const installed = spawnSync(
      '/usr/bin/mariadb-install-db',
      ['--no-defaults', `--datadir=${datadir}`, '--auth-root-authentication-method=normal', '--skip-test-db'],
      { stdio: 'ignore' },
    );
    if (installed.status !== 0) throw new Error('mariadb-install-db failed');
    await startDb();
    const env = readEnv({
      DATABASE_URL: `mysql://root@127.0.0.1:${PORT}/nianbao_outage`,
      PORT: '0',
      LOG_LEVEL: 'silent',
    } as NodeJS.ProcessEnv);
    app = await until(() => openApp(env, { fresh: true }), 30_000);
    await seedRegions(app.connection, '3708');
    await seedAgencies(app.connection);
    server = await startServer(app, env);
  }, 60_000);

  afterAll(async () => {
    await server?.stop();
    await app?.close().catch(() => undefined);
    await stopDb();
    if (datadir) rmSync(datadir, { recursive: true, force: true });
  });

  it('answers, then 503 UNAVAILABLE during the outage, then answers again once the database is back', async () => {
    expect(JSON.parse((await ask()).text).data).toEqual({ region: { name: '汶上县' }, agencies: { totalCount: 2 } });
    await stopDb();
    for (let i = 0; i < 3; i++) {
      const res = await ask();
      expect(res.status).toBe(503);
      expect(JSON.parse(res.text).errors[0].extensions.code).toBe('UNAVAILABLE');
      expect(JSON.stringify(JSON.parse(res.text).errors)).not.toMatch(
        new RegExp(`ECONNREFUSED|127\\.0\\.0\\.1|PROTOCOL_|\\bER_|INTERNAL_SERVER_ERROR|${PORT}`),
      );
    }
    await startDb();
    const back = await until(async () => {
      const res = await ask();
      return res.status === 200 ? res : null;
    }, 30_000);
    expect(JSON.parse(back.text).data).toEqual({ region: { name: '汶上县' }, agencies: { totalCount: 2 } });
  }, 60_000);
});
