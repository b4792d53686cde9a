import { DataSource } from 'typeorm';
import { dataSourceOptions, ensureDatabase } from '../ormconfig';
import type { Env } from './config/env';
import { createServices, type Services } from './services';

export interface App {
  db: DataSource;
  services: Services;
}

/** Opens the database, runs committed migrations, and builds the services: what every entry point shares. */
export async function openApp(env: Env): Promise<App> {
  await ensureDatabase(env);
  const db = new DataSource(dataSourceOptions(env));
  await db.initialize();
  await db.runMigrations({ transaction: 'each' });
  return { db, services: createServices() };
}
