/**
 * The server of tests/limits/file-bombs.e2e-spec.ts, in a process of its own so that the test reads
 * its resident memory honestly and sees that it survives: the engine named by argv[2] (a database of
 * its own), the regions of 济宁市, the seed report, 汶上县 generated for two years (reports to render),
 * and an agency editor of the seed's agency. Prints one JSON line when ready: its URL, the editor's
 * Authorization header and agency id. REQUEST_DEADLINE_MS is taken from this process's environment.
 */
import type { Engine } from '../../src/data/engine';
import { generate } from '../../src/generator/generator';
import { AUTH_ENV } from '../auth/test-accounts';
import { startTestApp } from '../support/test-app';
import { agencyIdOf, signInAll } from '../workflow/workflow-accounts';

async function main() {
  const engine = (process.argv[2] ?? 'sqlite') as Engine;
  const app = await startTestApp(engine, 'file_bombs', {
    env: {
      LOG_LEVEL: 'silent',
      ANONYMOUS_BUDGET_PER_HOUR: '0',
      QUERY_BUDGET_PER_HOUR: '0',
      REQUEST_DEADLINE_MS: process.env.REQUEST_DEADLINE_MS ?? '10000',
      ...AUTH_ENV,
    },
  });
  await app.importSeed();
  const manifest = await generate(app.connection, {
    region: '370830',
    fromYear: 2021,
    toYear: 2024,
    seed: 18,
    departments: 20,
    institutions: 20,
  });
  const agencyId = await agencyIdOf(app);
  const { editor } = await signInAll(app, { editor: { name: 'bomb-editor', role: 'AGENCY', agencyId } });
  process.stdout.write(`${JSON.stringify({ url: app.server.url, editor, agencyId, reports: manifest.reports })}\n`);
  process.on('SIGTERM', () => void app.stop().then(() => process.exit(0)));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
