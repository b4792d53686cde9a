import { request } from 'http';
import { readEnv } from '../../src/config/env';
import { startServer, type RunningServer } from '../../src/server';
import { describeEachEngine } from '../support/test-app';
import { AUTH_ENV, bearer, createAccount, tokenOf, type TestAccount } from './test-accounts';

/**
 * Issue 18, item 4: logins throttled per account and per client address, in the database (every
 * server counts the same failures), failed logins counted in one audit row per name, address and
 * window; and tokens issued in the future refused. Each test sends from a loopback address of its
 * own (127.0.0.x), so that one test's address key never locks another's.
 */
const BASE_MS = 2500;
const ENV = {
  ...AUTH_ENV,
  LOGIN_FREE_FAILURES: '5',
  LOGIN_FREE_FAILURES_PER_ADDRESS: '20',
  LOGIN_LOCKOUT_BASE_MS: String(BASE_MS),
  LOGIN_LOCKOUT_MAX_MS: '10000',
};
const LOGIN = `mutation($n: String!, $p: String!) { login(name: $n, password: $p) { token } }`;
const THROTTLED = /^登录失败次数过多，请在 (\d+) 秒后重试$/;

interface Answer {
  status: number;
  retryAfter?: string;
  code?: string;
  message?: string;
  extensions?: Record<string, any>;
  token?: string;
}

/** A GraphQL POST sent from a given local address, as another client machine would. */
function postFrom(
  server: RunningServer,
  from: string,
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const body = JSON.stringify({ query, variables });
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        path: '/graphql',
        method: 'POST',
        localAddress: from,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => {
          const json = JSON.parse(text);
          const error = json.errors?.[0];
          resolve({
            status: res.statusCode ?? 0,
            retryAfter: res.headers['retry-after'] as string | undefined,
            code: error?.extensions?.code,
            message: error?.message,
            extensions: error?.extensions,
            token: json.data?.login?.token,
          });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describeEachEngine(
  'login throttling',
  (app, engine) => {
    const accounts: Record<string, TestAccount> = {};
    let admin: TestAccount;
    const login = (from: string, name: string, password: string) => postFrom(app().server, from, LOGIN, { n: name, p: password });
    const failedRows = async (name: string) => {
      const rows: Array<{ detail: string; after_json: string; role: string }> = await app().db.query(
        "SELECT detail, after_json, role FROM audit_event WHERE action = 'LOGIN_FAILED' AND actor_name = ? ORDER BY id",
        [name],
      );
      return rows.map((r) => ({ detail: r.detail, role: r.role, ...JSON.parse(r.after_json) }));
    };
    const throttleRow = async (key: string) => {
      const [row] = await app().db.query('SELECT failures FROM login_throttle WHERE throttle_key = ?', [key]);
      return row ? Number(row.failures) : undefined;
    };

    beforeAll(async () => {
      for (const name of ['sup-a', 'sup-b', 'sup-c', 'sup-d'])
        accounts[name] = await createAccount(app(), { name, role: 'SUPERVISOR', regionCode: '370830', password: `correct horse ${name}` });
      admin = await createAccount(app(), { name: 'throttle-admin', role: 'ADMIN' });
    });

    it('locks a guessed account after five failures: 429, Retry-After, a Chinese message; a correct password waits too, then works', async () => {
      const a = accounts['sup-a'];
      const guesses: Answer[] = [];
      // Six wrong guesses one after the other: five free, the sixth counted and locking for BASE_MS.
      for (let i = 0; i < 6; i++) guesses.push(await login('127.0.0.11', 'sup-a', `guess-${i}-wrong`));
      expect(guesses.map((g) => [g.status, g.code])).toEqual(Array(6).fill([200, 'UNAUTHENTICATED']));
      // The rest of fifty, as fast as they go (in parallel): all refused without a password check.
      const rest = await Promise.all(Array.from({ length: 44 }, (_, i) => login('127.0.0.11', 'sup-a', `guess-${i + 6}-wrong`)));
      for (const r of rest) {
        expect([r.status, r.code]).toEqual([429, 'LOGIN_THROTTLED']);
        const seconds = Number(THROTTLED.exec(r.message ?? '')?.[1]);
        expect(seconds).toBeGreaterThanOrEqual(1);
        expect(seconds).toBeLessThanOrEqual(Math.ceil(BASE_MS / 1000));
        expect(r.retryAfter).toBe(String(seconds));
        expect(r.extensions).toMatchObject({ retryAfterSeconds: seconds, retryAt: expect.any(String) });
      }
      // The right password during the lockout: refused as well, from this address and from any other.
      const correctNow = await login('127.0.0.11', 'sup-a', a.password);
      expect([correctNow.status, correctNow.code, correctNow.token]).toEqual([429, 'LOGIN_THROTTLED', undefined]);
      expect((await login('127.0.0.21', 'sup-a', a.password)).code).toBe('LOGIN_THROTTLED');
      // Only the checked failures count; the refused attempts are counted in the audit log, not in the run.
      expect(await throttleRow(`account:${a.user.id}`)).toBe(6);

      // One aggregated row per reason for this name, address and window, with the count: not fifty rows.
      const rows = await failedRows('sup-a');
      expect(rows.map((r) => [r.detail, r.address, r.attempts])).toEqual([
        ['wrong password', '::ffff:127.0.0.11', 6],
        ['locked out', '::ffff:127.0.0.11', 45],
        ['locked out', '::ffff:127.0.0.21', 1],
      ]);
      expect(rows[0]).toMatchObject({
        role: 'ANONYMOUS',
        windowStart: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        lastAt: expect.any(String),
      });
      // Administrators read it through the API, the count in `after`.
      const listed = await app().gql(
        `{ auditEvents(filter: { action: "LOGIN_FAILED" }, first: 100) { nodes { actor detail after } } }`,
        undefined,
        bearer(await tokenOf(admin)),
      );
      const ofA = listed.data.auditEvents.nodes.filter((e: { actor: string }) => e.actor === 'sup-a');
      expect(ofA.map((e: { detail: string; after: string }) => [e.detail, JSON.parse(e.after).attempts])).toEqual([
        ['wrong password', 6],
        ['locked out', 45],
        ['locked out', 1],
      ]);

      // After the lockout the right password works, and clears the account's run.
      await sleep(Number(correctNow.retryAfter) * 1000 + 200);
      const after = await login('127.0.0.11', 'sup-a', a.password);
      expect([after.status, after.code, typeof after.token]).toEqual([200, undefined, 'string']);
      const me = await postFrom(app().server, '127.0.0.11', `{ me { name } }`, undefined, bearer(after.token!));
      expect(me.status).toBe(200);
      expect(await throttleRow(`account:${a.user.id}`)).toBeUndefined();
      expect((await login('127.0.0.11', 'sup-a', 'one-more-wrong')).code).toBe('UNAUTHENTICATED');
    });

    it('locks an address guessing across many names, and leaves another address and account alone', async () => {
      // Twenty-one names from one address, each asked once: each name's own key stays free, the address's locks.
      for (let i = 1; i <= 21; i++) expect((await login('127.0.0.12', `nobody-${i}`, 'wrong-password')).code).toBe('UNAUTHENTICATED');
      const next = await login('127.0.0.12', 'nobody-22', 'wrong-password');
      expect([next.status, next.code]).toEqual([429, 'LOGIN_THROTTLED']);
      expect(await throttleRow('address:127.0.0.12')).toBe(21);
      // Even an account's right password is refused from that address …
      const b = accounts['sup-b'];
      expect((await login('127.0.0.12', 'sup-b', b.password)).code).toBe('LOGIN_THROTTLED');
      // … while another address logs into it at once.
      const elsewhere = await login('127.0.0.13', 'sup-b', b.password);
      expect([elsewhere.status, typeof elsewhere.token]).toEqual([200, 'string']);
      // The names asked each have one row, an unknown account's reason.
      expect((await failedRows('nobody-7')).map((r) => [r.detail, r.attempts])).toEqual([['no such account', 1]]);
    });

    it('counts every one of twenty guesses sent at once (no update lost, on any engine)', async () => {
      const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => login('127.0.0.15', 'sup-c', `parallel-wrong-${i}`)));
      const checked = answers.filter((r) => r.code === 'UNAUTHENTICATED').length;
      const locked = answers.filter((r) => r.code === 'LOGIN_THROTTLED').length;
      expect(checked + locked).toBe(20);
      expect(checked).toBeGreaterThan(5);
      // Every checked failure is in the run and in the audit count; every refused one in the audit count.
      expect(await throttleRow(`account:${accounts['sup-c'].user.id}`)).toBe(checked);
      expect(await throttleRow('address:127.0.0.15')).toBe(checked);
      const rows = await failedRows('sup-c');
      expect(Object.fromEntries(rows.map((r) => [r.detail, r.attempts]))).toEqual(
        locked ? { 'wrong password': checked, 'locked out': locked } : { 'wrong password': checked },
      );
      // The run locks for its length: twenty failures is far past the cap of 10 s (base 2.5 s doubled fourteen times).
      const now = await login('127.0.0.15', 'sup-c', accounts['sup-c'].password);
      expect([now.code, Number(now.retryAfter)]).toEqual(['LOGIN_THROTTLED', expect.any(Number)]);
      expect(Number(now.retryAfter)).toBeGreaterThan(Math.ceil(BASE_MS / 1000));
    });

    it('never throttles right passwords: an account logging in a dozen times, with a few slips between, stays open', async () => {
      const d = accounts['sup-d'];
      for (let round = 0; round < 3; round++) {
        for (let i = 0; i < 4; i++) expect((await login('127.0.0.16', 'sup-d', `slip-${round}-${i}`)).code).toBe('UNAUTHENTICATED');
        for (let i = 0; i < 4; i++) expect(typeof (await login('127.0.0.16', 'sup-d', d.password)).token).toBe('string');
      }
      expect(await throttleRow(`account:${d.user.id}`)).toBeUndefined();
    });

    it('keeps the lockout in the database: a second server on it refuses the locked account too', async () => {
      const env = readEnv({
        ...(engine === 'mysql' ? { DATABASE_URL: 'mysql://unused/unused' } : { SQLITE_PATH: ':memory:' }),
        PORT: '0',
        ...ENV,
      } as NodeJS.ProcessEnv);
      const second = await startServer({ connection: app().connection, services: app().services, close: async () => undefined }, env);
      try {
        for (let i = 0; i < 6; i++) await login('127.0.0.17', 'sup-b', `wrong-${i}`);
        const there = await postFrom(second, '127.0.0.18', LOGIN, { n: 'sup-b', p: accounts['sup-b'].password });
        expect([there.status, there.code]).toEqual([429, 'LOGIN_THROTTLED']);
      } finally {
        await second.stop();
      }
    });

    it('refuses a token issued more than a minute in the future (401), and allows a little clock skew', async () => {
      const now = Math.floor(Date.now() / 1000);
      const future = await tokenOf(accounts['sup-d'], {}, { issuedAt: now + 3600, expires: now + 3600 + 600 });
      const refused = await postFrom(app().server, '127.0.0.19', `{ me { name } }`, undefined, bearer(future));
      expect([refused.status, refused.code, refused.message]).toEqual([401, 'UNAUTHENTICATED', 'token refused: issued in the future']);
      const skewed = await tokenOf(accounts['sup-d'], {}, { issuedAt: now + 30, expires: now + 600 });
      expect((await postFrom(app().server, '127.0.0.19', `{ me { name } }`, undefined, bearer(skewed))).status).toBe(200);
    });
  },
  { env: ENV },
);
