import type { App } from '../src/app';
import { randomPassword } from '../src/auth/password';
import { SYSTEM } from '../src/auth/viewer';
import type { Env } from '../src/config/env';
import { createRequestContext } from '../src/context/request-context';
import { SEED_AGENCIES } from './seed';

export interface DemoAccount {
  name: string;
  role: string;
  scope: string;
  password: string;
}

/** Demo accounts belong to the sample SQLite database of a fresh clone only: never with a database URL or in production. */
export function demoAccountsAllowed(env: Pick<Env, 'DATABASE_URL' | 'NODE_ENV'>): boolean {
  return !env.DATABASE_URL && env.NODE_ENV !== 'production';
}

/**
 * One account of each role but ADMIN over the seed chain (README, "Accounts and roles"), each with a
 * random password returned once. No administrator: that one is made on purpose, with `npm run user`.
 */
export async function createDemoAccounts(app: Pick<App, 'connection' | 'services'>): Promise<DemoAccount[]> {
  const ctx = createRequestContext(app.connection, SYSTEM);
  const branch = SEED_AGENCIES.find((a) => a.kind === 'BRANCH_CENTRE')!;
  const [agency] = (await app.connection.repos().agencies.byName(branch.name)).filter((a) => a.regionCode === branch.regionCode);
  if (!agency) throw new Error(`demo accounts: the seed agency ${branch.name} is not loaded`);
  const wanted = [
    { name: 'demo-jining-supervisor', role: 'SUPERVISOR', regionCode: '370800', scope: '370800 济宁市 and below' },
    { name: 'demo-wenshang-supervisor', role: 'SUPERVISOR', regionCode: '370830', scope: '370830 汶上县 and below' },
    { name: 'demo-wenshang-agency', role: 'AGENCY', agencyId: agency.id, scope: `agency ${agency.id} ${agency.name}` },
    { name: 'demo-analyst', role: 'ANALYST', regionCode: '370800', scope: 'published data of 370800' },
  ];
  const out: DemoAccount[] = [];
  for (const { scope, ...input } of wanted) {
    const password = randomPassword();
    await app.services.accounts.createUser(ctx, { ...input, password });
    out.push({ name: input.name, role: input.role, scope, password });
  }
  return out;
}
