/**
 * The server of tests/limits/memory-bound.e2e-spec.ts, in a process of its own (run with
 * --expose-gc) so that the test reads its resident memory after a full collection: SIGUSR2
 * collects and prints `rss <bytes>`. Anonymous budgets off: the test sends a thousand requests.
 */
import { startTestApp } from '../support/test-app';

async function main() {
  const app = await startTestApp('sqlite', 'memory', { env: { LOG_LEVEL: 'silent', ANONYMOUS_BUDGET_PER_HOUR: '0' } });
  await app.importSeed();
  process.on('SIGUSR2', () => {
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    gc?.();
    process.stdout.write(`rss ${process.memoryUsage().rss}\n`);
  });
  process.stdout.write(`${app.server.url}\n`);
  process.on('SIGTERM', () => void app.stop().then(() => process.exit(0)));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
