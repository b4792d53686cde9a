import { AUTH_ENV, createAccount, tokenOf } from '../auth/test-accounts';
import { readEnv } from '../../src/config/env';
import { startServer } from '../../src/server';
import { describeEachEngine } from '../support/test-app';

/**
 * Points per hour per caller: every response shows its price and what is left in `extensions.cost`;
 * a caller over its budget gets 429 RATE_LIMITED with `resetAt`, before the response cache answers.
 */
// Room for two `{ metrics { key } }` (265 points: the catalogue of 264 metrics) and not three.
const ANONYMOUS_BUDGET = 600;
const ENV = { ...AUTH_ENV, ANONYMOUS_BUDGET_PER_HOUR: String(ANONYMOUS_BUDGET), QUERY_BUDGET_PER_HOUR: '100000', LOG_LEVEL: 'silent' };

for (const store of ['memory', 'database'] as const)
  describeEachEngine(
    `query budget (BUDGET_STORE=${store})`,
    (app) => {
      const post = async (query: string, headers: Record<string, string> = {}) => {
        const res = await fetch(app().server.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: JSON.stringify({ query }),
        });
        return { status: res.status, retryAfter: res.headers.get('retry-after'), json: (await res.json()) as any };
      };

      it('charges each request its price, shows it, and refuses with 429 and resetAt once spent, cached or not', async () => {
        const q = `{ metrics { key } }`;
        const first = await post(q);
        const cost = first.json.extensions.cost;
        expect(cost.requested).toBeGreaterThan(1);
        expect(cost.budget).toEqual({ limit: ANONYMOUS_BUDGET, remaining: ANONYMOUS_BUDGET - cost.requested, resetAt: expect.any(String) });
        const second = await post(q);
        expect(second.json.extensions.cost.budget.remaining).toBe(ANONYMOUS_BUDGET - 2 * cost.requested);
        // The third would be a cache hit: the budget is checked first.
        for (const accept of ['application/json', 'application/graphql-response+json']) {
          const refused = await post(q, { accept });
          expect(refused.status).toBe(429);
          expect('data' in refused.json).toBe(false);
          const err = refused.json.errors[0];
          expect(err.extensions).toMatchObject({
            code: 'RATE_LIMITED',
            cost: cost.requested,
            limit: ANONYMOUS_BUDGET,
            remaining: ANONYMOUS_BUDGET - 2 * cost.requested,
          });
          const resetAt = Date.parse(err.extensions.resetAt);
          expect(resetAt).toBeGreaterThan(Date.now());
          expect(resetAt).toBeLessThanOrEqual(Date.now() + 3600_000);
          expect(Number(refused.retryAfter)).toBeGreaterThan(0);
          expect(refused.json.extensions.cost.budget.remaining).toBe(ANONYMOUS_BUDGET - 2 * cost.requested);
        }
        // A query that fits in what is left still runs.
        const small = await post(`{ region(code: "370830") { name } }`);
        expect([small.status, small.json.data?.region?.name]).toEqual([200, '汶上县']);
      });

      it('keeps an account budget of its own, whatever anonymous callers at the same address spent', async () => {
        const analyst = await createAccount(app(), { name: 'budget-analyst', role: 'ANALYST' });
        const res = await post(`{ metrics { key } }`, { authorization: `Bearer ${await tokenOf(analyst)}` });
        expect(res.status).toBe(200);
        expect(res.json.extensions.cost.budget).toMatchObject({ limit: 100_000, remaining: 100_000 - res.json.extensions.cost.requested });
      });

      it('gives field suggestions to accounts, not to anonymous callers', async () => {
        const analyst = await createAccount(app(), { name: 'budget-analyst-3', role: 'ANALYST' });
        const signedIn = await post(`{ region(code: "370830") { nam } }`, { authorization: `Bearer ${await tokenOf(analyst)}` });
        expect(signedIn.json.errors[0].message).toMatch(/Did you mean "name"\?/);
        const anonymous = await post(`{ region(code: "370830") { nam } }`);
        expect(anonymous.json.errors[0]).toMatchObject({
          message: 'Cannot query field "nam" on type "Region".',
          extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
        });
      });

      it(store === 'database' ? 'is one budget per caller for every server on the database' : "is this server's own budget", async () => {
        // A second server over the same database, as a load balancer would put beside the first.
        const second = await startServer(
          { ...app(), close: async () => undefined },
          readEnv({ ...ENV, PORT: '0', BUDGET_STORE: store } as NodeJS.ProcessEnv),
        );
        try {
          const analyst = await createAccount(app(), { name: `budget-analyst-shared-${store}`, role: 'ANALYST' });
          const auth = { authorization: `Bearer ${await tokenOf(analyst)}` };
          const spent = (await post(`{ metrics { key } }`, auth)).json.extensions.cost.requested;
          const res = await fetch(second.url, {
            method: 'POST',
            headers: { 'content-type': 'application/json', ...auth },
            body: JSON.stringify({ query: '{ __typename }' }),
          });
          const { budget, requested } = ((await res.json()) as any).extensions.cost;
          expect(spent).toBeGreaterThan(0);
          expect(budget.remaining).toBe(100_000 - requested - (store === 'database' ? spent : 0));
        } finally {
          await second.stop();
        }
      });

      it('charges nothing for a request refused before pricing, and still shows the budget', async () => {
        const analyst = await createAccount(app(), { name: 'budget-analyst-2', role: 'ANALYST' });
        const res = await post(`{ metrics { nope } }`, { authorization: `Bearer ${await tokenOf(analyst)}` });
        expect(res.json.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
        expect(res.json.extensions.cost).toEqual({
          requested: 0,
          nodes: 0,
          budget: { limit: 100_000, remaining: 100_000, resetAt: expect.any(String) },
        });
      });
    },
    { env: { ...ENV, BUDGET_STORE: store } },
  );
