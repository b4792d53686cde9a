/**
 * Points per caller per hour, over a sliding window. Spending is kept in one-minute buckets, so a
 * caller costs at most 60 numbers. Two ledgers: this process's memory (one server), or the
 * database (several stateless servers share one budget per caller: shared-budget.ts), chosen by
 * BUDGET_STORE. Both settle a charge with `settle` below, so they answer alike.
 */
export const WINDOW_MS = 60 * 60 * 1000;
export const BUCKET_MS = 60 * 1000;

/** [bucket start, points], oldest first. */
export type Buckets = Array<[number, number]>;

export interface BudgetState {
  limit: number;
  remaining: number;
  /** When the points spent in the oldest minute of the window come back (ISO 8601). */
  resetAt: string;
}

export interface Charge extends BudgetState {
  allowed: boolean;
}

/** Where spending is kept: `charge` charges `cost` to `key` when `limit` allows it, else nothing. */
export interface BudgetLedger {
  charge(key: string, cost: number, limit: number): Promise<Charge>;
}

/** The bucket a charge at `t` goes into. */
export const bucketOf = (t: number) => t - (t % BUCKET_MS);

/**
 * A charge against the buckets of the window (those older than WINDOW_MS left out): allowed when
 * it fits; `resetAt` is when enough points have come back for this cost (now, when they have).
 * `window` is the window after the charge: the live buckets, the cost added to this minute's.
 */
export function settle(buckets: Buckets, cost: number, limit: number, t: number): Charge & { window: Buckets } {
  const live = buckets.filter(([start]) => start + WINDOW_MS > t);
  const before = live.reduce((s, [, p]) => s + p, 0);
  const allowed = before + cost <= limit;
  const spent = allowed ? before + cost : before;
  if (allowed && cost > 0) {
    const start = bucketOf(t);
    if (live.length && live[live.length - 1][0] === start) live[live.length - 1] = [start, live[live.length - 1][1] + cost];
    else live.push([start, cost]);
  }
  return {
    allowed,
    limit,
    remaining: Math.max(0, limit - spent),
    resetAt: new Date(freedAt(live, spent, allowed ? 0 : cost, limit, t)).toISOString(),
    window: live,
  };
}

function freedAt(buckets: Buckets, spentNow: number, need: number, limit: number, t: number): number {
  if (need === 0) return buckets.length ? buckets[0][0] + WINDOW_MS : t;
  let spent = spentNow;
  for (const [start, points] of buckets) {
    spent -= points;
    if (spent + need <= limit) return start + WINDOW_MS;
  }
  // More than the whole budget: it never fits; the window's end is the honest answer.
  return t + WINDOW_MS;
}

/**
 * This process's ledger. At most `maxCallers` callers are remembered (the least recently seen
 * forgotten first): no stream of new addresses can grow it without bound.
 */
export class BudgetStore implements BudgetLedger {
  private readonly callers = new Map<string, Buckets>();

  constructor(
    private readonly maxCallers = 100_000,
    private readonly now: () => number = Date.now,
  ) {}

  async charge(key: string, cost: number, limit: number): Promise<Charge> {
    const { window, ...charge } = settle(this.callers.get(key) ?? [], cost, limit, this.now());
    // Re-inserted last: Map order is the recency order evicted from.
    this.callers.delete(key);
    this.callers.set(key, window);
    if (this.callers.size > this.maxCallers) this.callers.delete(this.callers.keys().next().value!);
    return charge;
  }
}
