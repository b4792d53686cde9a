import { isIPv4, isIPv6 } from 'net';
import type { Env } from '../config/env';

/** The throttling rule of logins (README "Accounts and roles"); every figure is a setting. */
export interface LoginThrottleSettings {
  /** Failures of one account (or name asked) before the first lockout. */
  freePerAccount: number;
  /** Failures from one client address before the first lockout; 0: addresses are not throttled. */
  freePerAddress: number;
  /** A run of failures ends when this long passes without one; failed-login audit rows are counted per window of this length. */
  windowMs: number;
  /** The first lockout; each further failure doubles it … */
  lockoutBaseMs: number;
  /** … up to this. */
  lockoutMaxMs: number;
}

export type LoginThrottleEnv = Partial<
  Pick<
    Env,
    'LOGIN_FREE_FAILURES' | 'LOGIN_FREE_FAILURES_PER_ADDRESS' | 'LOGIN_FAILURE_WINDOW_MS' | 'LOGIN_LOCKOUT_BASE_MS' | 'LOGIN_LOCKOUT_MAX_MS'
  >
>;

export const DEFAULT_LOGIN_THROTTLE: LoginThrottleSettings = {
  freePerAccount: 5,
  freePerAddress: 20,
  windowMs: 15 * 60_000,
  lockoutBaseMs: 1000,
  lockoutMaxMs: 15 * 60_000,
};

export function loginThrottleSettings(env: LoginThrottleEnv): LoginThrottleSettings {
  const d = DEFAULT_LOGIN_THROTTLE;
  return {
    freePerAccount: env.LOGIN_FREE_FAILURES ?? d.freePerAccount,
    freePerAddress: env.LOGIN_FREE_FAILURES_PER_ADDRESS ?? d.freePerAddress,
    windowMs: env.LOGIN_FAILURE_WINDOW_MS ?? d.windowMs,
    lockoutBaseMs: env.LOGIN_LOCKOUT_BASE_MS ?? d.lockoutBaseMs,
    lockoutMaxMs: env.LOGIN_LOCKOUT_MAX_MS ?? d.lockoutMaxMs,
  };
}

/** A run of failures as stored: how many, and when the last came (ms since the epoch). */
export interface FailureRun {
  failures: number;
  lastFailureAt: number;
}

/**
 * When a key's lockout ends (ms since the epoch; 0: not locked): the k-th failure past the free
 * ones locks for base · 2^(k-1), capped. A run whose last failure is a window old is over.
 */
export function lockedUntil(run: FailureRun, free: number, s: LoginThrottleSettings): number {
  const past = run.failures - free;
  if (past <= 0) return 0;
  // 2^31 ms is past any cap anyone sets: no float overflow for a long run.
  const lock = Math.min(s.lockoutBaseMs * 2 ** Math.min(past - 1, 31), s.lockoutMaxMs);
  return run.lastFailureAt + lock;
}

/**
 * The address a key counts by: an IPv4 address (also when it arrives IPv4-mapped on a dual-stack
 * socket), or the /64 network of an IPv6 one, since one subscriber holds a whole /64 and could
 * otherwise change address at every guess.
 */
export function addressKeyOf(address: string): string {
  const bare = address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '').replace(/%.*$/, '');
  if (isIPv4(bare) || !isIPv6(bare)) return bare.toLowerCase();
  return `${ipv6Groups(bare).slice(0, 4).join(':')}::/64`;
}

/** The eight 16-bit groups of an IPv6 address, without leading zeros ("::" expanded, a dotted IPv4 tail as two groups). */
function ipv6Groups(address: string): string[] {
  const [head, tail] = address.toLowerCase().split('::');
  const parts = (s: string | undefined) =>
    (s ? s.split(':') : []).flatMap((p) => {
      if (!p.includes('.')) return [p];
      const [a, b, c, d] = p.split('.').map(Number);
      return [((a << 8) | b).toString(16), ((c << 8) | d).toString(16)];
    });
  const h = parts(head);
  const t = parts(tail);
  const groups = tail === undefined ? h : [...h, ...Array<string>(8 - h.length - t.length).fill('0'), ...t];
  return groups.map((g) => g.replace(/^0+(?=.)/, ''));
}

/**
 * The name a throttle counts failures of an unknown account by: case-folded, since MariaDB finds
 * accounts by name without regard to case, and a guesser must not get a fresh allowance per spelling.
 */
export const nameKeyOf = (name: string) => `name:${name.normalize('NFKC').toLowerCase().slice(0, 100)}`;
export const accountKeyOf = (userId: number) => `account:${userId}`;
