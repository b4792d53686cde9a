import { readFileSync } from 'fs';
import { SEED_REPORT } from '../../seeds/seed';
import { describeEachEngine } from '../support/test-app';

const Q = `{ agencies(filter:{nameContains:"汶上分中心"}) { nodes { report(year: 2020) { revision amount: value(key: "active.procurement.amount") } } } }`;

describeEachEngine(
  'whole-answer cache',
  (app) => {
    const post = async (query: string, headers: Record<string, string> = {}) => {
      const res = await fetch(app().server.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
      return { cache: res.headers.get('x-nianbao-cache'), json: (await res.json()) as any };
    };

    it('answers a repeated query from the cache with one statement, and never after a write', async () => {
      const first = await post(Q);
      expect(first.cache).toBe('miss');
      const before = app().sqlCount();
      const second = await post(Q);
      expect(second).toEqual({ cache: 'hit', json: first.json });
      expect(app().sqlCount() - before).toBe(1); // the data version, nothing else

      const corrected = readFileSync(SEED_REPORT, 'utf8').replace('\t6\n\t12.90\n', '\t7\n\t13.50\n');
      await app().services.imports.importReport(app().ctx(), { bytes: Buffer.from(corrected), fileName: 'corrected.txt' });
      const third = await post(Q);
      expect(third.cache).toBe('miss');
      expect(third.json.data.agencies.nodes[0].report).toEqual({ revision: 2, amount: 13.5 });
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
