import { describeEachEngine } from '../support/test-app';
import { AUTH_ENV, createAccount, tokenOf, type TestAccount } from '../auth/test-accounts';

const JSON_TYPE = 'application/json';
const GRAPHQL_RESPONSE = 'application/graphql-response+json';

interface Answer {
  status: number;
  contentType: string | null;
  headers: Headers;
  text: string;
  json: { data?: unknown; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };
}

describeEachEngine(
  'HTTP statuses',
  (app) => {
    const post = async (query: string, headers: Record<string, string> = {}, variables?: Record<string, unknown>): Promise<Answer> => {
      const res = await fetch(app().server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      const text = await res.text();
      return { status: res.status, contentType: res.headers.get('content-type'), headers: res.headers, text, json: JSON.parse(text) };
    };

    describe('a token that identifies nobody is 401 UNAUTHENTICATED, whatever the Accept', () => {
      // Every token below is of a real account and differs from a good one in the named way only.
      let analyst: TestAccount;
      beforeAll(async () => {
        analyst = await createAccount(app(), { name: 'status-analyst', role: 'ANALYST' });
      });
      const cases: Array<[string, () => Promise<string>]> = [
        ['malformed', async () => 'not-a-jwt'],
        ['expired', () => tokenOf(analyst, {}, { expires: Math.floor(Date.now() / 1000) - 60 })],
        ['signed with another secret', () => tokenOf(analyst, {}, { secret: 'another-secret-of-at-least-32-chars' })],
        ['naming a region that does not exist', () => tokenOf(analyst, { role: 'SUPERVISOR', regionCode: '999999' })],
        ['claiming a role no caller has', () => tokenOf(analyst, { role: 'SYSTEM' })],
      ];
      it.each(cases)('%s', async (_name, token) => {
        for (const accept of [JSON_TYPE, GRAPHQL_RESPONSE]) {
          const res = await post(`{ agencies { totalCount } }`, { authorization: `Bearer ${await token()}`, accept });
          expect(res.status).toBe(401);
          expect(res.contentType).toBe(`${accept}; charset=utf-8`);
          expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
          expect(res.json.data).toBeUndefined();
          expect(res.json.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
        }
      });

      it('while a good token, and no token at all, are answered', async () => {
        expect((await post(`{ agencies { totalCount } }`, { authorization: `Bearer ${await tokenOf(analyst)}` })).status).toBe(200);
        expect((await post(`{ agencies { totalCount } }`)).status).toBe(200);
      });
    });

    describe('a request error is 400 under application/graphql-response+json, 200 with the error in the body under application/json', () => {
      const cases: Array<[string, string, string, Record<string, unknown> | undefined]> = [
        ['a parse error', '{ agencies { totalCount ', 'GRAPHQL_PARSE_FAILED', undefined],
        ['a validation error', '{ agencies { noSuchField } }', 'GRAPHQL_VALIDATION_FAILED', undefined],
        ['a bad variable', 'query($n: Int!) { agencies(first: $n) { totalCount } }', 'BAD_USER_INPUT', { n: 'many' }],
        [
          'a too costly query',
          '{ agencies(first: 500) { nodes { region { agencies(first: 500) { nodes { region { agencies(first: 500) { totalCount } } } } } } } }',
          'QUERY_TOO_COSTLY',
          undefined,
        ],
      ];
      it.each(cases)('%s', async (_name, query, code, variables) => {
        for (const [headers, status, type] of [
          [{ accept: GRAPHQL_RESPONSE }, 400, GRAPHQL_RESPONSE],
          [{ accept: JSON_TYPE }, 200, JSON_TYPE],
          [{}, 200, JSON_TYPE],
        ] as Array<[Record<string, string>, number, string]>) {
          const res = await post(query, headers, variables);
          expect([res.status, res.contentType]).toEqual([status, `${type}; charset=utf-8`]);
          expect(res.json.errors?.[0].extensions?.code).toBe(code);
          expect('data' in res.json).toBe(false);
        }
      });

      it('and an error during execution is 200 under both, with data', async () => {
        for (const accept of [GRAPHQL_RESPONSE, JSON_TYPE]) {
          const res = await post(`{ agencies(filter: { regionCode: "999999" }) { totalCount } }`, { accept });
          expect(res.status).toBe(200);
          expect(res.json.errors?.[0].extensions?.code).toBe('NOT_FOUND');
          expect('data' in res.json).toBe(true);
        }
      });
    });

    it('hides what the engine said about an internal error: a generic message, no stack', async () => {
      const connection = app().connection;
      const sql = (statement: string) => connection.rawDataSource.query(statement);
      // A real engine failure under a resolver: the table it reads is gone for a moment.
      await sql('ALTER TABLE region_rollup RENAME TO region_rollup_hidden');
      try {
        for (const accept of [GRAPHQL_RESPONSE, JSON_TYPE]) {
          const res = await post(`{ region(code: "370800") { name rollup(year: 2020) { reportCount } } }`, { accept });
          expect(res.status).toBe(200);
          expect(res.json.errors).toEqual([
            {
              message: 'Internal server error',
              locations: expect.any(Array),
              path: ['region', 'rollup', 'reportCount'],
              extensions: { code: 'INTERNAL_SERVER_ERROR' },
            },
          ]);
          expect(res.text).not.toMatch(/region_rollup|SQLITE|\bER_[A-Z]|no such table|doesn't exist|stacktrace|\.ts:\d+/i);
        }
      } finally {
        await sql('ALTER TABLE region_rollup_hidden RENAME TO region_rollup');
      }
      expect((await post(`{ region(code: "370800") { rollup(year: 2020) { reportCount } } }`)).json.errors).toBeUndefined();
    });
  },
  { seed: true, env: { ...AUTH_ENV, LOG_LEVEL: 'silent' } },
);
