import { readFileSync } from 'fs';
import type { DataSource } from 'typeorm';
import { openApp } from '../../src/app';
import { SYSTEM, type Viewer } from '../../src/auth/viewer';
import { readEnv } from '../../src/config/env';
import type { Engine } from '../../src/data/engine';
import type { OpenOptions } from '../../src/data/open-database';
import type { TransactionalConnection } from '../../src/data/transactional-connection';
import { createRequestContext, type RequestContext } from '../../src/context/request-context';
import { startServer, type RunningServer } from '../../src/server';
import type { Services } from '../../src/services';
import { seedAgencies, seedRegions, SEED_REPORT } from '../../seeds/seed';

const MYSQL_ROOT = process.env.TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';

/** Engines this run covers: SQLite always, MariaDB when reachable; REQUIRE_MYSQL=1 turns "unreachable" into a failure. */
export function enginesUnderTest(): Engine[] {
  const only = process.env.DB_ENGINES?.split(',').map((s) => s.trim());
  return (['sqlite', 'mysql'] as Engine[]).filter((e) => !only || only.includes(e));
}

export interface TestApp {
  engine: Engine;
  connection: TransactionalConnection;
  /** The DataSource itself, for tests that inspect tables with their own SQL. */
  db: DataSource;
  services: Services;
  server: RunningServer;
  gql<T = any>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<{ data?: T; errors?: Array<{ message: string; extensions?: Record<string, any> }> }>;
  ctx(viewer?: Viewer): RequestContext;
  sqlCount(): number;
  importSeed(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * A real server on a real database of its own: an in-memory SQLite, or a fresh MariaDB database
 * per test file. Regions of 济宁市 and the seed agencies are loaded; the seed report only on request.
 */
export interface TestAppOptions {
  regions?: string[];
  seed?: boolean;
  /** Extra settings, e.g. JWT_SECRET. */
  env?: Record<string, string>;
  /**
   * Opens the database another app of this file (same name; SQLite: same SQLITE_PATH in `env`) already
   * built: nothing dropped or seeded at start, nothing dropped at stop. With `readOnly`, as a replica's reader would.
   */
  existing?: { readOnly?: boolean };
}

export async function startTestApp(engine: Engine, name: string, opts: TestAppOptions = {}): Promise<TestApp> {
  let env = readEnv({ SQLITE_PATH: ':memory:', PORT: '0', ...opts.env } as NodeJS.ProcessEnv);
  if (engine === 'mysql') {
    const dbName = `nianbao_test_${name.replace(/\W/g, '_')}_${process.pid}`.slice(0, 64);
    env = readEnv({ DATABASE_URL: `${MYSQL_ROOT}/${dbName}`, PORT: '0', ...opts.env } as NodeJS.ProcessEnv);
  }
  // A MariaDB database of this file's own, dropped first in case an earlier run left it behind.
  // readOnly: src/data/open-database.ts (MariaDB `SET SESSION TRANSACTION READ ONLY`, SQLite `PRAGMA query_only`).
  const open: OpenOptions & { readOnly?: boolean } = opts.existing ? { readOnly: opts.existing.readOnly } : { fresh: true };
  const opened = await openApp(env, open);
  const { connection, services } = opened;
  if (!opts.existing) {
    await seedRegions(connection, ...(opts.regions ?? ['3708']));
    await seedAgencies(connection);
  }
  const server = await startServer(opened, env);
  const app: TestApp = {
    engine,
    connection,
    db: connection.rawDataSource,
    services,
    server,
    async gql(query, variables, headers = {}) {
      const res = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return (await res.json()) as any;
    },
    ctx: (viewer = SYSTEM) => createRequestContext(connection, viewer),
    sqlCount: () => connection.statementCount(),
    async importSeed() {
      await services.imports.importReport(app.ctx(), { bytes: readFileSync(SEED_REPORT), fileName: 'seeds/000_1dfd185abb919a16.txt' });
    },
    async stop() {
      await server.stop();
      await connection.close({ drop: !opts.existing });
    },
  };
  return app;
}

/**
 * Runs a describe block once per engine against its own database. The MariaDB block is skipped,
 * with a message, only when global setup found no server and REQUIRE_MYSQL is not set.
 */
export function describeEachEngine(name: string, fn: (getApp: () => TestApp, engine: Engine) => void, opts: TestAppOptions = {}): void {
  for (const engine of enginesUnderTest()) {
    const absent = engine === 'mysql' && process.env.NIANBAO_TEST_MYSQL !== '1';
    if (absent) console.warn(`${name} [mysql]: skipped, MariaDB not reachable`);
    (absent ? describe.skip : describe)(`${name} [${engine}]`, () => {
      let app: TestApp | undefined;
      beforeAll(async () => {
        app = await startTestApp(engine, name, opts);
        if (opts.seed) await app.importSeed();
      });
      afterAll(async () => {
        await app?.stop();
      });
      fn(() => {
        if (!app) throw new Error('test app failed to start');
        return app;
      }, engine);
    });
  }
}
