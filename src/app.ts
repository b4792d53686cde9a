import type { Env } from './config/env';
import { openDatabase, type OpenOptions } from './data/open-database';
import type { TransactionalConnection } from './data/transactional-connection';
import { createServices, type Services } from './services';

export interface App {
  connection: TransactionalConnection;
  services: Services;
  close(): Promise<void>;
}

/** Opens the database (created if missing), runs committed migrations, and builds the services: what every entry point shares. */
export async function openApp(env: Env, opts: OpenOptions = {}): Promise<App> {
  const connection = await openDatabase(env, opts);
  return { connection, services: createServices(connection), close: () => connection.close() };
}
