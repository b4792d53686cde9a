import { createHash } from 'crypto';
import { describeEachEngine, type TestApp } from '../support/test-app';
import { AUTH_ENV, bearer, createAccount, logIn, signToken, tokenOf, type TestAccount } from '../auth/test-accounts';

const LOGIN = `mutation($n: String!, $p: String!) { login(name: $n, password: $p) { token expiresAt } }`;
const ME = `{ me { id name role regionCode agencyId region { code } agency { name } } }`;

interface Answer {
  status: number;
  text: string;
  json: { data?: any; errors?: Array<{ message: string; extensions?: Record<string, any> }> };
}

async function post(
  app: TestApp,
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const res = await fetch(app.server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const text = await res.text();
  return { status: res.status, text, json: JSON.parse(text) };
}

describeEachEngine(
  'accounts',
  (app) => {
    let county: TestAccount;
    let admin: TestAccount;
    let agency: TestAccount;
    beforeAll(async () => {
      county = await createAccount(app(), { name: 'sup-wenshang', role: 'SUPERVISOR', regionCode: '370830' });
      admin = await createAccount(app(), { name: 'root', role: 'ADMIN' });
      const [branch] = await app().connection.repos().agencies.byName('济宁市公共资源交易服务中心汶上分中心');
      agency = await createAccount(app(), { name: 'wenshang-editor', role: 'AGENCY', agencyId: branch.id });
    });

    describe('login', () => {
      it('hands out a short-lived token that identifies the account from its stored row', async () => {
        const before = Date.now();
        const res = await post(app(), LOGIN, { n: county.user.name, p: county.password });
        expect(res.json.errors).toBeUndefined();
        const { token, expiresAt } = res.json.data.login;
        // One hour by default (TOKEN_TTL_SECONDS), to the second.
        expect(Math.abs(Date.parse(expiresAt) - before - 3600_000)).toBeLessThan(5_000);
        const me = await post(app(), ME, undefined, bearer(token));
        expect(me.json.data.me).toEqual({
          id: String(county.user.id),
          name: 'sup-wenshang',
          role: 'SUPERVISOR',
          regionCode: '370830',
          agencyId: null,
          region: { code: '370830' },
          agency: null,
        });
        // An AGENCY account is confined to its agency's region.
        const editor = await post(app(), ME, undefined, bearer(await logIn(app(), agency.user.name, agency.password)));
        expect(editor.json.data.me).toMatchObject({
          role: 'AGENCY',
          regionCode: '370830',
          agency: { name: '济宁市公共资源交易服务中心汶上分中心' },
        });
      });

      it('answers a wrong password and an unknown name with one and the same error', async () => {
        const wrong = await post(app(), LOGIN, { n: county.user.name, p: `${county.password}x` });
        const unknown = await post(app(), LOGIN, { n: 'nobody-here', p: county.password });
        for (const res of [wrong, unknown]) {
          expect(res.json.data).toBeNull();
          expect(res.json.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
        }
        expect(unknown.json.errors?.[0].message).toBe(wrong.json.errors?.[0].message);
        expect((await post(app(), `{ me { name } }`)).json.data.me).toBeNull();
      });
    });

    describe('a token is refused (401), never defaulted, when', () => {
      const past = () => Math.floor(Date.now() / 1000) - 60;
      const cases: Array<[string, () => Promise<string>]> = [
        ['it has expired', () => tokenOf(county, {}, { expires: past() })],
        ['it is signed HS512', () => tokenOf(county, {}, { alg: 'HS512' })],
        ['it has no exp', () => tokenOf(county, {}, { expires: null })],
        ['its issuer is another', () => tokenOf(county, {}, { issuer: 'someone-else' })],
        ['it has no issuer', () => tokenOf(county, {}, { issuer: null })],
        ['its audience is another', () => tokenOf(county, {}, { audience: 'another-app' })],
        ['it has no subject', () => tokenOf(county, {}, { subject: null })],
        ['its role is an array', () => tokenOf(county, { role: ['SUPERVISOR'] })],
        ['its role is SYSTEM', () => tokenOf(county, { role: 'SYSTEM' })],
        ['its role is empty', () => tokenOf(county, { role: '' })],
        ['its role is missing', () => signToken({ regionCode: '370830', agencyId: null }, { subject: String(county.user.id) })],
        ['its regionCode is empty', () => tokenOf(county, { regionCode: '' })],
        ['its regionCode is 0', () => tokenOf(county, { regionCode: 0 })],
        ['its regionCode is another region than the account', () => tokenOf(county, { regionCode: '370811' })],
        ['its regionCode is null for a supervisor', () => tokenOf(county, { regionCode: null })],
        ['its agencyId is 0', () => tokenOf(agency, { agencyId: 0 })],
        ['it claims a role the account does not have', () => tokenOf(county, { role: 'ADMIN', regionCode: null })],
        ['it carries a claim no token of ours has', () => tokenOf(county, { scope: 'everything' })],
        ['it lives longer than this server issues', () => tokenOf(county, {}, { expires: '30d' })],
        ['its subject is no account', () => tokenOf(county, {}, { subject: '987654' })],
      ];
      it.each(cases)('%s', async (_name, make) => {
        const res = await post(app(), `{ agencies { totalCount } }`, undefined, bearer(await make()));
        expect(res.status).toBe(401);
        expect(res.json.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
        expect(res.json.data).toBeUndefined();
      });

      it('while the same token, signed as the server signs it, is answered', async () => {
        const res = await post(app(), `{ agencies { totalCount } }`, undefined, bearer(await tokenOf(county)));
        expect([res.status, res.json.data?.agencies.totalCount]).toEqual([200, 1]);
      });
    });

    describe('API tokens', () => {
      it('are shown once, stored only as a hash, act as their account, and stop when revoked', async () => {
        const login = bearer(await logIn(app(), county.user.name, county.password));
        const made = await post(
          app(),
          `mutation { createApiToken(name: "nightly export", expiresInDays: 30) { token apiToken { id name prefix expiresAt revokedAt } } }`,
          undefined,
          login,
        );
        expect(made.json.errors).toBeUndefined();
        const { token, apiToken } = made.json.data.createApiToken;
        expect(token).toMatch(/^nbk_[A-Za-z0-9_-]{43}$/);
        expect(apiToken).toMatchObject({ name: 'nightly export', prefix: token.slice(0, 12), revokedAt: null });
        const rows: Array<Record<string, unknown>> = await app().db.query('SELECT * FROM api_token WHERE id = ?', [Number(apiToken.id)]);
        expect(rows).toHaveLength(1);
        expect(rows[0].token_hash).toBe(createHash('sha256').update(token).digest('hex'));
        expect(Object.values(rows[0]).some((v) => String(v).includes(token.slice(12)))).toBe(false);

        const me = await post(app(), `{ me { name } agencies { totalCount } }`, undefined, bearer(token));
        expect(me.json.data).toEqual({ me: { name: 'sup-wenshang' }, agencies: { totalCount: 1 } });
        const listed = await post(app(), `{ apiTokens { id name prefix lastUsedAt revokedAt } }`, undefined, login);
        expect(listed.json.data.apiTokens).toEqual([
          { id: apiToken.id, name: 'nightly export', prefix: apiToken.prefix, lastUsedAt: expect.any(String), revokedAt: null },
        ]);
        expect(listed.text).not.toContain(token);

        const revoked = await post(app(), `mutation($id: ID!) { revokeApiToken(id: $id) { revokedAt } }`, { id: apiToken.id }, login);
        expect(revoked.json.data.revokeApiToken.revokedAt).toEqual(expect.any(String));
        const after = await post(app(), `{ me { name } }`, undefined, bearer(token));
        expect([after.status, after.json.errors?.[0].extensions?.code]).toEqual([401, 'UNAUTHENTICATED']);
      });

      it('stop at their expiry, and a header that is no bearer token is refused', async () => {
        const ctx = app().ctx({
          id: county.user.name,
          role: 'SUPERVISOR',
          regionPath: '/370000/370800/370830/',
          agencyId: null,
          userId: county.user.id,
        });
        const { token, row } = await app().services.accounts.createApiToken(ctx, 'short-lived', 1);
        expect((await post(app(), `{ me { name } }`, undefined, bearer(token))).status).toBe(200);
        await app().db.query('UPDATE api_token SET expires_at = ? WHERE id = ?', [new Date(Date.now() - 1000).toISOString(), row.id]);
        const expired = await post(app(), `{ me { name } }`, undefined, bearer(token));
        expect([expired.status, expired.json.errors?.[0].message]).toEqual([401, 'API token expired']);
        for (const authorization of [`Basic ${Buffer.from('root:pw').toString('base64')}`, `Bearer ${token.slice(0, -1)}`, 'Bearer']) {
          expect((await post(app(), `{ me { name } }`, undefined, { authorization })).status).toBe(401);
        }
      });

      it("are another account's to revoke only for an administrator", async () => {
        const own = await app().services.accounts.createApiToken(
          app().ctx({ id: 'root', role: 'ADMIN', regionPath: null, agencyId: null, userId: admin.user.id }),
          'ops',
        );
        const asCounty = await post(
          app(),
          `mutation($id: ID!) { revokeApiToken(id: $id) { id } }`,
          { id: String(own.row.id) },
          bearer(await tokenOf(county)),
        );
        expect(asCounty.json.errors?.[0].extensions?.code).toBe('NOT_FOUND');
        expect((await post(app(), `{ me { name } }`, undefined, bearer(own.token))).json.data.me.name).toBe('root');
      });
    });

    describe('administration', () => {
      const CREATE = `mutation($i: NewAccount!) { createUser(input: $i) { id name role regionCode } }`;
      const input = (name: string, extra: Record<string, unknown> = {}) => ({
        name,
        role: 'ANALYST',
        password: 'a-long-enough-password',
        ...extra,
      });

      it('is refused to every role but ADMIN', async () => {
        for (const headers of [bearer(await tokenOf(county)), bearer(await tokenOf(agency)), {}]) {
          for (const [q, v] of [
            [CREATE, { i: input('intruder') }],
            [`mutation { disableUser(id: "${admin.user.id}") { id } }`, undefined],
            [`{ users { name } }`, undefined],
          ] as Array<[string, Record<string, unknown> | undefined]>) {
            expect((await post(app(), q, v, headers)).json.errors?.[0].extensions?.code).toBe('FORBIDDEN');
          }
        }
        expect(await app().connection.repos().users.byName('intruder')).toBeNull();
      });

      it('creates accounts whose scope follows its role, naming the argument at fault', async () => {
        const asAdmin = bearer(await logIn(app(), admin.user.name, admin.password));
        const ok = await post(app(), CREATE, { i: input('city-analyst', { regionCode: '370800' }) }, asAdmin);
        expect(ok.json.data.createUser).toMatchObject({ name: 'city-analyst', role: 'ANALYST', regionCode: '370800' });
        const bad: Array<[Record<string, unknown>, string]> = [
          [input('no-region', { role: 'SUPERVISOR' }), 'regionCode'],
          [input('province', { role: 'SUPERVISOR', regionCode: '370000' }), 'regionCode'],
          [input('nowhere', { regionCode: '999999' }), 'regionCode'],
          [input('no-agency', { role: 'AGENCY' }), 'agencyId'],
          [input('short', { password: 'short' }), 'password'],
          [input('city-analyst'), 'name'],
        ];
        for (const [i, argument] of bad) {
          const res = await post(app(), CREATE, { i }, asAdmin);
          expect([i.name, res.json.errors?.[0].extensions?.argument]).toEqual([i.name, argument]);
        }
        const users = await post(app(), `{ users { name } }`, undefined, asAdmin);
        expect(users.json.data.users.map((u: { name: string }) => u.name)).toEqual(
          expect.arrayContaining(['root', 'sup-wenshang', 'city-analyst']),
        );
        expect(users.json.data.users.map((u: { name: string }) => u.name)).not.toContain('no-region');
      });

      it('disables an account: no login, and its tokens of both kinds stop working', async () => {
        const victim = await createAccount(app(), { name: 'leaving-analyst', role: 'ANALYST' });
        const loginToken = await logIn(app(), victim.user.name, victim.password);
        const ctx = app().ctx({ id: victim.user.name, role: 'ANALYST', regionPath: null, agencyId: null, userId: victim.user.id });
        const { token: apiToken } = await app().services.accounts.createApiToken(ctx, 'script');
        expect((await post(app(), `{ me { name } }`, undefined, bearer(apiToken))).status).toBe(200);
        const asAdmin = bearer(await tokenOf(admin));
        const res = await post(app(), `mutation { disableUser(id: "${victim.user.id}") { disabled } }`, undefined, asAdmin);
        expect(res.json.data.disableUser.disabled).toBe(true);
        for (const token of [loginToken, apiToken])
          expect((await post(app(), `{ me { name } }`, undefined, bearer(token))).status).toBe(401);
        const again = await post(app(), LOGIN, { n: victim.user.name, p: victim.password });
        expect(again.json.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      });
    });

    it('never lets a password reach a response, a log line or the table', async () => {
      const password = 'a-password-nobody-may-ever-see';
      const written: string[] = [];
      const spies = [process.stdout, process.stderr].map((stream) =>
        jest.spyOn(stream, 'write').mockImplementation(((chunk: unknown) => written.push(String(chunk)) > 0) as typeof stream.write),
      );
      const texts: string[] = [];
      try {
        const asAdmin = bearer(await tokenOf(admin));
        texts.push(
          (
            await post(
              app(),
              `mutation($i: NewAccount!) { createUser(input: $i) { id name } }`,
              { i: { name: 'secretive', role: 'ANALYST', password } },
              asAdmin,
            )
          ).text,
        );
        texts.push((await post(app(), LOGIN, { n: 'secretive', p: password })).text);
        texts.push((await post(app(), LOGIN, { n: 'secretive', p: `${password}!` })).text);
        texts.push((await post(app(), LOGIN, { n: 'nobody', p: password })).text);
        texts.push(
          (
            await post(
              app(),
              `mutation($i: NewAccount!) { createUser(input: $i) { id } }`,
              { i: { name: 'secretive', role: 'ANALYST', password } },
              asAdmin,
            )
          ).text,
        );
      } finally {
        spies.forEach((s) => s.mockRestore());
      }
      expect(texts[1]).toContain('"token"');
      for (const t of [...texts, ...written]) expect(t).not.toContain(password);
      const [row]: Array<{ password_hash: string }> = await app().db.query('SELECT password_hash FROM user_account WHERE name = ?', [
        'secretive',
      ]);
      expect(row.password_hash).toMatch(/^\$argon2id\$/);
      expect(row.password_hash).not.toContain(password);
    });

    // The response cache keys answers by role and scope (src/graphql/response-cache.ts), not by
    // account: two accounts of one scope share `me`. Marked failing until the key holds viewer.userId.
    it('answers `me` to each account, even two of the same scope', async () => {
      const twin = await createAccount(app(), { name: 'sup-wenshang-2', role: 'SUPERVISOR', regionCode: '370830' });
      const first = await post(app(), `{ me { name } }`, undefined, bearer(await tokenOf(county)));
      const second = await post(app(), `{ me { name } }`, undefined, bearer(await tokenOf(twin)));
      expect([first.json.data.me.name, second.json.data.me.name]).toEqual(['sup-wenshang', 'sup-wenshang-2']);
    });
  },
  { env: AUTH_ENV },
);

describeEachEngine(
  'anonymous access off',
  (app) => {
    it('refuses a request without a token (401), but lets one log in', async () => {
      const anon = await post(app(), `{ agencies { totalCount } }`);
      expect([anon.status, anon.json.errors?.[0].extensions?.code]).toEqual([401, 'UNAUTHENTICATED']);
      const sneaky = await post(
        app(),
        `mutation($n: String!, $p: String!) { login(name: $n, password: $p) { token } reviewFinding(id: "1", decision: OPEN) { id } }`,
        { n: 'x', p: 'y' },
      );
      expect(sneaky.status).toBe(401);
      const analyst = await createAccount(app(), { name: 'analyst', role: 'ANALYST' });
      const token = await logIn(app(), analyst.user.name, analyst.password);
      const res = await post(app(), `{ agencies { totalCount } }`, undefined, bearer(token));
      expect([res.status, res.json.data?.agencies.totalCount]).toEqual([200, 2]);
    });
  },
  { env: { ...AUTH_ENV, ANONYMOUS_ACCESS: 'off' } },
);
