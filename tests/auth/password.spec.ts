import { verify as argonVerify } from '@node-rs/argon2';
import { checkPassword, hashPassword, verifyPassword } from '../../src/auth/password';

// The module's seam: argon2's verify, counted, the real one still doing the work.
jest.mock('@node-rs/argon2', () => {
  const real = jest.requireActual('@node-rs/argon2');
  return { ...real, verify: jest.fn(real.verify) };
});
const verify = argonVerify as jest.MockedFunction<typeof argonVerify>;

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

  it('never accepts a password without a stored hash, and checks it against a hash of the same cost', async () => {
    const stored = await hashPassword('correct horse battery');
    verify.mockClear();
    expect(await verifyPassword(stored, 'wrong')).toBe(false);
    expect(await verifyPassword(null, 'wrong')).toBe(false);
    expect(await verifyPassword(null, '')).toBe(false);
    // An unknown name still runs one full argon2id verification (against the throwaway hash), so it
    // costs what a wrong password costs: the same algorithm and parameters as a stored hash.
    expect(verify).toHaveBeenCalledTimes(3);
    const [real, ...dummies] = verify.mock.calls.map(([h]) => String(h));
    expect(real).toBe(stored);
    const params = (h: string) => h.split('$').slice(1, 4).join('$');
    for (const d of dummies) {
      expect(d).not.toBe(stored);
      expect(params(d)).toBe(params(stored));
    }
  });

  it('refuses passwords too short or too long, naming the argument', () => {
    expect(() => checkPassword('short')).toThrow(/password: at least 12/);
    expect(() => checkPassword('x'.repeat(257), '--password-stdin')).toThrow(/--password-stdin: at most 256/);
    expect(() => checkPassword('twelve chars')).not.toThrow();
  });
});
