import pino from 'pino';
import { createDemoAccounts, demoAccountsAllowed } from '../seeds/demo-accounts.seed';
import { seedIfEmpty } from '../seeds/seed';
import { openApp } from './app';
import { tokenSettings } from './auth/token-settings';
import { readEnv } from './config/env';
import { startRollupFoldJob } from './rollup/rollup-fold.job';
import { startServer } from './server';

async function main() {
  const env = readEnv();
  // Refuse at once, before touching the database, what startServer would refuse: production without JWT_SECRET.
  tokenSettings(env);
  const log = pino({ level: env.LOG_LEVEL });
  const app = await openApp(env);
  if (await seedIfEmpty(app, env.REGION_SEED)) {
    log.info('empty database: loaded regions, the seed agencies and the sample report');
    // Only now, on the sample SQLite database: their passwords exist nowhere but in this one message.
    if (demoAccountsAllowed(env)) {
      const demo = await createDemoAccounts(app);
      console.log(
        [
          'Demo accounts of the sample database (passwords shown this once; log in with mutation { login(name, password) { token } }):',
          ...demo.map((d) => `  ${d.name.padEnd(26)} ${d.role.padEnd(11)} ${d.password}   ${d.scope}`),
        ].join('\n'),
      );
    }
  }
  const server = await startServer(app, env);
  // Queries never fold the roll-up queue (they add it on the fly): this job does, on the primary.
  const folding = startRollupFoldJob(app.connection, env.ROLLUP_FOLD_INTERVAL_MS, log);
  log.info({ engine: app.connection.engine, url: server.url }, `Nianbao GraphQL ready at ${server.url}`);
  const stop = async () => {
    await server.stop();
    await folding.stop();
    await app.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
