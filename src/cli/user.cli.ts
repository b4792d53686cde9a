import { parseArgs } from 'util';
import { openApp, type App } from '../app';
import { SYSTEM } from '../auth/viewer';
import { NianbaoError } from '../common/errors';
import { readEnv } from '../config/env';
import { createRequestContext } from '../context/request-context';

const USAGE = [
  'usage: npm run user -- add --name N --role ADMIN|SUPERVISOR|AGENCY|ANALYST [--region CODE] [--agency ID] --password-stdin',
  '       npm run user -- list',
  '       npm run user -- disable --name N',
  '       npm run user -- token --name N [--label TEXT] [--days N]     (prints a new API token once)',
].join('\n');

/** The option each argument of the account service is given by, so that an error names what the user typed. */
const OPTION_OF: Record<string, string> = {
  name: '--name',
  role: '--role',
  regionCode: '--region',
  agencyId: '--agency',
  password: '--password-stdin',
  expiresInDays: '--days',
};

class UsageError extends Error {}

const OPTIONS = {
  name: { type: 'string' },
  role: { type: 'string' },
  region: { type: 'string' },
  agency: { type: 'string' },
  'password-stdin': { type: 'boolean', default: false },
  label: { type: 'string' },
  days: { type: 'string' },
} as const;

type Options = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

function positiveInt(value: string | undefined, option: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^[1-9]\d{0,9}$/.test(value)) throw new UsageError(`${option} must be a positive whole number, not "${value}"`);
  return Number(value);
}

function required(value: string | undefined, option: string, command: string): string {
  if (!value) throw new UsageError(`${command}: ${option} is required`);
  return value;
}

/** The password, one line on standard input: never an argument, which other users of the machine can read. */
async function readPassword(): Promise<string> {
  if (process.stdin.isTTY)
    throw new UsageError('--password-stdin reads a pipe, not a terminal: read -rs PW && printf \'%s\\n\' "$PW" | npm run user -- add …');
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  const [line, ...rest] = text.replace(/\r?\n$/, '').split(/\r?\n/);
  if (rest.length) throw new UsageError('--password-stdin: give the password as one line');
  return line;
}

async function run(app: App, command: string, o: Options): Promise<void> {
  const ctx = createRequestContext(app.connection, SYSTEM);
  const accounts = app.services.accounts;
  if (command === 'add') {
    if (!o['password-stdin'])
      throw new UsageError('add: --password-stdin is required (the password is read from standard input, never from the command line)');
    const name = required(o.name, '--name', 'add');
    const role = required(o.role, '--role', 'add').toUpperCase();
    const agencyId = positiveInt(o.agency, '--agency') ?? null;
    const user = await accounts.createUser(ctx, { name, role, regionCode: o.region ?? null, agencyId, password: await readPassword() });
    console.log(
      `added ${user.role} ${user.name} (id ${user.id}${user.regionCode ? `, region ${user.regionCode}` : ''}${user.agencyId ? `, agency ${user.agencyId}` : ''})`,
    );
  } else if (command === 'list') {
    for (const u of await accounts.users(ctx)) {
      console.log([u.id, u.name, u.role, u.regionCode ?? '-', u.agencyId ?? '-', u.disabled ? 'disabled' : 'active'].join('\t'));
    }
  } else if (command === 'disable') {
    const user = await accounts.byName(ctx, required(o.name, '--name', 'disable'));
    await accounts.disableUser(ctx, user.id);
    console.log(`disabled ${user.name}; its API tokens are revoked and its login tokens stop at their next request`);
  } else if (command === 'token') {
    const user = await accounts.byName(ctx, required(o.name, '--name', 'token'));
    const { token, row } = await accounts.createApiToken(ctx, o.label ?? 'cli', positiveInt(o.days, '--days') ?? null, user.id);
    console.error(
      `API token ${row.prefix}… for ${user.name}${row.expiresAt ? `, until ${row.expiresAt}` : ''}: shown this once, only its hash is kept`,
    );
    console.log(token);
  }
}

const COMMANDS = ['add', 'list', 'disable', 'token'];

async function main(): Promise<number> {
  let command: string;
  let o: Options;
  try {
    const parsed = parseArgs({ allowPositionals: true, options: OPTIONS });
    [command] = parsed.positionals;
    o = parsed.values;
    if (parsed.positionals.length > 1) throw new UsageError(`unexpected argument "${parsed.positionals[1]}"`);
    if (!COMMANDS.includes(command)) throw new UsageError(command ? `unknown command "${command}"` : 'a command is required');
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  const app = await openApp(readEnv());
  try {
    await run(app, command, o);
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(`${e.message}\n${USAGE}`);
      return 2;
    }
    if (e instanceof NianbaoError) {
      // The service names its argument ("regionCode 999999: …"); the user typed an option (--region).
      const argument = String(e.extensions.argument);
      const option = OPTION_OF[argument];
      console.error(
        !option ? e.message : e.message.startsWith(argument) ? option + e.message.slice(argument.length) : `${option}: ${e.message}`,
      );
      return 1;
    }
    throw e;
  } finally {
    await app.close();
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  },
);
