/**
 * The server of tests/limits/abuse.e2e-spec.ts, in a process of its own so that the test can read
 * its resident memory (/proc/<pid>/status) and see that it survives: an in-memory SQLite with the
 * regions of 济宁市, the seed agencies and the seed report. Prints its URL on stdout when ready.
 */
import { startTestApp } from '../support/test-app';

async function main() {
  const app = await startTestApp('sqlite', 'abuse', { env: { LOG_LEVEL: 'silent', ANONYMOUS_BUDGET_PER_HOUR: '0' } });
  await app.importSeed();
  process.stdout.write(`${app.server.url}\n`);
  process.on('SIGTERM', () => void app.stop().then(() => process.exit(0)));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
