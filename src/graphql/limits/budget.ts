/**
 * Points per caller per hour, over a sliding window, in this process (sharing it between server
 * processes comes with scaling past one machine: README "Limits"). Spending is kept in one-minute
 * buckets, so a caller costs at most 60 numbers, and at most `maxCallers` callers are remembered
 * (the least recently seen forgotten first): no stream of new addresses can grow it without bound.
 */
export const WINDOW_MS = 60 * 60 * 1000;
const BUCKET_MS = 60 * 1000;

interface Account {
  /** [bucket start, points], oldest first. */
  buckets: Array<[number, number]>;
  spent: number;
}

export interface BudgetState {
  limit: number;
  remaining: number;
  /** When the points spent in the oldest minute of the window come back (ISO 8601). */
  resetAt: string;
}

export interface Charge extends BudgetState {
  allowed: boolean;
}

export class BudgetStore {
  private readonly callers = new Map<string, Account>();

  constructor(
    private readonly maxCallers = 100_000,
    private readonly now: () => number = Date.now,
  ) {}

  private account(key: string, t: number): Account {
    let a = this.callers.get(key);
    if (a) this.callers.delete(key);
    else a = { buckets: [], spent: 0 };
    // Re-inserted last: Map order is the recency order evicted from.
    this.callers.set(key, a);
    while (a.buckets.length && a.buckets[0][0] + WINDOW_MS <= t) a.spent -= a.buckets.shift()![1];
    if (this.callers.size > this.maxCallers) this.callers.delete(this.callers.keys().next().value!);
    return a;
  }

  /**
   * Charges `cost` to `key` when `limit` allows it, else charges nothing. `resetAt` is the time
   * enough points have come back for this cost (now, when they have).
   */
  charge(key: string, cost: number, limit: number): Charge {
    const t = this.now();
    const a = this.account(key, t);
    const allowed = a.spent + cost <= limit;
    if (allowed && cost > 0) {
      const start = t - (t % BUCKET_MS);
      const last = a.buckets[a.buckets.length - 1];
      if (last && last[0] === start) last[1] += cost;
      else a.buckets.push([start, cost]);
      a.spent += cost;
    }
    return { allowed, limit, remaining: Math.max(0, limit - a.spent), resetAt: new Date(this.freedAt(a, allowed ? 0 : cost, limit, t)).toISOString() };
  }

  private freedAt(a: Account, need: number, limit: number, t: number): number {
    let spent = a.spent;
    if (need === 0) return a.buckets.length ? a.buckets[0][0] + WINDOW_MS : t;
    for (const [start, points] of a.buckets) {
      spent -= points;
      if (spent + need <= limit) return start + WINDOW_MS;
    }
    // More than the whole budget: it never fits; the window's end is the honest answer.
    return t + WINDOW_MS;
  }
}
