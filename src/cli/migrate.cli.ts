import { openApp } from '../app';
import { readEnv } from '../config/env';

/** Runs the committed migrations against the configured database (npm start does the same before serving). */
async function main() {
  const { db } = await openApp(readEnv());
  const applied: Array<{ name: string }> = await db.query('SELECT name FROM migrations ORDER BY id');
  console.log(`${db.options.type}: ${applied.length} migrations applied (${applied.map((m) => m.name).join(', ')})`);
  await db.destroy();
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
