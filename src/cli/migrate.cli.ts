import { readEnv } from '../config/env';
import { openDatabase } from '../data/open-database';

/** Runs the committed migrations against the configured database (npm start does the same before serving). */
async function main() {
  const connection = await openDatabase(readEnv());
  const applied = await connection.appliedMigrations();
  console.log(`${connection.engine}: ${applied.length} migrations applied (${applied.join(', ')})`);
  await connection.close();
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
