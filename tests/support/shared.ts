import { existsSync } from 'fs';
import { join } from 'path';

/** `../shared` beside the project root: seed, format reference and real fixtures (absent in some checkouts). */
export const SHARED_DIR = join(__dirname, '..', '..', '..', 'shared');
export const FIXTURES_DIR = join(SHARED_DIR, 'fixtures');
export const hasFixtures = existsSync(FIXTURES_DIR);

/** `describe` when ../shared/fixtures exists; otherwise the block is skipped, and says why. */
export function describeWithFixtures(name: string, fn: () => void): void {
  if (!hasFixtures) console.warn(`${name}: skipped, ${FIXTURES_DIR} not found (the shared fixtures are not beside this checkout)`);
  (hasFixtures ? describe : describe.skip)(name, fn);
}
