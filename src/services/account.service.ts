import type { ApiToken, User } from '../../entities';
import { ACCOUNT_ROLES, type AccountRole } from '../../entities/user.entity';
import { DEFAULT_LOGIN_THROTTLE, type LoginThrottleSettings } from '../auth/login-throttle';
import { apiTokenPrefix, isWellFormedApiToken, looksLikeApiToken, matchesHash, mintApiToken } from '../auth/api-token';
import { checkPassword, hashPassword, PASSWORD_MAX, verifyPassword } from '../auth/password';
import type { SignedToken, TokenService } from '../auth/token.service';
import type { Viewer } from '../auth/viewer';
import { BadInputError, ConflictError, LoginThrottledError, NotFoundError, UnauthenticatedError, UnavailableError } from '../common/errors';
import type { Repositories } from '../data/repositories';
import type { TransactionalConnection } from '../data/transactional-connection';
import type { RequestContext } from '../context/request-context';
import { assertMayAdminister, mayBeUnconfined, mayRevokeToken, signedInUserId } from '../policy/account.policy';
import { AuditService } from './audit.service';
import { LoginThrottleService } from './login-throttle.service';

export interface NewUserInput {
  name: string;
  role: string;
  regionCode?: string | null;
  agencyId?: number | null;
  password: string;
}

export interface NewApiToken {
  /** The token itself: shown this once, only its hash is kept. */
  token: string;
  row: ApiToken;
}

/** One answer for a wrong name, a wrong password and a disabled account: no one learns which names exist. */
const WRONG_LOGIN = 'wrong name or password';
const NAME = /^[\p{L}\p{N}._@-]{1,100}$/u;
/** Supervisors oversee a city or a county and its subtree (issue 9). */
const SUPERVISED_LEVELS = ['CITY', 'COUNTY'];
const now = () => new Date().toISOString();
/** A token's last use is written at most once a minute: one small write per token, not one per request. */
const TOUCH_EVERY_MS = 60_000;

/**
 * Accounts, login and API tokens. Built once without signing keys (the CLI needs none); the server
 * derives one with its keys by `withTokens`, so nothing here changes after construction.
 */
export class AccountService {
  private readonly audit: AuditService;
  private readonly throttle: LoginThrottleService;

  constructor(
    private readonly connection: TransactionalConnection,
    private readonly tokens: TokenService | null = null,
    throttle: LoginThrottleSettings = DEFAULT_LOGIN_THROTTLE,
  ) {
    this.audit = new AuditService(connection);
    this.throttle = new LoginThrottleService(connection, throttle);
  }

  withTokens(tokens: TokenService, throttle: LoginThrottleSettings = this.throttle.settings): AccountService {
    return new AccountService(this.connection, tokens, throttle);
  }

  /**
   * A token for a name and password. Throttled per account and per client address (README
   * "Accounts and roles"): a locked attempt is refused before its password is checked, so a correct
   * password is refused too until the lockout ends.
   */
  async login(ctx: RequestContext, name: string, password: string): Promise<SignedToken> {
    if (!this.tokens) throw new UnavailableError('login is answered by the GraphQL server only');
    const user = NAME.test(name) ? await this.connection.repos(ctx).users.byName(name) : null;
    const address = ctx.clientAddress ?? null;
    const keys = this.throttle.keysOf(user?.id ?? null, name, address);
    const failed = (reason: string) => ({ name, address, reason, windowMs: this.throttle.settings.windowMs });
    const lock = await this.throttle.check(ctx, keys);
    if (lock.waitMs > 0) {
      await this.connection.withTransaction(ctx, (tx) => this.audit.countFailedLogin(tx, ctx.viewer, failed('locked out')));
      throw new LoginThrottledError(Math.max(1, Math.ceil(lock.waitMs / 1000)), new Date(lock.retryAt).toISOString());
    }
    // Always one argon2 verification (against a throwaway hash without an account): a wrong name costs what a wrong password costs.
    const ok = await verifyPassword(user?.passwordHash ?? null, password.length <= PASSWORD_MAX ? password : '');
    // The failure is counted against each key and in its audit row (name asked, never the password), both committed before the refusal.
    if (!user || !ok || user.disabled) {
      const reason = user ? (user.disabled ? 'account disabled' : 'wrong password') : 'no such account';
      await this.connection.withTransaction(ctx, async (tx) => {
        await this.throttle.recordFailure(tx, keys);
        await this.audit.countFailedLogin(tx, ctx.viewer, failed(reason));
      });
      await this.throttle.prune(ctx);
      throw new UnauthenticatedError(WRONG_LOGIN);
    }
    if (lock.accountHasRun) await this.throttle.clear(ctx, keys);
    const signed = await this.tokens.sign({ userId: user.id, role: user.role, regionCode: user.regionCode, agencyId: user.agencyId });
    const [region] = user.regionCode ? await this.connection.repos(ctx).regions.byCodes([user.regionCode]) : [];
    const who: Viewer = { id: user.name, role: user.role, regionPath: region?.path ?? null, agencyId: user.agencyId, userId: user.id };
    await this.connection.withTransaction(ctx, (tx) => this.audit.record(tx, who, { action: 'LOGIN', agencyId: user.agencyId }));
    return signed;
  }

  /**
   * The viewer behind an Authorization header, or null when there is none. Role and scope are the
   * account's as stored now: a disabled account, or a token whose claims no longer match its
   * account, is refused.
   */
  async authenticate(authorization: string | undefined): Promise<Viewer | null> {
    if (authorization === undefined || authorization.trim() === '') return null;
    const bearer = /^Bearer +(\S+)\s*$/i.exec(authorization);
    if (!bearer) throw new UnauthenticatedError('the Authorization header must read "Bearer <token>"');
    const token = bearer[1];
    const user = looksLikeApiToken(token) ? await this.userOfApiToken(token) : await this.userOfLoginToken(token);
    return this.viewerOf(user);
  }

  private async userOfLoginToken(token: string): Promise<User> {
    if (!this.tokens) throw new UnauthenticatedError('token refused: this process verifies no login tokens');
    const claims = await this.tokens.verify(token);
    const user = await this.connection.repos().users.byId(claims.userId);
    if (!user || user.disabled) throw new UnauthenticatedError('token refused: the account is unknown or disabled');
    if (user.role !== claims.role || user.regionCode !== claims.regionCode || user.agencyId !== claims.agencyId) {
      throw new UnauthenticatedError("token refused: its role or scope is not the account's; log in again");
    }
    return user;
  }

  private async userOfApiToken(token: string): Promise<User> {
    if (!isWellFormedApiToken(token)) throw new UnauthenticatedError('API token malformed');
    const repos = this.connection.repos();
    const row = (await repos.apiTokens.activeByPrefix(apiTokenPrefix(token))).find((r) => matchesHash(token, r.tokenHash));
    if (!row) throw new UnauthenticatedError('API token unknown or revoked');
    const at = new Date();
    if (row.expiresAt && Date.parse(row.expiresAt) <= at.getTime()) throw new UnauthenticatedError('API token expired');
    const user = await repos.users.byId(row.userId);
    if (!user || user.disabled) throw new UnauthenticatedError('API token refused: the account is disabled');
    // The last use is a hint, recorded when the connection may write: a server reading a read-only
    // connection (a replica) still accepts the token (tests/structure/read-only-queries.e2e-spec.ts).
    if (!row.lastUsedAt || Date.parse(row.lastUsedAt) <= at.getTime() - TOUCH_EVERY_MS)
      await repos.apiTokens.touch(row.id, at.toISOString()).catch(() => undefined);
    return user;
  }

  private async viewerOf(user: User): Promise<Viewer> {
    let regionPath: string | null = null;
    if (user.regionCode !== null) {
      const [region] = await this.connection.repos().regions.byCodes([user.regionCode]);
      if (!region) throw new UnauthenticatedError(`the account's region ${user.regionCode} is not loaded`);
      regionPath = region.path;
    }
    // Only ADMIN and an explicitly unconfined ANALYST read everywhere; any other row without a region is refused, never unconfined.
    if (regionPath === null && !mayBeUnconfined(user.role))
      throw new UnauthenticatedError(`the account has no region, which a ${user.role} needs`);
    return { id: user.name, role: user.role, regionPath, agencyId: user.agencyId, userId: user.id };
  }

  async me(ctx: RequestContext): Promise<User | null> {
    return ctx.viewer.userId ? this.connection.repos(ctx).users.byId(ctx.viewer.userId) : null;
  }

  async users(ctx: RequestContext): Promise<User[]> {
    assertMayAdminister(ctx.viewer);
    return this.connection.repos(ctx).users.list();
  }

  async createUser(ctx: RequestContext, input: NewUserInput): Promise<User> {
    assertMayAdminister(ctx.viewer);
    const name = input.name.trim();
    if (!NAME.test(name)) throw new BadInputError(`name "${input.name}": 1 to 100 letters, digits or . _ @ -`, { argument: 'name' });
    if (!(ACCOUNT_ROLES as readonly string[]).includes(input.role))
      throw new BadInputError(`role "${input.role}": one of ${ACCOUNT_ROLES.join(', ')}`, { argument: 'role' });
    const role = input.role as AccountRole;
    checkPassword(input.password);
    const passwordHash = await hashPassword(input.password);
    return this.connection.withTransaction(ctx, async (tx) => {
      const repos = this.connection.repos(tx);
      const scope = await scopeOf(repos, role, input.regionCode ?? null, input.agencyId ?? null);
      if (await repos.users.byName(name)) throw new ConflictError(`an account named ${name} exists already`, { argument: 'name' });
      const user = await repos.users.insert({ name, role, ...scope, passwordHash, createdAt: now() });
      await this.audit.record(tx, ctx.viewer, {
        action: 'CREATE_USER',
        agencyId: user.agencyId,
        after: { id: user.id, name, role, regionCode: user.regionCode, agencyId: user.agencyId },
      });
      await repos.dataVersions.bump();
      return user;
    });
  }

  /** Disables an account and revokes its API tokens; its login tokens stop at their next request. */
  async disableUser(ctx: RequestContext, id: number): Promise<User> {
    assertMayAdminister(ctx.viewer);
    if (id === ctx.viewer.userId) throw new ConflictError('an administrator cannot disable their own account', { argument: 'id' });
    return this.connection.withTransaction(ctx, async (tx) => {
      const repos = this.connection.repos(tx);
      const user = await repos.users.byId(id);
      if (!user) throw new NotFoundError('account', id);
      await repos.users.disable(id);
      await repos.apiTokens.revokeAllOf(id, now());
      await this.audit.record(tx, ctx.viewer, {
        action: 'DISABLE_USER',
        agencyId: user.agencyId,
        before: { id, disabled: user.disabled },
        after: { id, disabled: true },
      });
      await repos.dataVersions.bump();
      return { ...user, disabled: true };
    });
  }

  /** An account by name, for the CLI. */
  async byName(ctx: RequestContext, name: string): Promise<User> {
    assertMayAdminister(ctx.viewer);
    const user = await this.connection.repos(ctx).users.byName(name);
    if (!user) throw new NotFoundError('account', name);
    return user;
  }

  /** A new API token of the signed-in viewer (or, for an administrator, of `forUserId`): the token is in the answer once. */
  async createApiToken(ctx: RequestContext, name: string, expiresInDays?: number | null, forUserId?: number): Promise<NewApiToken> {
    if (forUserId !== undefined) assertMayAdminister(ctx.viewer);
    const userId = forUserId ?? signedInUserId(ctx.viewer);
    const label = name.trim();
    if (label.length < 1 || label.length > 100) throw new BadInputError('name: 1 to 100 characters', { argument: 'name' });
    if (expiresInDays != null && (!Number.isInteger(expiresInDays) || expiresInDays < 1 || expiresInDays > 3650)) {
      throw new BadInputError(`expiresInDays ${expiresInDays}: a whole number of days from 1 to 3650`, { argument: 'expiresInDays' });
    }
    const minted = mintApiToken();
    const createdAt = new Date();
    const expiresAt = expiresInDays != null ? new Date(createdAt.getTime() + expiresInDays * 86_400_000).toISOString() : null;
    return this.connection.withTransaction(ctx, async (tx) => {
      const repos = this.connection.repos(tx);
      const user = await repos.users.byId(userId);
      if (!user || user.disabled) throw new NotFoundError('account', userId);
      const row = await repos.apiTokens.insert({
        userId,
        name: label,
        prefix: minted.prefix,
        tokenHash: minted.hash,
        createdAt: createdAt.toISOString(),
        expiresAt,
      });
      await this.audit.record(tx, ctx.viewer, {
        action: 'CREATE_API_TOKEN',
        after: { id: row.id, userId, name: label, prefix: minted.prefix, expiresAt },
      });
      await repos.dataVersions.bump();
      return { token: minted.token, row };
    });
  }

  async apiTokens(ctx: RequestContext): Promise<ApiToken[]> {
    return this.connection.repos(ctx).apiTokens.ofUser(signedInUserId(ctx.viewer));
  }

  /** Revokes one of the viewer's tokens (an administrator: anyone's). Another's token is "not found", so ids reveal nothing. */
  async revokeApiToken(ctx: RequestContext, id: number): Promise<ApiToken> {
    signedInUserId(ctx.viewer);
    return this.connection.withTransaction(ctx, async (tx) => {
      const repos = this.connection.repos(tx);
      const row = await repos.apiTokens.byId(id);
      if (!row || !mayRevokeToken(ctx.viewer, row)) throw new NotFoundError('API token', id);
      const revokedAt = row.revokedAt ?? now();
      if (!row.revokedAt) await repos.apiTokens.revoke(id, revokedAt);
      await this.audit.record(tx, ctx.viewer, {
        action: 'REVOKE_API_TOKEN',
        before: { id, revokedAt: row.revokedAt },
        after: { id, revokedAt },
      });
      await repos.dataVersions.bump();
      return { ...row, revokedAt };
    });
  }
}

/** The stored scope of a new account: each role's rules, with the argument at fault named. */
async function scopeOf(
  repos: Repositories,
  role: AccountRole,
  regionCode: string | null,
  agencyId: number | null,
): Promise<Pick<User, 'regionCode' | 'agencyId'>> {
  if (role === 'ADMIN') {
    if (regionCode !== null || agencyId !== null)
      throw new BadInputError('an ADMIN is unconfined: give it no region and no agency', {
        argument: regionCode !== null ? 'regionCode' : 'agencyId',
      });
    return { regionCode: null, agencyId: null };
  }
  if (role === 'AGENCY') {
    if (agencyId === null) throw new BadInputError('agencyId: an AGENCY account needs the agency it edits', { argument: 'agencyId' });
    const [agency] = await repos.agencies.byIds([agencyId]);
    if (!agency) throw new BadInputError(`agencyId ${agencyId}: no such agency`, { argument: 'agencyId' });
    if (regionCode !== null && regionCode !== agency.regionCode)
      throw new BadInputError(`regionCode ${regionCode}: agency ${agencyId} sits in ${agency.regionCode}`, { argument: 'regionCode' });
    return { regionCode: agency.regionCode, agencyId };
  }
  if (agencyId !== null) throw new BadInputError(`agencyId: only an AGENCY account has an agency, not a ${role}`, { argument: 'agencyId' });
  if (regionCode === null) {
    if (role === 'SUPERVISOR')
      throw new BadInputError('regionCode: a SUPERVISOR needs the city or county it oversees', { argument: 'regionCode' });
    return { regionCode: null, agencyId: null };
  }
  const [region] = await repos.regions.byCodes([regionCode]);
  if (!region) throw new BadInputError(`regionCode ${regionCode}: no such region`, { argument: 'regionCode' });
  if (role === 'SUPERVISOR' && !SUPERVISED_LEVELS.includes(region.level))
    throw new BadInputError(`regionCode ${regionCode}: a SUPERVISOR oversees a city or a county, not a ${region.level}`, {
      argument: 'regionCode',
    });
  return { regionCode, agencyId: null };
}
