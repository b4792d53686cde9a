import type { ApiToken as ApiTokenRow, User } from '../../../entities';
import { BadInputError } from '../../common/errors';
import type { AccountResolvers, ApiToken, MutationResolvers, QueryResolvers, ResolversParentTypes } from '../../generated/graphql';
import type { Services } from '../../services';

/** An ID argument as the positive integer it stands for, or an error naming the argument. */
function idOf(value: string, argument: string): number {
  if (!/^[1-9]\d{0,9}$/.test(value)) throw new BadInputError(`${argument} "${value}": not an id`, { argument });
  return Number(value);
}

/** What the API shows of an account: never its password hash. */
const account = (u: User): ResolversParentTypes['Account'] => ({
  id: String(u.id),
  name: u.name,
  role: u.role,
  regionCode: u.regionCode,
  agencyId: u.agencyId === null ? null : String(u.agencyId),
  disabled: u.disabled,
  createdAt: u.createdAt,
});

const apiToken = (t: ApiTokenRow): ApiToken => ({
  id: String(t.id),
  name: t.name,
  prefix: t.prefix,
  createdAt: t.createdAt,
  expiresAt: t.expiresAt,
  lastUsedAt: t.lastUsedAt,
  revokedAt: t.revokedAt,
});

export function accountResolvers(s: Pick<Services, 'accounts' | 'regions' | 'agencies'>): {
  Query: QueryResolvers;
  Mutation: MutationResolvers;
  Account: AccountResolvers;
} {
  return {
    Query: {
      me: async (_, __, ctx) => {
        const user = await s.accounts.me(ctx);
        return user && account(user);
      },
      apiTokens: async (_, __, ctx) => (await s.accounts.apiTokens(ctx)).map(apiToken),
      users: async (_, __, ctx) => (await s.accounts.users(ctx)).map(account),
    },
    Mutation: {
      login: async (_, a, ctx) => {
        const { token, expiresAt } = await s.accounts.login(ctx, a.name, a.password);
        return { token, expiresAt: expiresAt.toISOString() };
      },
      createApiToken: async (_, a, ctx) => {
        const { token, row } = await s.accounts.createApiToken(ctx, a.name, a.expiresInDays);
        return { token, apiToken: apiToken(row) };
      },
      revokeApiToken: async (_, a, ctx) => apiToken(await s.accounts.revokeApiToken(ctx, idOf(a.id, 'id'))),
      createUser: async (_, { input }, ctx) =>
        account(await s.accounts.createUser(ctx, { ...input, agencyId: input.agencyId == null ? null : idOf(input.agencyId, 'agencyId') })),
      disableUser: async (_, a, ctx) => account(await s.accounts.disableUser(ctx, idOf(a.id, 'id'))),
    },
    Account: {
      region: (a, _, ctx) => (a.regionCode ? s.regions.byCode(ctx, a.regionCode) : null),
      agency: (a, _, ctx) => (a.agencyId ? s.agencies.byId(ctx, Number(a.agencyId)) : null),
    },
  };
}
