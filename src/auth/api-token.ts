import { createHash, randomBytes, timingSafeEqual } from 'crypto';

/** API tokens read `nbk_` and 32 random bytes in base64url (43 characters). */
export const API_TOKEN_MARK = 'nbk_';
const API_TOKEN_SHAPE = /^nbk_[A-Za-z0-9_-]{43}$/;
/** How much of a token is kept in clear to find its row and to show which token a row is. */
const PREFIX_LENGTH = 12;

export interface MintedApiToken {
  token: string;
  prefix: string;
  hash: string;
}

export const sha256 = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

export function mintApiToken(): MintedApiToken {
  const token = API_TOKEN_MARK + randomBytes(32).toString('base64url');
  return { token, prefix: token.slice(0, PREFIX_LENGTH), hash: sha256(token) };
}

export const looksLikeApiToken = (token: string) => token.startsWith(API_TOKEN_MARK);
export const isWellFormedApiToken = (token: string) => API_TOKEN_SHAPE.test(token);
export const apiTokenPrefix = (token: string) => token.slice(0, PREFIX_LENGTH);

/** Compares a presented token with a stored hash in constant time. */
export function matchesHash(token: string, storedHash: string): boolean {
  const a = Buffer.from(sha256(token), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
