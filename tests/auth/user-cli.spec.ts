import { spawnSync } from 'child_process';
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { openApp } from '../../src/app';
import { readEnv } from '../../src/config/env';
import { sha256 } from '../../src/auth/api-token';

const ROOT = join(__dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

/** `npm run user -- …` on a database file of this test's own, the password piped on stdin. */
describe('npm run user', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-user-cli-'));
  const env = { ...process.env, SQLITE_PATH: join(dir, 'users.sqlite'), DATABASE_URL: '', LOG_LEVEL: 'silent' };
  const user = (args: string[], input = '') => {
    const r = spawnSync(TSX, ['src/cli/user.cli.ts', ...args], { cwd: ROOT, env, input, encoding: 'utf8' });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('creates the first administrator from a password on stdin, lists it, and mints an API token shown once', async () => {
    const added = user(['add', '--name', 'root', '--role', 'ADMIN', '--password-stdin'], 'first-admin-password\n');
    expect([added.code, added.out.trim()]).toEqual([0, 'added ADMIN root (id 1)']);
    expect(user(['list']).out.trim()).toBe('1\troot\tADMIN\t-\t-\tactive');
    const minted = user(['token', '--name', 'root', '--label', 'backup', '--days', '7']);
    expect(minted.code).toBe(0);
    const token = minted.out.trim();
    expect(token).toMatch(/^nbk_[A-Za-z0-9_-]{43}$/);
    const app = await openApp(readEnv({ SQLITE_PATH: env.SQLITE_PATH } as NodeJS.ProcessEnv));
    try {
      const [row] = await app.connection.rawDataSource.query('SELECT name, token_hash, expires_at FROM api_token');
      expect(row).toMatchObject({ name: 'backup', token_hash: sha256(token) });
      const [stored] = await app.connection.rawDataSource.query('SELECT password_hash FROM user_account');
      expect(stored.password_hash).toMatch(/^\$argon2id\$/);
    } finally {
      await app.close();
    }
  }, 60_000);

  it('never takes a password from the command line, and names the option at fault', () => {
    const inArgv = user(['add', '--name', 'x', '--role', 'ADMIN', '--password', 'first-admin-password']);
    expect([inArgv.code, inArgv.err]).toEqual([2, expect.stringMatching(/Unknown option '--password'/)]);
    const noStdin = user(['add', '--name', 'x', '--role', 'ADMIN']);
    expect([noStdin.code, noStdin.err]).toEqual([2, expect.stringMatching(/--password-stdin is required/)]);
    const badAgency = user(['add', '--name', 'x', '--role', 'AGENCY', '--agency', 'seven', '--password-stdin'], 'long-enough-password\n');
    expect([badAgency.code, badAgency.err]).toEqual([2, expect.stringMatching(/--agency must be a positive whole number, not "seven"/)]);
    const badRegion = user(
      ['add', '--name', 'x', '--role', 'SUPERVISOR', '--region', '999999', '--password-stdin'],
      'long-enough-password\n',
    );
    expect([badRegion.code, badRegion.err.trim()]).toEqual([1, '--region 999999: no such region']);
    const badRole = user(['add', '--name', 'x', '--role', 'OWNER', '--password-stdin'], 'long-enough-password\n');
    expect([badRole.code, badRole.err]).toEqual([1, expect.stringMatching(/^--role "OWNER": one of ADMIN, SUPERVISOR, AGENCY, ANALYST/)]);
    expect(user(['list']).out.trim().split('\n')).toHaveLength(1);
  }, 90_000);
});
