import { execFile, spawnSync } from 'child_process';
import { mkdtempSync, rmSync, statSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { promisify } from 'util';
import { SEED_REPORT } from '../../seeds/seed';

const run = promisify(execFile);
const ROOT = join(__dirname, '..', '..');
// Four copies of the seed: well over the 64 KiB a pipe holds, so an exit before the drain cuts it.
const ARGS = ['--import', 'tsx', 'src/cli/import.cli.ts', '--dry-run', '--json', SEED_REPORT, SEED_REPORT, SEED_REPORT, SEED_REPORT];
const RUNS = 20;

describe("the import CLI's machine-readable output", () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'nianbao-cli-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it(`is never cut: --dry-run --json | wc -c equals the size written to a file, ${RUNS} runs out of ${RUNS}`, async () => {
    const file = join(dir, 'out.json');
    const toFile = spawnSync('sh', ['-c', `node ${ARGS.map((a) => `'${a}'`).join(' ')} > '${file}'`], {
      cwd: ROOT,
      env: { ...process.env, LOG_LEVEL: 'silent' },
    });
    expect(toFile.status).toBe(0);
    const size = statSync(file).size;
    expect(size).toBeGreaterThan(65_536 * 2);
    const cmd = `node ${ARGS.map((a) => `'${a}'`).join(' ')} | wc -c`;
    const sizes: number[] = [];
    // Two at a time: the machine is shared.
    for (let i = 0; i < RUNS; i += 2) {
      const out = await Promise.all([0, 1].map(() => run('sh', ['-c', cmd], { cwd: ROOT, env: { ...process.env, LOG_LEVEL: 'silent' } })));
      sizes.push(...out.map((o) => Number(o.stdout.trim())));
    }
    expect(sizes).toEqual(Array(RUNS).fill(size));
  }, 300_000);
});
