import { createHash } from 'crypto';
import { execFileSync } from 'child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'fs';
import { join, relative } from 'path';

const WEB = __dirname;
const ROOT = join(WEB, '..');
export const WEB_DIST = join(WEB, 'dist');
const STAMP = join(WEB_DIST, '.build-hash');
// What the bundle is made of: the app (web/src/generated, the typed operations, included), the
// GraphiQL page (when present), the config (tsconfig.json too: Vite transpiles by it), the README
// (the workbench bundles its example queries), the locked packages, and src/shared: the one server
// folder the browser may import (editions, checks, decimal, figures; the same rules, not a copy).
// A change to any of them makes the build stale.
const INPUTS = [
  ...['src', 'graphiql', 'index.html', 'vite.config.ts', 'tsconfig.json', 'map-assets.ts'].map((p) => join(WEB, p)),
  join(ROOT, 'src', 'shared'),
  join(ROOT, 'README.md'),
];

function files(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .filter((n) => n !== 'node_modules' && n !== 'dist')
    .sort()
    .flatMap((n) => files(join(path, n)));
}

/** A digest of every input's path and bytes: the build is stale exactly when it changes. */
export function sourceHash(): string {
  const h = createHash('sha256');
  for (const f of [...INPUTS.flatMap(files), join(ROOT, 'package-lock.json')]) {
    h.update(relative(ROOT, f));
    if (existsSync(f)) h.update(readFileSync(f));
  }
  return h.digest('hex');
}

/** Builds web/dist with vite when it is missing or older than its sources; returns whether it built. */
export function buildWebIfStale(log: (m: string) => void = () => {}): boolean {
  const hash = sourceHash();
  if (existsSync(STAMP) && readFileSync(STAMP, 'utf8').trim() === hash) return false;
  log('building the dashboard (web/dist is missing or stale)…');
  const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  execFileSync(process.execPath, [vite, 'build', '--config', join(WEB, 'vite.config.ts'), '--logLevel', 'warn'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
  });
  writeFileSync(STAMP, hash);
  return true;
}

if (require.main === module) {
  const built = buildWebIfStale((m) => console.log(m));
  if (!built) console.log('dashboard: web/dist is up to date');
}
