import { decimalToNumber, parseDecimal, type Decimal } from '../decimal';
import type { CellValues, FindingCell } from './finding.types';

/**
 * Each cell's decimal text turned into an exact number once per values object, shared by every
 * check that reads it (the arithmetic rules read most cells several times). Keyed weakly by the
 * values object, so a report's numbers go when its values do.
 */
const cache = new WeakMap<CellValues, Map<string, Decimal | null>>();

/** The cell's exact value; null when blank (a blank is not a zero) or not a number. */
export function exactValue(values: CellValues, key: string): Decimal | null {
  let parsed = cache.get(values);
  if (!parsed) cache.set(values, (parsed = new Map()));
  let d = parsed.get(key);
  if (d === undefined) {
    const text = values[key];
    d = text == null ? null : parseDecimal(text);
    parsed.set(key, d);
  }
  return d;
}

const numbers = new WeakMap<CellValues, Map<string, number | null>>();

/** A cell as a finding shows it, from its once-parsed exact value (its number also worked out once: cells recur across findings). */
export function exactCell(values: CellValues, key: string): FindingCell {
  let shown = numbers.get(values);
  if (!shown) numbers.set(values, (shown = new Map()));
  let value = shown.get(key);
  if (value === undefined) {
    const d = exactValue(values, key);
    shown.set(key, (value = d ? decimalToNumber(d) : null));
  }
  return { key, value };
}
