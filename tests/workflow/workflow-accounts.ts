import type { NewUserInput } from '../../src/services/account.service';
import { bearer, createAccount, logIn } from '../auth/test-accounts';
import type { TestApp } from '../support/test-app';

/** The seed's branch centre in 汶上县 (370830): the agency the workflow tests file for. */
export const WENSHANG_AGENCY = '济宁市公共资源交易服务中心汶上分中心';

export async function agencyIdOf(app: TestApp, name = WENSHANG_AGENCY): Promise<number> {
  const [row] = await app.db.query('SELECT id FROM agency WHERE name = ?', [name]);
  return Number(row.id);
}

/** Accounts created as the CLI does and signed in through the endpoint: their Authorization headers by role name. */
export async function signInAll(
  app: TestApp,
  accounts: Record<string, Omit<NewUserInput, 'password'>>,
): Promise<Record<string, Record<string, string>>> {
  const out: Record<string, Record<string, string>> = {};
  for (const [who, input] of Object.entries(accounts)) {
    const acc = await createAccount(app, input);
    out[who] = bearer(await logIn(app, acc.user.name, acc.password));
  }
  return out;
}
