import { availableParallelism } from 'os';
import { QueryTimeoutError, ServerBusyError } from '../common/errors';
import { Semaphore } from '../common/semaphore';
import { HEAVY_WORK_LIMITS } from '../ingest/file-limits';

/** What heavy work needs of a request: its deadline, if it has one (requests over HTTP do). */
export interface HeavyWorkContext {
  readonly deadline?: number;
}

/**
 * File reads and renders of this server process: at most one per core at once, a few requests
 * waiting a little for a turn, the rest refused with SERVER_BUSY (429, Retry-After). The turns are
 * the process's, as the cores are; nothing else is kept.
 */
const turns = new Semaphore(availableParallelism(), HEAVY_WORK_LIMITS.queue);

/**
 * Each request's heavy items run one after another (a page of 500 renders is 500 turns in a row,
 * not 500 waiters), so a request holds at most one turn and one place in the queue; once it is
 * refused, its remaining items are refused at once with the same answer.
 */
const lanes = new WeakMap<HeavyWorkContext, { tail: Promise<unknown>; refusal?: Error }>();

export function assertBeforeDeadline(ctx: HeavyWorkContext): void {
  if (ctx.deadline !== undefined && Date.now() > ctx.deadline) throw new QueryTimeoutError('request');
}

/** Runs `work` in its turn, within the request's deadline (checked before it starts; the work checks it itself as it goes). */
export function runHeavy<T>(ctx: HeavyWorkContext, work: () => Promise<T> | T): Promise<T> {
  let lane = lanes.get(ctx);
  if (!lane) lanes.set(ctx, (lane = { tail: Promise.resolve() }));
  const own = lane;
  const run = own.tail.then(() => inTurn(ctx, own, work));
  own.tail = run.catch(() => undefined);
  return run;
}

async function inTurn<T>(ctx: HeavyWorkContext, lane: { refusal?: Error }, work: () => Promise<T> | T): Promise<T> {
  if (lane.refusal) throw lane.refusal;
  assertBeforeDeadline(ctx);
  const left = ctx.deadline === undefined ? Infinity : ctx.deadline - Date.now();
  const grant = await turns.acquire(Math.min(HEAVY_WORK_LIMITS.waitMs, left));
  if ('refused' in grant) {
    lane.refusal =
      grant.refused === 'timeout' && left <= HEAVY_WORK_LIMITS.waitMs
        ? new QueryTimeoutError('request')
        : new ServerBusyError(turns.permits, HEAVY_WORK_LIMITS.retryAfterSeconds);
    throw lane.refusal;
  }
  try {
    assertBeforeDeadline(ctx);
    return await work();
  } finally {
    grant.release();
  }
}

/** Turns held and requests waiting now (tests, diagnostics). */
export const heavyWorkLoad = () => turns.load;
