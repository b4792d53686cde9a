import { LIMITS } from '../../src/graphql/limits/operation-limits';
import { AUTH_ENV, bearer, createAccount, tokenOf } from '../auth/test-accounts';
import { describeEachEngine } from '../support/test-app';

/**
 * The body limit depends on who asks: an anonymous caller's body is small (a query), a signed-in
 * caller's has room for a report file sent base64, and both are refused (413) past their limit.
 */
describeEachEngine(
  'request body limit',
  (app) => {
    // A query padded with a long comment: valid GraphQL of any size, cheap to run.
    const padded = (bytes: number) => JSON.stringify({ query: `{ metrics { key } }\n#${'x'.repeat(bytes)}` });
    const post = (body: string, headers: Record<string, string> = {}) =>
      fetch(app().server.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body }).then(async (r) => ({
        status: r.status,
        json: (await r.json()) as any,
      }));

    it('refuses an anonymous body past its limit, and takes the same body from a signed-in caller', async () => {
      const body = padded(LIMITS.maxBodyBytes + 1024);
      const anonymous = await post(body);
      expect(anonymous.status).toBe(413);
      expect(anonymous.json.errors[0].extensions.code).toBe('REQUEST_TOO_LARGE');

      const analyst = await createAccount(app(), { name: 'body-analyst', role: 'ANALYST', regionCode: '370800', agencyId: null });
      const signedIn = await post(body, bearer(await tokenOf(analyst)));
      expect(signedIn.status).toBe(200);
      expect(signedIn.json.data.metrics.length).toBeGreaterThan(0);
    });

    it('refuses a signed-in body past the larger limit', async () => {
      const analyst = await createAccount(app(), { name: 'body-analyst-2', role: 'ANALYST', regionCode: '370800', agencyId: null });
      const refused = await post(padded(LIMITS.maxSignedInBodyBytes + 1024), bearer(await tokenOf(analyst)));
      expect(refused.status).toBe(413);
      expect(refused.json.errors[0].extensions).toMatchObject({ code: 'REQUEST_TOO_LARGE', limit: LIMITS.maxSignedInBodyBytes });
    });
  },
  { env: AUTH_ENV },
);
