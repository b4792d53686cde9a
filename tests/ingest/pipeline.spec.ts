import { runPipeline } from '../../src/common/pipeline';
import { SeededRandom } from '../../src/shared/seeded-random';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs a pipeline over items with random preparation and write times; records what the writers saw. */
async function simulate(seed: number, count: number, lanes: number, keys: number) {
  const rnd = new SeededRandom(seed);
  const prepMs = Array.from({ length: count }, () => rnd.int(0, 6));
  const writeMs = Array.from({ length: count }, () => rnd.int(0, 6));
  const failPrep = new Set(Array.from({ length: count }, (_, i) => i).filter(() => rnd.int(0, 9) === 0));
  const failWrite = new Set(Array.from({ length: count }, (_, i) => i).filter(() => rnd.int(0, 9) === 0));
  const writesByKey = new Map<string, number[]>();
  const done: Array<[number, boolean]> = [];
  let inFlight = 0;
  let maxInFlight = 0;
  let maxAhead = 0;
  let prepared = 0;
  let finished = 0;
  await runPipeline<{ i: number; key: string }, number>({
    count,
    ahead: 3,
    lanes,
    prepare: async (i) => {
      prepared++;
      maxAhead = Math.max(maxAhead, prepared - finished);
      await sleep(prepMs[i]);
      if (failPrep.has(i)) throw new Error(`prep ${i}`);
      return { i, key: `k${i % keys}` };
    },
    keyOf: (p) => p.key,
    write: async (p) => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      writesByKey.set(p.key, [...(writesByKey.get(p.key) ?? []), p.i]);
      await sleep(writeMs[p.i]);
      inFlight--;
      if (failWrite.has(p.i)) throw new Error(`write ${p.i}`);
      return p.i * 10;
    },
    onDone: (i, o) => {
      finished++;
      done.push([i, o.ok]);
      if (o.ok) expect(o.value).toBe(i * 10);
      else expect((o.error as Error).message).toMatch(new RegExp(`^(prep|write) ${i}$`));
    },
  });
  return { done, writesByKey, maxInFlight, maxAhead, failPrep, failWrite };
}

describe('runPipeline (bulk import: read ahead, write lanes, one series at a time)', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])(
    'seed %i: every item done once, a key written in input order, lanes and read-ahead bounded',
    async (seed) => {
      const count = 40;
      const { done, writesByKey, maxInFlight, maxAhead, failPrep, failWrite } = await simulate(seed, count, 4, 5);
      expect(done.map(([i]) => i).sort((a, b) => a - b)).toEqual(Array.from({ length: count }, (_, i) => i));
      for (const [i, ok] of done) expect(ok).toBe(!failPrep.has(i) && !failWrite.has(i));
      for (const [, order] of writesByKey) expect(order).toEqual([...order].sort((a, b) => a - b));
      expect(maxInFlight).toBeLessThanOrEqual(4);
      expect(maxAhead).toBeLessThanOrEqual(4 + 3); // lanes + read-ahead: memory stays flat
    },
  );

  it('items of different keys overlap; one key alone is written one at a time', async () => {
    expect((await simulate(3, 30, 4, 30)).maxInFlight).toBeGreaterThan(1);
    expect((await simulate(3, 30, 4, 1)).maxInFlight).toBe(1);
  });
});
