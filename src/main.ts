import pino from 'pino';
import { seedIfEmpty } from '../seeds/seed';
import { openApp } from './app';
import { readEnv } from './config/env';
import { startServer } from './server';

async function main() {
  const env = readEnv();
  const log = pino({ level: env.LOG_LEVEL });
  const app = await openApp(env);
  if (await seedIfEmpty(app, env.REGION_SEED)) log.info('empty database: loaded regions, the seed agencies and the sample report');
  const server = await startServer(app, env);
  log.info({ engine: app.connection.engine, url: server.url }, `Nianbao GraphQL ready at ${server.url}`);
  const stop = async () => {
    await server.stop();
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
