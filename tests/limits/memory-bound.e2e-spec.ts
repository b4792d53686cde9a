import { spawn, type ChildProcess } from 'child_process';
import { join } from 'path';

/**
 * Nothing a request leaves behind grows without bound (issue 18): a thousand distinct requests,
 * refused (over the cost limit, unknown fields) and accepted, each with its own 48 KB of variables,
 * and the server's resident memory after a full collection is within 50 MB of where it started.
 */
const MB = 1024 * 1024;
let child: ChildProcess;
let url: string;
const lines: string[] = [];

beforeAll(async () => {
  child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', join(__dirname, 'memory-server.ts')], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env },
  });
  url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const done = out.split('\n');
      out = done.pop()!;
      lines.push(...done);
      const line = lines.find((l) => l.startsWith('http'));
      if (line) resolve(line.trim());
    });
    child.once('exit', (code) => reject(new Error(`memory server exited with ${code}`)));
  });
}, 60_000);

afterAll(async () => {
  if (child.exitCode === null) await new Promise((resolve) => (child.once('exit', resolve), child.kill('SIGTERM')));
});

async function rss(): Promise<number> {
  const seen = lines.length;
  child.kill('SIGUSR2');
  for (let i = 0; i < 100 && !lines.slice(seen).some((l) => l.startsWith('rss')); i++) await new Promise((r) => setTimeout(r, 50));
  return Number(
    lines
      .slice(seen)
      .find((l) => l.startsWith('rss'))!
      .split(' ')[1],
  );
}

const QUERIES = [
  // over the cost limit
  'query($pad: String) { r: reports(first: 500) { nodes { rendered(format: DOCX) } } a: agencies(filter: { nameContains: $pad }, first: 1) { totalCount } }',
  // refused by validation
  'query($pad: String) { nosuchfield agencies(filter: { nameContains: $pad }, first: 1) { totalCount } }',
  // accepted (the name filter over its length limit fails at execution)
  'query($pad: String) { metrics { key } agencies(filter: { nameContains: $pad }, first: 1) { totalCount } }',
  'query($pad: String, $c: String!) { region(code: $c) { code } agencies(filter: { nameContains: $pad }, first: 1) { totalCount } }',
];

it('a thousand distinct refused and accepted requests leave the memory where it was', async () => {
  const send = (i: number) =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: QUERIES[i % QUERIES.length], variables: { pad: `${i}-`.padEnd(48_000, String(i % 10)), c: '370830' } }),
    }).then((r) => r.status);
  for (let i = 0; i < 100; i++) await send(i); // warm-up: JIT, caches of fixed size
  const start = await rss();
  const statuses = new Set<number>();
  for (let i = 100; i < 1_100; i += 10)
    (await Promise.all(Array.from({ length: 10 }, (_, j) => send(i + j)))).forEach((s) => statuses.add(s));
  expect([...statuses].every((s) => s < 500)).toBe(true);
  const end = await rss();
  console.log(
    `memory bound: rss ${Math.round(start / MB)} MB before, ${Math.round(end / MB)} MB after 1,000 distinct requests of 48 KB variables`,
  );
  expect(end - start).toBeLessThan(50 * MB);
}, 180_000);
