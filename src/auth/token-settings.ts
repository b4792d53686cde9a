import { randomBytes } from 'crypto';
import type { Env } from '../config/env';

export type TokenEnv = Pick<Env, 'JWT_SECRET' | 'JWT_ISSUER' | 'JWT_AUDIENCE' | 'TOKEN_TTL_SECONDS' | 'NODE_ENV'>;

export interface TokenSettings {
  key: Uint8Array;
  issuer: string;
  audience: string;
  ttlSeconds: number;
  /** True when the key was made up for this process: tokens do not outlive a restart. */
  ephemeral: boolean;
}

/**
 * The signing key and claims every token is checked against. Production refuses to start without
 * JWT_SECRET; anywhere else a missing secret becomes a random key for this process only, so that a
 * fresh clone can log in at once and no guessable default secret ever exists.
 */
export function tokenSettings(env: TokenEnv): TokenSettings {
  if (!env.JWT_SECRET && env.NODE_ENV === 'production')
    throw new Error('JWT_SECRET is required when NODE_ENV=production (at least 32 characters)');
  return {
    key: env.JWT_SECRET ? new TextEncoder().encode(env.JWT_SECRET) : randomBytes(32),
    issuer: env.JWT_ISSUER,
    audience: env.JWT_AUDIENCE,
    ttlSeconds: env.TOKEN_TTL_SECONDS,
    ephemeral: !env.JWT_SECRET,
  };
}
