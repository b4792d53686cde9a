import { SignJWT } from 'jose';
import type { User } from '../../entities';
import type { NewUserInput } from '../../src/services/account.service';
import type { TestApp } from '../support/test-app';

/** The secret the test servers sign with (32 characters: RFC 7518 asks for 256 bits for HS256). */
export const TEST_SECRET = 'test-secret-of-at-least-32-chars';
export const AUTH_ENV = { JWT_SECRET: TEST_SECRET };

export interface SignOptions {
  secret?: string;
  alg?: string;
  /** Seconds since the epoch, a jose time span ('10m'), or null for a token without `exp`. */
  expires?: string | number | null;
  issuer?: string | null;
  audience?: string | null;
  subject?: string | null;
  /** `iat`, seconds since the epoch (default: now). */
  issuedAt?: number;
}

/**
 * A token signed as a test wishes, defaulting to exactly what the server issues (HS256, iss and aud
 * "nianbao", iat, exp in ten minutes): each refusal test changes one thing only.
 */
export function signToken(claims: Record<string, unknown>, opts: SignOptions = {}): Promise<string> {
  const jwt = new SignJWT(claims).setProtectedHeader({ alg: opts.alg ?? 'HS256' }).setIssuedAt(opts.issuedAt);
  if (opts.subject !== null) jwt.setSubject(opts.subject ?? 'tester');
  if (opts.issuer !== null) jwt.setIssuer(opts.issuer ?? 'nianbao');
  if (opts.audience !== null) jwt.setAudience(opts.audience ?? 'nianbao');
  if (opts.expires !== null) jwt.setExpirationTime(opts.expires ?? '10m');
  return jwt.sign(new TextEncoder().encode(opts.secret ?? TEST_SECRET));
}

export interface TestAccount {
  user: User;
  password: string;
  /** The claims login puts in a token of this account. */
  claims: { role: string; regionCode: string | null; agencyId: number | null };
}

/** An account stored by the service (as the CLI does), with a password made for it. */
export async function createAccount(app: TestApp, input: Omit<NewUserInput, 'password'> & { password?: string }): Promise<TestAccount> {
  const password = input.password ?? `pw-${input.name}-${Math.random().toString(36).slice(2)}`;
  const user = await app.services.accounts.createUser(app.ctx(), { ...input, password });
  return { user, password, claims: { role: user.role, regionCode: user.regionCode, agencyId: user.agencyId } };
}

/** A token the server would accept for this account, signed here; `claims` overrides what it says. */
export const tokenOf = (a: TestAccount, claims: Record<string, unknown> = {}, opts: SignOptions = {}) =>
  signToken({ ...a.claims, ...claims }, { subject: String(a.user.id), ...opts });

/** Logs in through the real endpoint and returns the token. */
export async function logIn(app: TestApp, name: string, password: string): Promise<string> {
  const res = await app.gql<{ login: { token: string } }>(
    `mutation($n: String!, $p: String!) { login(name: $n, password: $p) { token } }`,
    { n: name, p: password },
  );
  if (!res.data?.login) throw new Error(`login of ${name} failed: ${res.errors?.[0]?.message}`);
  return res.data.login.token;
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
