/**
 * A bounded read-ahead pipeline: items are prepared (read and checked on a thread pool) up to
 * `ahead` in front of the writers, and written by `lanes` concurrent writers. Items with the same
 * `key` (one report series, one agency to register) are written one after the other in input order,
 * so a correction never races the revision it corrects; items of different keys overlap, which lets
 * MariaDB commit several transactions together. Nothing of a written item is kept: memory stays flat.
 */
export interface PipelineSpec<P, R> {
  count: number;
  /** How many items may be prepared ahead of the writers (beyond those being written). */
  ahead: number;
  /** Concurrent writers (1: strictly in order). */
  lanes: number;
  prepare(index: number): Promise<P>;
  /** The serialisation key of a prepared item; null: none needed. */
  keyOf(prepared: P): string | null;
  write(prepared: P, index: number): Promise<R>;
  /** Called once per item, in completion order, with the write's result or the error of its preparation or write. */
  onDone(index: number, outcome: { ok: true; value: R } | { ok: false; error: unknown }): void;
}

export async function runPipeline<P, R>(spec: PipelineSpec<P, R>): Promise<void> {
  const prepared: Array<Promise<P> | undefined> = [];
  let nextPrepare = 0;
  let nextWrite = 0;
  let completed = 0;
  const refill = () => {
    while (nextPrepare < spec.count && nextPrepare < completed + spec.lanes + spec.ahead) {
      const p = spec.prepare(nextPrepare);
      p.catch(() => undefined); // awaited in turn; not an unhandled rejection meanwhile
      prepared[nextPrepare++] = p;
    }
  };
  // The tail of each key's chain: the next item of that key waits for it. Items join their chains
  // in input order (a later file read first still waits its turn), so a key's writes keep file order.
  const tails = new Map<string, Promise<unknown>>();
  let joined: Promise<unknown> = Promise.resolve();
  const lane = async () => {
    while (nextWrite < spec.count) {
      const i = nextWrite++;
      refill();
      const pending = prepared[i]!;
      prepared[i] = undefined;
      const slot = joined.then(async (): Promise<{ run: Promise<R>; release: () => void } | { error: unknown }> => {
        let item: P;
        try {
          item = await pending;
        } catch (error) {
          return { error };
        }
        const key = spec.keyOf(item);
        const run = (key === null ? Promise.resolve() : (tails.get(key) ?? Promise.resolve())).then(() => spec.write(item, i));
        const settled = run.then(
          () => undefined,
          () => undefined,
        );
        if (key !== null) tails.set(key, settled);
        return { run, release: () => key !== null && tails.get(key) === settled && tails.delete(key) };
      });
      joined = slot;
      const s = await slot;
      let outcome: { ok: true; value: R } | { ok: false; error: unknown };
      if ('error' in s) outcome = { ok: false, error: s.error };
      else {
        try {
          outcome = { ok: true, value: await s.run };
        } catch (error) {
          outcome = { ok: false, error };
        }
        s.release();
      }
      completed++;
      spec.onDone(i, outcome);
      refill();
    }
  };
  refill();
  await Promise.all(Array.from({ length: Math.max(1, spec.lanes) }, lane));
}
