import { openApp, type App } from '../../src/app';
import { tokenSettings } from '../../src/auth/token-settings';
import { TokenService } from '../../src/auth/token.service';
import { SYSTEM } from '../../src/auth/viewer';
import { readEnv } from '../../src/config/env';
import { createRequestContext } from '../../src/context/request-context';
import { createDemoAccounts, demoAccountsAllowed } from '../../seeds/demo-accounts.seed';
import { seedAgencies, seedRegions } from '../../seeds/seed';

describe('demo accounts', () => {
  let app: App;
  beforeAll(async () => {
    app = await openApp(readEnv({ SQLITE_PATH: ':memory:' } as NodeJS.ProcessEnv));
    await seedRegions(app.connection, '3708');
    await seedAgencies(app.connection);
  });
  afterAll(() => app.close());

  it('exist only for the sample SQLite database outside production', () => {
    expect(demoAccountsAllowed(readEnv({} as NodeJS.ProcessEnv))).toBe(true);
    expect(demoAccountsAllowed(readEnv({ DATABASE_URL: 'mysql://root@127.0.0.1:3306/nianbao' } as NodeJS.ProcessEnv))).toBe(false);
    expect(demoAccountsAllowed(readEnv({ NODE_ENV: 'production' } as NodeJS.ProcessEnv))).toBe(false);
  });

  it('are a city and a county supervisor, the seed agency editor and an analyst, each logging in with its own random password', async () => {
    const demo = await createDemoAccounts(app);
    const ctx = createRequestContext(app.connection, SYSTEM);
    const users = await app.services.accounts.users(ctx);
    const [branch] = await app.connection.repos().agencies.byName('济宁市公共资源交易服务中心汶上分中心');
    expect(users.map((u) => [u.role, u.regionCode, u.agencyId])).toEqual([
      ['SUPERVISOR', '370800', null],
      ['SUPERVISOR', '370830', null],
      ['AGENCY', '370830', branch.id],
      ['ANALYST', '370800', null],
    ]);
    expect(new Set(demo.map((d) => d.password)).size).toBe(4);
    const accounts = app.services.accounts.withTokens(new TokenService(tokenSettings(readEnv({} as NodeJS.ProcessEnv))));
    for (const d of demo) {
      expect(d.password.length).toBeGreaterThanOrEqual(16);
      await expect(accounts.login(ctx, d.name, d.password)).resolves.toMatchObject({ token: expect.any(String) });
      await expect(accounts.login(ctx, d.name, demo.find((o) => o !== d)!.password)).rejects.toThrow(/wrong name or password/);
    }
  });
});
