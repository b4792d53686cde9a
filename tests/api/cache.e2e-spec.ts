import { readFileSync } from 'fs';
import { SEED_REPORT } from '../../seeds/seed';
import { describeEachEngine } from '../support/test-app';

const Q = `{ agencies(filter:{nameContains:"汶上分中心"}) { nodes { report(year: 2020) { revision amount: value(key: "active.procurement.amount") } } } }`;

describeEachEngine(
  'whole-answer cache',
  (app) => {
    /**
     * No header tells a caller whether its answer was cached (in a shared scope it would tell what
     * others asked): a hit is read from the statements the request ran, the data version alone.
     */
    const counted = async (request: () => Promise<Response>) => {
      const before = app().sqlCount();
      const res = await request();
      const text = await res.text();
      const statements = app().sqlCount() - before;
      return { res, statements, cache: statements === 1 ? 'hit' : 'miss', text };
    };
    const post = async (query: string, headers: Record<string, string> = {}) => {
      const { cache, text } = await counted(() =>
        fetch(app().server.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: JSON.stringify({ query }),
        }),
      );
      return { cache, json: JSON.parse(text) as any };
    };
    /** The answer's data alone: `extensions` hold each request's own price and budget. */
    const dataOf = (json: any) => ({ data: json.data, errors: json.errors });

    it('answers a repeated query from the cache with one statement, and never after a write', async () => {
      const first = await post(Q);
      expect(first.cache).toBe('miss');
      const second = await post(Q);
      expect([second.cache, dataOf(second.json)]).toEqual(['hit', dataOf(first.json)]); // the data version, nothing else
      expect(second.json.extensions.cost.requested).toBe(first.json.extensions.cost.requested);

      const corrected = readFileSync(SEED_REPORT, 'utf8').replace('\t6\n\t12.90\n', '\t7\n\t13.50\n');
      await app().services.imports.importReport(app().ctx(), { bytes: Buffer.from(corrected), fileName: 'corrected.txt' });
      const third = await post(Q);
      expect(third.cache).toBe('miss');
      expect(third.json.data.agencies.nodes[0].report).toEqual({ revision: 2, amount: 13.5 });
    });

    it('keys answers by response format: each client gets its own media type, from the cache too', async () => {
      const q = `{ agencies { totalCount } }`;
      const asJson = await counted(() =>
        fetch(app().server.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json' },
          body: JSON.stringify({ query: q }),
        }),
      );
      expect(asJson.res.headers.get('content-type')).toMatch(/^application\/json/);
      const ask = () =>
        counted(() =>
          fetch(app().server.url, {
            method: 'POST',
            headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
            body: JSON.stringify({ query: q }),
          }),
        );
      const first = await ask();
      expect([first.cache, first.res.headers.get('content-type')]).toEqual(['miss', 'application/graphql-response+json; charset=utf-8']);
      const again = await ask();
      expect([again.res.status, again.cache, again.res.headers.get('content-type')]).toEqual([
        200,
        'hit',
        'application/graphql-response+json; charset=utf-8',
      ]);
      expect(dataOf(JSON.parse(again.text))).toEqual(dataOf(JSON.parse(asJson.text)));
      expect(again.res.headers.get('x-nianbao-cache')).toBeNull();
    });

    it('answers only after the request checks: CSRF prevention and body parsing still refuse what they refuse', async () => {
      const q = `query ChecksFirst { agencies { totalCount } }`;
      const url = `${app().server.url}?query=${encodeURIComponent(q)}`;
      const preflighted = () => counted(() => fetch(url, { headers: { 'apollo-require-preflight': 'true' } }));
      expect((await preflighted()).cache).toBe('miss');
      expect((await preflighted()).cache).toBe('hit');
      // The same GET without a preflight header could come from a cross-site form: refused, cached or not.
      const simple = await fetch(url);
      expect(simple.status).toBe(400);
      expect(((await simple.json()) as any).errors[0].message).toMatch(/Cross-Site Request Forgery/);

      // A POST of the same operation shares the GET's entry: same answer, whatever the method.
      const body = JSON.stringify({ query: q });
      expect(
        (await counted(() => fetch(app().server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body }))).cache,
      ).toBe('hit');
      // Without a content type the body is not JSON to the server: 400, though the same bytes are cached.
      const untyped = await fetch(app().server.url, { method: 'POST', headers: { 'content-type': '' }, body });
      expect(untyped.status).toBe(400);
    });

    it('keys by the normalised operation and variables: layout and key order do not make a new entry', async () => {
      const ask = (query: string, variables: Record<string, unknown>) =>
        counted(() =>
          fetch(app().server.url, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ query, variables }),
          }),
        );
      const q = `query Norm($y: Int!, $x: Int) { agencies(first: $x) { nodes { report(year: $y) { revision } } } }`;
      expect((await ask(q, { y: 2020, x: 1 })).cache).toBe('miss');
      const relaidOut = `query   Norm( $y : Int! , $x : Int )\n{\n  agencies( first : $x ) { nodes { report(year: $y) { revision } } }\n}`;
      expect((await ask(relaidOut, { x: 1, y: 2020 })).cache).toBe('hit');
      expect((await ask(q, { y: 2019, x: 1 })).cache).toBe('miss');
    });

    it('keeps viewers apart and never caches mutations or errors', async () => {
      const bad = await post(`{ agencies(filter: { regionCode: "999999" }) { totalCount } }`);
      expect(bad.json.errors[0].extensions.code).toBe('NOT_FOUND');
      expect((await post(`{ agencies(filter: { regionCode: "999999" }) { totalCount } }`)).cache).toBe('miss');
      const m = `mutation { reviewFinding(id: "1", decision: OPEN) { id } }`;
      await post(m);
      expect((await post(m)).cache).toBe('miss');
    });
  },
  { seed: true },
);
