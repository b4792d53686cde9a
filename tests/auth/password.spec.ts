import { checkPassword, hashPassword, verifyPassword } from '../../src/auth/password';

describe('password hashing', () => {
  it('keeps an argon2id hash, salted, that verifies the password and nothing else', async () => {
    const a = await hashPassword('correct horse battery');
    const b = await hashPassword('correct horse battery');
    expect(a).toMatch(/^\$argon2id\$v=19\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword(a, 'correct horse battery')).toBe(true);
    expect(await verifyPassword(a, 'correct horse batterY')).toBe(false);
    expect(await verifyPassword('not-a-hash', 'x')).toBe(false);
  });

  it('never accepts a password without a stored hash, and takes as long as a real check', async () => {
    const stored = await hashPassword('correct horse battery');
    await verifyPassword(null, 'warm-up');
    const time = async (f: () => Promise<unknown>) => {
      const t = process.hrtime.bigint();
      await f();
      return Number(process.hrtime.bigint() - t);
    };
    const median = (xs: number[]) => xs.sort((x, y) => x - y)[Math.floor(xs.length / 2)];
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 5; i++) {
      known.push(await time(() => verifyPassword(stored, 'wrong')));
      unknown.push(await time(() => verifyPassword(null, 'wrong')));
    }
    expect(await verifyPassword(null, '')).toBe(false);
    // Without the throwaway hash an unknown name would answer in microseconds, not a comparable time.
    expect(median(unknown) / median(known)).toBeGreaterThan(0.3);
  });

  it('refuses passwords too short or too long, naming the argument', () => {
    expect(() => checkPassword('short')).toThrow(/password: at least 12/);
    expect(() => checkPassword('x'.repeat(257), '--password-stdin')).toThrow(/--password-stdin: at most 256/);
    expect(() => checkPassword('twelve chars')).not.toThrow();
  });
});
