import { enginesUnderTest, startTestApp, type TestApp } from '../support/test-app';
import { AUTH_ENV } from '../auth/test-accounts';
import { generate } from '../../src/generator/generator';
import { priceCacheSize } from '../../src/graphql/limits/pricing';
import { SESSION_SQL_MODE } from '../../src/data/open-database';

/**
 * Issue 18's reproductions of unpriced work and its small ones, through the real endpoint: list
 * arguments checked before pricing, lists priced by their true size at the viewer's scope, prices
 * kept only for accepted operations, deep variables, a mismatched persisted-query hash, sql_mode.
 */
const GQL_RESPONSE = 'application/graphql-response+json';

describe.each(enginesUnderTest())('unpriced work is refused [%s]', (engine) => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp(engine, 'unpriced_work', { env: { ...AUTH_ENV, RESPONSE_CACHE: 'on', LOG_LEVEL: 'silent' } });
    await generate(app.connection, { region: '370830', fromYear: 2023, toYear: 2024, seed: 5, departments: 3, institutions: 2 });
    await app.importSeed();
  }, 240_000);
  afterAll(() => app?.stop());

  async function post(body: unknown, accept = GQL_RESPONSE) {
    const res = await fetch(app.server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept },
      body: JSON.stringify(body),
    });
    return {
      status: res.status,
      json: (await res.json()) as {
        data?: any;
        errors?: Array<{ message: string; extensions?: Record<string, any> }>;
        extensions?: { cost?: { requested: number; nodes: number } };
      },
    };
  }

  it.each([
    ['compare', '{ compare(regionCode: "370830", year: 2024, by: AGENCY, keys: ["grant_rate"], first: -2147483648) { label } }'],
    ['a connection', '{ agencies(first: -1) { totalCount } }'],
    ['a page over the bound', '{ reports(first: 501) { totalCount } }'],
    ['a cursor that is none of ours', `{ agencies(first: 5, after: "${'A'.repeat(500)}") { totalCount } }`],
  ])('%s with a paging argument out of range is refused before pricing', async (_what, query) => {
    const { status, json } = await post({ query });
    expect(status).toBe(400);
    expect(json.data).toBeUndefined();
    expect(json.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(['first', 'after']).toContain(json.errors![0].extensions!.argument);
  });

  it('the unpriced render attack (8 pages of 500 DOCX renders and cells) is refused by price', async () => {
    const page = 'reports(first: 500) { nodes { rendered(format: DOCX) cells { key value raw } } }';
    const { status, json } = await post({ query: `{ ${Array.from({ length: 8 }, (_, i) => `p${i}: ${page}`).join(' ')} }` });
    expect(status).toBe(400);
    expect(json.errors![0].extensions!.code).toBe('QUERY_TOO_COSTLY');
  });

  it('compare by agency is priced by the agencies of the region, not by 52', async () => {
    const { json } = await post({
      query: '{ compare(regionCode: "370830", year: 2024, by: AGENCY, keys: ["applications.new.total"]) { label } }',
    });
    expect(json.errors).toBeUndefined();
    const rows = json.data.compare.length;
    expect(rows).toBeGreaterThan(0);
    expect(json.extensions!.cost!.nodes).toBeGreaterThanOrEqual(rows);
    const [{ n }] = await app.db.query("SELECT COUNT(*) AS n FROM agency WHERE region_path LIKE '/370000/370800/370830/%'");
    expect(json.extensions!.cost!.nodes).toBe(Number(n));
  });

  it('aggregate by region at township level is priced by the townships of the region', async () => {
    const { json } = await post({
      query:
        '{ aggregate(filter: { regionCode: "370830", fromYear: 2024, toYear: 2024, regionLevel: TOWNSHIP }, groupBy: [REGION], keys: ["applications.new.total"]) { regionCode } }',
    });
    expect(json.errors).toBeUndefined();
    const [{ n }] = await app.db.query("SELECT COUNT(*) AS n FROM region WHERE path LIKE '/370000/370800/370830/%' AND depth = 4");
    expect(Number(n)).toBeGreaterThan(10);
    expect(json.data.aggregate.length).toBeLessThanOrEqual(Number(n));
    expect(json.extensions!.cost!.nodes).toBe(Number(n));
  });

  it('keeps no price for refused operations, and a bounded number for accepted ones', async () => {
    const before = priceCacheSize();
    for (let i = 0; i < 200; i++) {
      const { json } = await post({
        query:
          'query($c: String!, $pad: String) { r: reports(first: 500) { nodes { rendered(format: DOCX) } } x: region(code: $c) { code } y: agencies(filter: { nameContains: $pad }, first: 1) { totalCount } }',
        variables: { c: '370830', pad: `${i}`.repeat(50) },
      });
      expect(json.errors![0].extensions!.code).toBe('QUERY_TOO_COSTLY');
    }
    expect(priceCacheSize()).toBe(before);
    const big = 'x'.repeat(5_000);
    await post({
      query:
        'query($c: String!, $pad: String) { region(code: $c) { code } agencies(filter: { nameContains: $pad }, first: 1) { totalCount } }',
      variables: { c: '370830', pad: big },
    });
    expect(priceCacheSize()).toBe(before);
  });

  it.each([
    ['an undeclared variable', (v: unknown) => ({ query: '{ metrics { key } }', variables: { deep: v } })],
    [
      'a declared input',
      (v: unknown) => ({ query: 'query($f: AgencyFilter) { agencies(filter: $f, first: 1) { totalCount } }', variables: { f: v } }),
    ],
  ])('variables nested 3,000 deep in %s are refused with a code, never a 500', async (_what, body) => {
    let deep: unknown = 1;
    for (let i = 0; i < 3_000; i++) deep = { a: deep };
    const { status, json } = await post(body(deep));
    expect(status).toBe(400);
    expect(json.errors![0].extensions!.code).toBe('VARIABLES_TOO_DEEP');
    // The same in a GET request's query string (shallower: a URL has its own length limit).
    deep = 1;
    for (let i = 0; i < 200; i++) deep = { a: deep };
    const get = await fetch(
      `${app.server.url}?query=${encodeURIComponent('{ metrics { key } }')}&variables=${encodeURIComponent(JSON.stringify({ d: deep }))}`,
      { headers: { accept: GQL_RESPONSE, 'apollo-require-preflight': '1' } },
    );
    expect(get.status).toBe(400);
    expect(((await get.json()) as any).errors[0].extensions.code).toBe('VARIABLES_TOO_DEEP');
  });

  it('a persisted-query hash that does not match its text is PERSISTED_QUERY_HASH_MISMATCH with 400', async () => {
    const { status, json } = await post({
      query: '{ metrics { key } }',
      extensions: { persistedQuery: { version: 1, sha256Hash: 'ab'.repeat(32) } },
    });
    expect(status).toBe(400);
    expect(json.errors![0].extensions!.code).toBe('PERSISTED_QUERY_HASH_MISMATCH');
    const json200 = await post(
      { query: '{ metrics { key } }', extensions: { persistedQuery: { version: 1, sha256Hash: 'cd'.repeat(32) } } },
      'application/json',
    );
    expect(json200.json.errors![0].extensions!.code).toBe('PERSISTED_QUERY_HASH_MISMATCH');
  });

  it('the attack set, sent over and over, is refused with its codes while a neighbour is answered in < 1 s, never a 5xx', async () => {
    let deep: unknown = 1;
    for (let i = 0; i < 3_000; i++) deep = { a: deep };
    const attacks: Array<[unknown, string]> = [
      [
        {
          query:
            '{ compare(regionCode: "370830", year: 2024, by: AGENCY, keys: ["grant_rate"], first: -2147483648) { label } r: reports(first: 500) { nodes { rendered(format: DOCX) } } }',
        },
        'BAD_USER_INPUT',
      ],
      [
        {
          query: `{ ${Array.from({ length: 8 }, (_, i) => `p${i}: reports(first: 500) { nodes { rendered(format: DOCX) cells { key value raw } } }`).join(' ')} }`,
        },
        'QUERY_TOO_COSTLY',
      ],
      [{ query: '{ metrics { key } }', variables: { deep } }, 'VARIABLES_TOO_DEEP'],
      [
        { query: '{ metrics { key } }', extensions: { persistedQuery: { version: 1, sha256Hash: 'ef'.repeat(32) } } },
        'PERSISTED_QUERY_HASH_MISMATCH',
      ],
    ];
    let attacking = true;
    const codes: string[] = [];
    const statuses: number[] = [];
    const attacker = (async () => {
      for (let round = 0; round < 25; round++) {
        for (const [body, code] of attacks) {
          const { status, json } = await post(body);
          statuses.push(status);
          codes.push(json.errors?.[0]?.extensions?.code === code ? 'ok' : `${code} expected, ${json.errors?.[0]?.extensions?.code}`);
        }
      }
      attacking = false;
    })();
    let slowest = 0;
    let answered = 0;
    while (attacking) {
      const t = performance.now();
      const { json } = await post({ query: '{ region(code: "370830") { name } }' });
      slowest = Math.max(slowest, performance.now() - t);
      expect(json.data.region.name).toBe('汶上县');
      answered++;
    }
    await attacker;
    expect(codes.filter((c) => c !== 'ok')).toEqual([]);
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(answered).toBeGreaterThan(0);
    expect(slowest).toBeLessThan(1_000);
  });

  (engine === 'mysql' ? it : it.skip)('every pooled MariaDB connection runs with the sql_mode the literals assume', async () => {
    const modes = await Promise.all(Array.from({ length: 8 }, () => app.db.query('SELECT @@SESSION.sql_mode AS mode, SLEEP(0.05) AS s')));
    for (const [row] of modes) expect(row.mode).toBe(SESSION_SQL_MODE);
  });
});
