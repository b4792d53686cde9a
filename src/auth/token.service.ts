import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';
import { ACCOUNT_ROLES } from '../../entities/user.entity';
import { UnauthenticatedError } from '../common/errors';
import type { TokenSettings } from './token-settings';

/** The one algorithm tokens are signed and accepted with. */
const ALGORITHM = 'HS256';
/** How far in the future a token's `iat` may lie: the clocks of several servers differ a little, never by more. */
const IAT_SKEW_SECONDS = 60;

/**
 * What a login token says, checked strictly: every claim present, of its one type, nothing else.
 * An empty or numeric regionCode, a role array or SYSTEM are refused, never read as "unconfined".
 */
const ClaimsSchema = z.strictObject({
  sub: z.string().regex(/^[1-9]\d{0,9}$/, 'must be an account id'),
  role: z.enum(ACCOUNT_ROLES),
  regionCode: z
    .string()
    .regex(/^(\d{6}|\d{9}|\d{12})$/, 'must be a 6, 9 or 12-digit GB/T 2260 code')
    .nullable(),
  agencyId: z.number().int().positive().nullable(),
  iss: z.string(),
  aud: z.union([z.string(), z.array(z.string())]),
  iat: z.number().int(),
  exp: z.number().int(),
});

export type TokenClaims = z.infer<typeof ClaimsSchema>;
export type AccountClaims = Pick<TokenClaims, 'role' | 'regionCode' | 'agencyId'> & { userId: number };

export interface SignedToken {
  token: string;
  expiresAt: Date;
}

/** Why jose refused a token, in words for the caller (the message names the failed check, never the key). */
function refusal(e: unknown): string {
  if (e instanceof joseErrors.JWTExpired) return 'token expired: log in again';
  if (e instanceof joseErrors.JWTClaimValidationFailed)
    return `token refused: claim ${e.claim} ${e.reason === 'missing' ? 'is missing' : 'is wrong'}`;
  if (e instanceof joseErrors.JOSEAlgNotAllowed) return `token refused: only ${ALGORITHM} is accepted`;
  return 'token refused: malformed or wrongly signed';
}

export class TokenService {
  constructor(readonly settings: TokenSettings) {}

  async sign(claims: AccountClaims): Promise<SignedToken> {
    const now = Math.floor(Date.now() / 1000);
    const exp = now + this.settings.ttlSeconds;
    const token = await new SignJWT({ role: claims.role, regionCode: claims.regionCode, agencyId: claims.agencyId })
      .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
      .setSubject(String(claims.userId))
      .setIssuer(this.settings.issuer)
      .setAudience(this.settings.audience)
      .setIssuedAt(now)
      .setExpirationTime(exp)
      .sign(this.settings.key);
    return { token, expiresAt: new Date(exp * 1000) };
  }

  /** The claims of a token signed here, or UnauthenticatedError saying which check failed. */
  async verify(token: string): Promise<AccountClaims> {
    let payload: unknown;
    try {
      ({ payload } = await jwtVerify(token, this.settings.key, {
        algorithms: [ALGORITHM],
        issuer: this.settings.issuer,
        audience: this.settings.audience,
        requiredClaims: ['sub', 'iat', 'exp', 'iss', 'aud'],
      }));
    } catch (e) {
      throw new UnauthenticatedError(refusal(e));
    }
    const parsed = ClaimsSchema.safeParse(payload);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new UnauthenticatedError(`token refused: claim ${issue.path.join('.') || '(payload)'} ${issue.message}`);
    }
    const c = parsed.data;
    // Issued in the future: not made by this server's clock (a minute allowed for clock skew between servers).
    if (c.iat > Math.floor(Date.now() / 1000) + IAT_SKEW_SECONDS) throw new UnauthenticatedError('token refused: issued in the future');
    // Tokens are short-lived by construction: one that claims a longer life was not made by login.
    if (c.exp - c.iat > this.settings.ttlSeconds) throw new UnauthenticatedError('token refused: lifetime longer than this server issues');
    return { userId: Number(c.sub), role: c.role, regionCode: c.regionCode, agencyId: c.agencyId };
  }
}
