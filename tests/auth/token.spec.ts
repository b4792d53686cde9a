import { TokenService } from '../../src/auth/token.service';
import { tokenSettings } from '../../src/auth/token-settings';
import { readEnv } from '../../src/config/env';
import { signToken, TEST_SECRET } from './test-accounts';

const env = (extra: Record<string, string> = {}) => readEnv({ JWT_SECRET: TEST_SECRET, ...extra } as NodeJS.ProcessEnv);

describe('login tokens', () => {
  const service = new TokenService(tokenSettings(env()));

  it('round-trips the claims of an account, with exp, iat, iss and aud', async () => {
    const { token, expiresAt } = await service.sign({ userId: 7, role: 'SUPERVISOR', regionCode: '370830', agencyId: null });
    expect(await service.verify(token)).toEqual({ userId: 7, role: 'SUPERVISOR', regionCode: '370830', agencyId: null });
    const payload = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
    expect(payload).toMatchObject({ sub: '7', iss: 'nianbao', aud: 'nianbao' });
    expect(payload.exp - payload.iat).toBe(3600);
    expect(expiresAt.getTime()).toBe(payload.exp * 1000);
    expect(JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString()).alg).toBe('HS256');
  });

  it('names the claim that failed', async () => {
    await expect(service.verify(await signToken({ role: 'ROOT', regionCode: null, agencyId: null }, { subject: '7' }))).rejects.toThrow(
      /claim role/,
    );
    await expect(service.verify(await signToken({ role: 'ANALYST', regionCode: '', agencyId: null }, { subject: '7' }))).rejects.toThrow(
      /claim regionCode/,
    );
    await expect(
      service.verify(await signToken({ role: 'ANALYST', regionCode: null, agencyId: null }, { subject: '7', issuer: 'x' })),
    ).rejects.toThrow(/claim iss/);
    await expect(
      service.verify(await signToken({ role: 'ANALYST', regionCode: null, agencyId: null }, { subject: '7', alg: 'HS512' })),
    ).rejects.toThrow(/only HS256/);
  });

  it('refuses a token issued more than a minute in the future, and allows a little clock skew', async () => {
    const now = Math.floor(Date.now() / 1000);
    const claims = { role: 'ANALYST', regionCode: null, agencyId: null };
    const future = await signToken(claims, { subject: '7', issuedAt: now + 3600, expires: now + 3600 + 600 });
    await expect(service.verify(future)).rejects.toThrow(/issued in the future/);
    const justOver = await signToken(claims, { subject: '7', issuedAt: now + 90, expires: now + 600 });
    await expect(service.verify(justOver)).rejects.toThrow(/issued in the future/);
    const skewed = await signToken(claims, { subject: '7', issuedAt: now + 30, expires: now + 600 });
    await expect(service.verify(skewed)).resolves.toMatchObject({ userId: 7 });
  });

  it('checks the issuer and audience this server is configured with', async () => {
    const other = new TokenService(tokenSettings(env({ JWT_ISSUER: 'nianbao-jining', JWT_AUDIENCE: 'dashboards' })));
    const { token } = await other.sign({ userId: 1, role: 'ADMIN', regionCode: null, agencyId: null });
    await expect(service.verify(token)).rejects.toThrow(/claim (iss|aud)/);
    await expect(other.verify(token)).resolves.toMatchObject({ userId: 1 });
  });
});

describe('the signing key', () => {
  it('is required in production', () => {
    expect(() => tokenSettings(readEnv({ NODE_ENV: 'production' } as NodeJS.ProcessEnv))).toThrow(/JWT_SECRET is required/);
    expect(() => readEnv({ JWT_SECRET: 'too-short-a-secret' } as NodeJS.ProcessEnv)).toThrow(/JWT_SECRET/);
  });

  it('is random per process elsewhere, so that one process cannot accept the tokens of another', async () => {
    const a = tokenSettings(readEnv({} as NodeJS.ProcessEnv));
    const b = tokenSettings(readEnv({} as NodeJS.ProcessEnv));
    expect(a.ephemeral).toBe(true);
    const { token } = await new TokenService(a).sign({ userId: 1, role: 'ANALYST', regionCode: null, agencyId: null });
    await expect(new TokenService(b).verify(token)).rejects.toThrow(/malformed or wrongly signed/);
  });
});
