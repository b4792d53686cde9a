import { spawn, type ChildProcess } from 'child_process';
import { readFileSync } from 'fs';
import { request } from 'http';
import { join } from 'path';
import fc from 'fast-check';

/**
 * Abusive queries against the real server in a child process (SQLite): the ones of issue 10 and
 * depth, breadth, alias, fragment and unpaged-nesting bombs generated at random. Each is refused
 * before execution with a named code, or answered within the limits; none is a 500, the server
 * keeps answering, and its peak resident memory (VmHWM of the child) stays under 1 GiB.
 */
const GIB = 1024 ** 3;
const REFUSALS = new Set([
  'QUERY_TOO_DEEP',
  'TOO_MANY_ALIASES',
  'TOO_MANY_DIRECTIVES',
  'TOO_MANY_NODES',
  'QUERY_TOO_COSTLY',
  'GRAPHQL_PARSE_FAILED',
  'REQUEST_TOO_LARGE',
  'GRAPHQL_VALIDATION_FAILED',
]);

let child: ChildProcess;
let url: string;

beforeAll(async () => {
  child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'abuse-server.ts')], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env },
  });
  url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const line = out.split('\n').find((l) => l.startsWith('http'));
      if (line) resolve(line.trim());
    });
    child.once('exit', (code) => reject(new Error(`abuse server exited with ${code}`)));
  });
}, 60_000);

afterAll(async () => {
  if (child.exitCode === null) await new Promise((resolve) => (child.once('exit', resolve), child.kill('SIGTERM')));
});

function peakResidentBytes(): number {
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)![1]) * 1024;
}

async function post(query: string) {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  const json = (await res.json()) as {
    data?: unknown;
    errors?: Array<{ message: string; extensions?: { code?: string } }>;
    extensions?: { cost?: { nodes: number } };
  };
  return { status: res.status, json, code: json.errors?.[0]?.extensions?.code };
}

const nest = (levels: number, wrap: (inner: string) => string, leaf = 'code') =>
  Array.from({ length: levels }).reduce<string>((inner) => wrap(inner), leaf);

describe('abusive queries against a server in its own process', () => {
  const known: Array<[string, string, string]> = [
    [
      'the 201-byte parent/children bomb, seven levels',
      `{ region(code:"370830") { ${nest(7, (i) => `parent { children { ${i} } }`)} } }`,
      'QUERY_TOO_DEEP',
    ],
    [
      'unpaged nesting within the depth limit',
      `{ region(code:"370800") { children { children { children { ancestors { children { code } } } } } } }`,
      'QUERY_TOO_COSTLY',
    ],
    ['a connection per township', `{ regions(level: TOWNSHIP) { agencies { totalCount } } }`, 'QUERY_TOO_COSTLY'],
    [
      '9,999 aliases (over the body size)',
      `{ ${Array.from({ length: 9_999 }, (_, i) => `a${i}: metrics { key }`).join(' ')} }`,
      'REQUEST_TOO_LARGE',
    ],
    [
      '1,500 aliases (over the token limit)',
      `{ ${Array.from({ length: 1_500 }, (_, i) => `a${i}: __typename`).join(' ')} }`,
      'GRAPHQL_PARSE_FAILED',
    ],
    ['40 aliases', `{ ${Array.from({ length: 40 }, (_, i) => `a${i}: metrics { key }`).join(' ')} }`, 'TOO_MANY_ALIASES'],
    ['depth 1,000', `{ ${nest(1_000, (i) => `region(code:"370830") { parent { ${i} } }`)} }`, 'GRAPHQL_PARSE_FAILED'],
    ['depth 400 within the token limit', `{ region(code:"370830") { ${nest(400, (i) => `parent { ${i} }`)} } }`, 'QUERY_TOO_DEEP'],
    [
      '249 aliases of 500 DOCX renderings (over the token limit)',
      `{ ${Array.from({ length: 249 }, (_, i) => `r${i}: reports(first: 500) { nodes { rendered(format: DOCX) } }`).join(' ')} }`,
      'GRAPHQL_PARSE_FAILED',
    ],
    [
      '35 aliases of 500 DOCX renderings',
      `{ ${Array.from({ length: 35 }, (_, i) => `r${i}: reports(first: 500) { nodes { rendered(format: DOCX) } }`).join(' ')} }`,
      'TOO_MANY_ALIASES',
    ],
    [
      '25 aliases of 50 DOCX renderings each',
      `{ ${Array.from({ length: 25 }, (_, i) => `r${i}: reports(first: 50) { nodes { rendered(format: DOCX) } }`).join(' ')} }`,
      'QUERY_TOO_COSTLY',
    ],
    ['500 DOCX renderings', `{ reports(first: 500) { nodes { rendered(format: DOCX) } } }`, 'QUERY_TOO_COSTLY'],
    [
      'an introspection bomb',
      `{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }`,
      'GRAPHQL_VALIDATION_FAILED',
    ],
    ['a directive bomb', `{ metrics { key ${Array.from({ length: 20 }, () => '@include(if: true)').join(' ')} } }`, 'TOO_MANY_DIRECTIVES'],
    [
      'a fragment bomb (each fragment spreads the next twice)',
      `{ region(code:"370830") { ...F0 } } ${Array.from({ length: 12 }, (_, i) => `fragment F${i} on Region { children { ...F${i + 1} } parent { ...F${i + 1} } }`).join(' ')} fragment F12 on Region { code }`,
      'QUERY_TOO_DEEP',
    ],
    [
      'wide and paged: 500 agencies × every year × every cell',
      `{ agencies(first: 500) { nodes { reports { cells { key value } } } } }`,
      'QUERY_TOO_COSTLY',
    ],
  ];

  it.each(known)('%s: refused before execution with its code', async (_name, query, code) => {
    const res = await post(query);
    expect([res.code, 'data' in res.json]).toEqual([code, false]);
    expect(res.status).toBe(code === 'REQUEST_TOO_LARGE' ? 413 : 200);
  });

  it('prices `first: null` at the default page, not at one row', async () => {
    const res = await post(`{ agencies(first: null) { nodes { name } } }`);
    expect(res.json.errors).toBeUndefined();
    expect(res.json.extensions?.cost?.nodes).toBeGreaterThanOrEqual(50);
  });

  it('refuses a 60 MB body without reading it (413), and keeps answering', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        url,
        { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(60 * 1024 * 1024) } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.write('{"query":"');
      // The rest is never sent: the answer must come before the body does.
    });
    expect(status).toBe(413);
    expect((await post(`{ metrics { key } }`)).status).toBe(200);
  });

  it('refuses or bounds random depth, breadth, alias and unpaged-nesting bombs, never a 500', async () => {
    const listField = fc.constantFrom(
      'children { %s }',
      'parent { %s }',
      'ancestors { %s }',
      'agencies(first: 500) { nodes { region { %s } } }',
      'agencies { nodes { region { %s } } }',
    );
    const bomb = fc.record({
      path: fc.array(listField, { minLength: 1, maxLength: 12 }),
      aliases: fc.integer({ min: 1, max: 60 }),
      spread: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(bomb, async ({ path, aliases, spread }) => {
        const inner = path.reduceRight((acc, f) => f.replace('%s', acc), 'code name');
        const body = Array.from({ length: aliases }, (_, i) =>
          spread ? `a${i}: region(code:"370830") { ...R }` : `a${i}: region(code:"370830") { ${inner} }`,
        ).join(' ');
        const res = await post(`{ ${body} }${spread ? ` fragment R on Region { ${inner} }` : ''}`);
        expect(res.status).not.toBe(500);
        if (res.json.errors) expect(REFUSALS).toContain(res.code);
        else expect(res.json.extensions?.cost?.nodes).toBeLessThanOrEqual(250_000);
      }),
      { numRuns: 60, seed: 10 },
    );
  });

  it('all at once: twenty bombs in flight leave the process alive and under 1 GiB resident at its peak', async () => {
    const answers = await Promise.all(known.filter(([, , code]) => code !== 'REQUEST_TOO_LARGE').flatMap(([, q]) => [post(q), post(q)]));
    expect(answers.every((a) => REFUSALS.has(a.code ?? ''))).toBe(true);
    expect((await post(`{ region(code: "370830") { name } }`)).json.data).toEqual({ region: { name: '汶上县' } });
    expect(child.exitCode).toBeNull();
    expect(peakResidentBytes()).toBeLessThan(GIB);
  });
});
