/**
 * Longest-common-subsequence length by bit-parallelism (Allison–Dix / Hyyrö): one machine word
 * stands for a row of the classic table, so a label pair costs one step per character of the text
 * instead of one per cell. Patterns up to 32 code points fit a 32-bit word; longer ones use the table.
 */
export const MAX_BIT_LCS = 32;

/** Per code point of the pattern, the bits of the positions it stands at. */
export type PatternMasks = Map<number, number>;

export function patternMasks(pattern: readonly number[]): PatternMasks {
  if (pattern.length > MAX_BIT_LCS) throw new RangeError(`pattern longer than ${MAX_BIT_LCS}`);
  const masks: PatternMasks = new Map();
  pattern.forEach((cp, i) => masks.set(cp, ((masks.get(cp) ?? 0) | (1 << i)) >>> 0));
  masks.set(LENGTH_KEY, pattern.length);
  return masks;
}

/** A key no code point takes, holding the pattern's length. */
const LENGTH_KEY = -1;

export function bitLcsLength(masks: PatternMasks, text: readonly number[]): number {
  const m = masks.get(LENGTH_KEY)!;
  if (m === 0) return 0;
  let v = 0xffffffff;
  for (let i = 0; i < text.length; i++) {
    const u = (v & (masks.get(text[i]) ?? 0)) >>> 0;
    // The sum may carry past bit 31: ToInt32 (the `|`) keeps it modulo 2^32, as a machine word would.
    v = ((v + u) | (v - u)) >>> 0;
  }
  const live = m === 32 ? 0xffffffff : (1 << m) - 1;
  return popcount(~v & live);
}

function popcount(x: number): number {
  x = x - ((x >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}
