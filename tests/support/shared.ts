import { existsSync } from 'fs';
import { join } from 'path';

/** `../shared` beside the project root: seed, format reference and real fixtures (absent in some checkouts). */
export const SHARED_DIR = join(__dirname, '..', '..', '..', 'shared');
export const FIXTURES_DIR = join(SHARED_DIR, 'fixtures');
export const hasFixtures = existsSync(FIXTURES_DIR);

/**
 * `describe` when ../shared/fixtures exists. Otherwise the block's body is not even collected (it may
 * list the folder), and one skipped test says why.
 */
export function describeWithFixtures(name: string, fn: () => void): void {
  if (!hasFixtures) console.warn(`${name}: skipped, ${FIXTURES_DIR} not found (the shared fixtures are not beside this checkout)`);
  const reason = () => it(`needs ${FIXTURES_DIR}, which is not beside this checkout`, () => undefined);
  (hasFixtures ? describe : describe.skip)(name, hasFixtures ? fn : reason);
}
