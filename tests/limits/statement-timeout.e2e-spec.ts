import type { QueryRunner } from 'typeorm';
import { enginesUnderTest, startTestApp, type TestApp } from '../support/test-app';

/**
 * On MariaDB a statement that runs past `max_statement_time` (STATEMENT_TIMEOUT_MS) is cut off and
 * answered QUERY_TIMEOUT, and a request past its deadline (REQUEST_DEADLINE_MS) is answered 504
 * QUERY_TIMEOUT while the statement still waits. A table held by LOCK TABLES … WRITE on another
 * connection makes the statement wait; the margins are generous (a 1 s limit, checked under 8 s).
 * SQLite has neither (README "Limits"): its heavy work is bounded by the price limits instead.
 */
const run = enginesUnderTest().includes('mysql') && process.env.NIANBAO_TEST_MYSQL === '1';
if (!run) console.warn('statement timeout [mysql]: skipped, MariaDB not reachable or not under test');

(run ? describe : describe.skip)('statement timeout and request deadline [mysql]', () => {
  const Q = `{ region(code: "370830") { name } }`;
  const ask = async (app: TestApp) => {
    const t = Date.now();
    const res = await fetch(app.server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: Q }),
    });
    return { status: res.status, ms: Date.now() - t, text: await res.text() };
  };
  /** Holds region locked on a connection of its own while `work` runs. */
  const whileLocked = async <T>(app: TestApp, work: () => Promise<T>): Promise<T> => {
    const qr: QueryRunner = app.db.createQueryRunner();
    await qr.connect();
    await qr.query('LOCK TABLES region WRITE');
    try {
      return await work();
    } finally {
      await qr.query('UNLOCK TABLES');
      await qr.release();
    }
  };

  /** A server of the describe block's own, with these two settings. */
  const serverWith = (name: string, statementMs: number, deadlineMs: number) => {
    let app: TestApp | undefined;
    beforeAll(async () => {
      app = await startTestApp('mysql', name, {
        env: {
          STATEMENT_TIMEOUT_MS: String(statementMs),
          REQUEST_DEADLINE_MS: String(deadlineMs),
          RESPONSE_CACHE: 'off',
          LOG_LEVEL: 'silent',
        },
      });
    }, 60_000);
    afterAll(() => app?.stop());
    return () => app!;
  };

  describe('a statement past max_statement_time', () => {
    const server = serverWith('statement_timeout', 1000, 30_000);

    it('is cut off and named QUERY_TIMEOUT, with no engine detail; the next request is answered', async () => {
      const app = server();
      const res = await whileLocked(app, () => ask(app));
      const json = JSON.parse(res.text);
      expect(json.errors[0].extensions).toMatchObject({ code: 'QUERY_TIMEOUT', what: 'statement' });
      expect(res.ms).toBeGreaterThanOrEqual(900);
      expect(res.ms).toBeLessThan(8_000);
      expect(res.text).not.toMatch(/max_statement_time|ER_|1969|interrupted/i);
      expect(JSON.parse((await ask(app)).text).data).toEqual({ region: { name: '汶上县' } });
    });
  });

  describe('a request past its deadline', () => {
    const server = serverWith('request_deadline', 20_000, 1000);

    it('is answered 504 QUERY_TIMEOUT at the deadline while its statement still waits', async () => {
      const app = server();
      const res = await whileLocked(app, () => ask(app));
      expect(res.status).toBe(504);
      expect(JSON.parse(res.text).errors[0].extensions).toMatchObject({ code: 'QUERY_TIMEOUT', what: 'request', limitMs: 1000 });
      expect(res.ms).toBeLessThan(8_000);
      expect(JSON.parse((await ask(app)).text).data).toEqual({ region: { name: '汶上县' } });
    });
  });
});
