import pino from 'pino';
import { seedIfEmpty } from '../seeds/seed';
import { openApp } from './app';
import { readEnv } from './config/env';
import { startServer } from './server';

async function main() {
  const env = readEnv();
  const log = pino({ level: env.LOG_LEVEL });
  const { db, services } = await openApp(env);
  if (await seedIfEmpty(db, services.imports, env.REGION_SEED)) log.info('empty database: loaded regions, the seed agencies and the sample report');
  const server = await startServer(db, env, services);
  log.info({ engine: db.options.type, url: server.url }, `Nianbao GraphQL ready at ${server.url}`);
  const stop = async () => {
    await server.stop();
    await db.destroy();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
