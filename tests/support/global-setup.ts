import { buildWebIfStale } from '../../web/build-if-stale';

/**
 * Builds the dashboard once per run when stale (every browser test file serves web/dist; one build
 * here, not one per file racing into the same directory). Decides once per run whether the MariaDB
 * half runs; REQUIRE_MYSQL=1 makes an unreachable server fatal.
 */
export default async function globalSetup(): Promise<void> {
  buildWebIfStale((m) => console.log(`\n${m}`));
  const root = process.env.TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';
  const url = new URL(root);
  let reachable = false;
  try {
    const mysql = await import('mysql2/promise');
    const c = await mysql.createConnection({
      host: url.hostname,
      port: Number(url.port || 3306),
      user: url.username || 'root',
      password: url.password,
      connectTimeout: 3000,
    });
    await c.end();
    reachable = true;
  } catch (e) {
    if (process.env.REQUIRE_MYSQL === '1')
      throw new Error(`REQUIRE_MYSQL=1 but MariaDB is not reachable at ${root}: ${(e as Error).message}`, { cause: e });
    console.warn(`\nMariaDB not reachable at ${root}: the MariaDB half of the suite is skipped (REQUIRE_MYSQL=1 makes this fatal)`);
  }
  process.env.NIANBAO_TEST_MYSQL = reachable ? '1' : '0';
}
