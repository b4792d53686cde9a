import { randomBytes } from 'crypto';
import { hash, verify } from '@node-rs/argon2';
import { BadInputError } from '../common/errors';

/** Bounds of a password: long enough to resist guessing, short enough that hashing it costs no more than usual. */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 256;

export function checkPassword(password: string, where = 'password'): void {
  if (password.length < PASSWORD_MIN) throw new BadInputError(`${where}: at least ${PASSWORD_MIN} characters`, { argument: where });
  if (password.length > PASSWORD_MAX) throw new BadInputError(`${where}: at most ${PASSWORD_MAX} characters`, { argument: where });
}

/** argon2id (the library's default algorithm) with its default cost; the salt is inside the returned PHC string. */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

let dummy: Promise<string> | null = null;

/**
 * Checks a password against a stored hash; without one (no such account) it checks against a
 * throwaway hash of the same cost, so that a wrong name takes as long as a wrong password.
 */
export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  dummy ??= hash(randomBytes(32).toString('base64url'));
  const target = stored ?? (await dummy);
  const ok = await verify(target, password).catch(() => false);
  return stored !== null && ok;
}

/** A random password for a demo account: 128 bits, URL-safe. */
export function randomPassword(): string {
  return randomBytes(16).toString('base64url');
}
