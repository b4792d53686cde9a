import { addressKeyOf, DEFAULT_LOGIN_THROTTLE, lockedUntil, loginThrottleSettings, nameKeyOf } from '../../src/auth/login-throttle';
import { readEnv } from '../../src/config/env';

describe('the login throttling rule', () => {
  const s = DEFAULT_LOGIN_THROTTLE;
  const at = 1_000_000;

  it('leaves the free failures unlocked, then locks 1, 2, 4 … seconds, capped at 15 minutes', () => {
    const lock = (failures: number) => lockedUntil({ failures, lastFailureAt: at }, 5, s) - at;
    expect([0, 1, 5].map((f) => lockedUntil({ failures: f, lastFailureAt: at }, 5, s))).toEqual([0, 0, 0]);
    expect([6, 7, 8, 9, 15].map(lock)).toEqual([1000, 2000, 4000, 8000, 512_000]);
    expect([16, 17, 40, 1_000_000].map(lock)).toEqual([900_000, 900_000, 900_000, 900_000]);
  });

  it('reads its figures from the environment, with defaults', () => {
    expect(loginThrottleSettings(readEnv({} as NodeJS.ProcessEnv))).toEqual(s);
    expect(
      loginThrottleSettings(readEnv({ LOGIN_LOCKOUT_BASE_MS: '50', LOGIN_FREE_FAILURES_PER_ADDRESS: '0' } as NodeJS.ProcessEnv)),
    ).toMatchObject({ lockoutBaseMs: 50, freePerAddress: 0 });
    expect(() => readEnv({ LOGIN_FREE_FAILURES: '0' } as NodeJS.ProcessEnv)).toThrow(/LOGIN_FREE_FAILURES/);
  });

  it('counts an IPv4 client as itself however the socket shows it, and an IPv6 client by its /64', () => {
    expect(addressKeyOf('::ffff:203.0.113.9')).toBe('203.0.113.9');
    expect(addressKeyOf('203.0.113.9')).toBe('203.0.113.9');
    expect(addressKeyOf('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(addressKeyOf('2001:0db8:0001:0002:ffff:1:2:3')).toBe('2001:db8:1:2::/64');
    expect(addressKeyOf('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressKeyOf('::1')).toBe('0:0:0:0::/64');
    expect(addressKeyOf('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
  });

  it('counts an unknown name without regard to case or width, as MariaDB finds accounts', () => {
    expect(nameKeyOf('Admin')).toBe(nameKeyOf('admin'));
    expect(nameKeyOf('ＡＤＭＩＮ')).toBe(nameKeyOf('admin'));
  });
});
