import type { TransactionalConnection } from '../data/transactional-connection';
import { rollupFolderOf } from './rollup-folder';

export interface RollupFoldJob {
  /** Folds now, after the run in progress if there is one; returns the entries folded. */
  runNow(): Promise<number>;
  /** No further runs; resolves once the run in progress (if any) has committed. */
  stop(): Promise<void>;
}

/** Where a failed run is reported (the server's pino logger). */
export interface FoldLog {
  error(obj: unknown, msg: string): void;
}

/**
 * Folds the roll-up queue every `intervalMs` on this process (the primary's servers; 0: never, e.g.
 * a server reading a replica). Runs never overlap here, and several servers may each run one: the
 * fold locks the queue's head, so one process folds a batch at a time and the others find it gone.
 * Reads do not wait for it (they add the queue on the fly): the interval only bounds how long the
 * queue grows. A failed run is logged and the next one tries again.
 */
export function startRollupFoldJob(connection: TransactionalConnection, intervalMs: number, log: FoldLog): RollupFoldJob {
  const folder = rollupFolderOf(connection);
  let running: Promise<number> = Promise.resolve(0);
  let stopped = false;
  const run = () => {
    // After the previous run, whatever became of it: a failure was reported to its own caller.
    running = running.catch(() => 0).then(() => (stopped ? 0 : folder.foldIfPending({ transaction: null })));
    return running;
  };
  const timer =
    intervalMs > 0
      ? setInterval(() => run().catch((err) => log.error({ err }, 'roll-up fold failed; retried next interval')), intervalMs)
      : null;
  // The timer alone never keeps the process alive: shutdown stops it anyway.
  timer?.unref();
  return {
    runNow: run,
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      await running.catch(() => undefined);
    },
  };
}
