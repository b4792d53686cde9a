import { existsSync } from 'fs';
import { join, relative, isAbsolute } from 'path';

/**
 * `../shared` beside the project root: seed, format reference and real fixtures (absent in some
 * checkouts). Every test that reads it finds it here, so that `NIANBAO_HIDE_SHARED=1` can make them
 * all act as on a checkout without it: CI always has ../shared, and runs those tests a second time
 * with it hidden (.ci/run) so a fallback that fails without it is seen.
 */
export const SHARED_DIR = join(__dirname, '..', '..', '..', 'shared');
export const FIXTURES_DIR = join(SHARED_DIR, 'fixtures');
export const SHARED_HIDDEN = !['', '0', undefined].includes(process.env.NIANBAO_HIDE_SHARED);

function inShared(path: string): boolean {
  const rel = relative(SHARED_DIR, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** `existsSync`, except that nothing under ../shared exists while NIANBAO_HIDE_SHARED=1. */
export function existsHere(path: string): boolean {
  return !(SHARED_HIDDEN && inShared(path)) && existsSync(path);
}

export const hasFixtures = existsHere(FIXTURES_DIR);

/** Why ../shared/fixtures cannot be read, for skip messages. */
export const FIXTURES_ABSENT = SHARED_HIDDEN
  ? `${FIXTURES_DIR} is hidden (NIANBAO_HIDE_SHARED=1)`
  : `${FIXTURES_DIR} not found (the shared fixtures are not beside this checkout)`;

/**
 * `describe` when ../shared/fixtures exists. Otherwise the block's body is not even collected (it may
 * list the folder), and one skipped test says why.
 */
export function describeWithFixtures(name: string, fn: () => void): void {
  if (!hasFixtures) console.warn(`${name}: skipped, ${FIXTURES_ABSENT}`);
  const reason = () => it(`skipped: ${FIXTURES_ABSENT}`, () => undefined);
  (hasFixtures ? describe : describe.skip)(name, hasFixtures ? fn : reason);
}
