import { accountKeyOf, addressKeyOf, lockedUntil, nameKeyOf, type LoginThrottleSettings } from '../auth/login-throttle';
import type { DataContext, TransactionalConnection } from '../data/transactional-connection';

/** One key a login attempt counts against, with the failures it may have before it locks. */
export interface ThrottleKey {
  key: string;
  free: number;
}

export interface ThrottleCheck {
  /** How long until an attempt is answered, ms; 0: now. */
  waitMs: number;
  /** When that is. */
  retryAt: number;
  /** The account's key has a run of failures (a successful login clears it). */
  accountHasRun: boolean;
}

/** Old runs are deleted at most once a minute per process. */
const PRUNE_EVERY_MS = 60_000;

/**
 * Login throttling kept in the database (login_throttle), so that every server behind a load
 * balancer counts the same failures: one read of the attempt's keys before the password is checked,
 * one upsert per failure, one delete when a login succeeds after failures. Attempts sent at the same
 * instant are all checked before the first failure lands; each is counted, so the lockout that
 * follows a burst is the longer for it.
 */
export class LoginThrottleService {
  private prunedAt = 0;

  constructor(
    private readonly connection: TransactionalConnection,
    readonly settings: LoginThrottleSettings,
    private readonly now: () => number = Date.now,
  ) {}

  /** The account's key (by id when it exists, else by the name asked) first, then the address's, if known and throttled. */
  keysOf(userId: number | null, name: string, address: string | null | undefined): ThrottleKey[] {
    const keys = [{ key: userId !== null ? accountKeyOf(userId) : nameKeyOf(name), free: this.settings.freePerAccount }];
    if (address && this.settings.freePerAddress > 0)
      keys.push({ key: `address:${addressKeyOf(address)}`, free: this.settings.freePerAddress });
    return keys;
  }

  async check(ctx: DataContext, keys: readonly ThrottleKey[]): Promise<ThrottleCheck> {
    const t = this.now();
    const rows = await this.connection.repos(ctx).loginThrottle.rows(keys.map((k) => k.key));
    let until = 0;
    for (const row of rows) {
      const free = keys.find((k) => k.key === row.key)?.free ?? 0;
      until = Math.max(until, lockedUntil(row, free, this.settings));
    }
    return { waitMs: Math.max(0, until - t), retryAt: Math.max(until, t), accountHasRun: rows.some((r) => r.key === keys[0].key) };
  }

  /** One failure more on every key of the attempt (in txCtx's transaction, with the audit row). */
  async recordFailure(txCtx: DataContext, keys: readonly ThrottleKey[]): Promise<void> {
    const t = this.now();
    // Sorted: two attempts locking the same rows take them in one order, never each other's first.
    const sorted = keys.map((k) => k.key).sort();
    await this.connection.repos(txCtx).loginThrottle.addFailure(sorted, t, t - this.settings.windowMs);
  }

  /** A successful login ends its account's run; the address's stays, so a guesser cannot reset it by logging into an account of its own. */
  async clear(ctx: DataContext, keys: readonly ThrottleKey[]): Promise<void> {
    await this.connection.repos(ctx).loginThrottle.clear(keys[0].key);
  }

  /** Deletes runs that neither count nor lock any more. */
  async prune(ctx: DataContext): Promise<void> {
    const t = this.now();
    if (t - this.prunedAt < PRUNE_EVERY_MS) return;
    this.prunedAt = t;
    await this.connection.repos(ctx).loginThrottle.prune(t - Math.max(this.settings.windowMs, this.settings.lockoutMaxMs));
  }
}
