import { SignJWT } from 'jose';
import { describeEachEngine } from '../support/test-app';
import { AUTH_ENV, bearer, createAccount, logIn } from '../auth/test-accounts';

describeEachEngine(
  'who asks',
  (app) => {
    // A county supervisor's account, signed in through the real login mutation.
    let wenshang = '';
    beforeAll(async () => {
      const { user, password } = await createAccount(app(), { name: 'sup-wenshang', role: 'SUPERVISOR', regionCode: '370830' });
      wenshang = await logIn(app(), user.name, password);
    });
    const asViewer = (query: string, token: string) => app().gql(query, undefined, bearer(token));

    it('confines a county supervisor to the county, in lists and in direct lookups', async () => {
      const list = await asViewer(`{ agencies { totalCount nodes { name } } }`, wenshang);
      expect(list.data.agencies.nodes.map((n: { name: string }) => n.name)).toEqual(['济宁市公共资源交易服务中心汶上分中心']);
      const city = await asViewer(`{ agencies(filter: { regionCode: "370800" }) { totalCount } }`, wenshang);
      expect(city.data.agencies.totalCount).toBe(1);
      const other = await asViewer(`{ agencies(filter: { regionCode: "370811" }) { totalCount } }`, wenshang);
      expect(other.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const branch = await asViewer(`{ agencies { nodes { parent { name } } } }`, wenshang);
      // The branch's organisational parent sits in the city, outside the county: not shown.
      expect(branch.data.agencies.nodes[0].parent).toBeNull();
    });

    it('never serves one viewer the cached answer of another', async () => {
      const q = `{ agencies { totalCount } }`;
      expect((await app().gql(q)).data.agencies.totalCount).toBe(2);
      expect((await asViewer(q, wenshang)).data.agencies.totalCount).toBe(1);
      expect((await app().gql(q)).data.agencies.totalCount).toBe(2);
    });

    it('lets an anonymous reader see every published report, and refuses a forged token', async () => {
      const anon = await app().gql(`{ agencies { totalCount } }`);
      expect(anon.data.agencies.totalCount).toBe(2);
      // A token signed with another secret identifies nobody: 401, not a FORBIDDEN answer about the data.
      const res = await fetch(app().server.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${await new SignJWT({ role: 'SUPERVISOR' }).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode('another-secret-16+chars'))}`,
        },
        body: JSON.stringify({ query: `{ agencies { totalCount } }` }),
      });
      expect(res.status).toBe(401);
      const forged = (await res.json()) as { data?: unknown; errors?: Array<{ extensions?: { code?: string } }> };
      expect(forged.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      expect(forged.data).toBeUndefined();
    });
  },
  { seed: true, env: AUTH_ENV },
);
