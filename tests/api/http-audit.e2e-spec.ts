import { serverAudits, type AuditFail, type AuditResult } from 'graphql-http';
import { describeEachEngine, type TestApp } from '../support/test-app';

/**
 * The graphql-http conformance audit of the GraphQL-over-HTTP spec, against the server as shipped.
 * The only items allowed to fail are MAY items about GET requests without a preflight header,
 * which Apollo's CSRF prevention refuses on purpose (a cross-site form can send such a GET).
 */
const REFUSED_BY_CSRF_PREVENTION = ['5A70', '6A70', 'D6D5'];

async function audit(app: TestApp): Promise<AuditResult[]> {
  const results: AuditResult[] = [];
  // One after another: several audits send the same request, and the cache sees them in order.
  for (const a of serverAudits({ url: app.server.url })) results.push(await a.fn());
  return results;
}

for (const cache of ['on', 'off']) {
  describeEachEngine(
    `GraphQL-over-HTTP audit, response cache ${cache}`,
    (app) => {
      it('passes every MUST and SHOULD item, and every MAY item but those CSRF prevention refuses', async () => {
        const results = await audit(app());
        const failing = results.filter((r): r is AuditFail => r.status !== 'ok');
        expect(results.filter((r) => !r.name.startsWith('MAY') && r.status !== 'ok').map((r) => `${r.id} ${r.name}`)).toEqual([]);
        expect(failing.map((r) => r.id).sort()).toEqual(REFUSED_BY_CSRF_PREVENTION);
        for (const r of failing) {
          expect(r.name).toMatch(/^MAY .*GET/);
          const body = (await r.response.json()) as { errors: Array<{ message: string }> };
          expect(body.errors[0].message).toMatch(/Cross-Site Request Forgery/);
        }
        expect(results.filter((r) => r.status === 'ok')).toHaveLength(results.length - REFUSED_BY_CSRF_PREVENTION.length);
      });
    },
    { env: { RESPONSE_CACHE: cache } },
  );
}
