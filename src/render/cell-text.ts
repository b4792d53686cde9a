import type { Unit } from '../shared/editions';
import { parseCellText } from '../ingest/cell-value';
import type { RenderCell } from './render-input';

/** "012.500" → "12.5", "-0" → "0": equal decimals compare equal as text; null when not a decimal. */
export function normalDecimal(text: string): string | null {
  const m = /^([+-]?)(\d+)(?:\.(\d*))?$/.exec(text.trim());
  if (!m) return null;
  const int = m[2].replace(/^0+(?=\d)/, '');
  const frac = (m[3] ?? '').replace(/0+$/, '');
  const body = frac ? `${int}.${frac}` : int;
  return m[1] === '-' && body !== '0' ? `-${body}` : body;
}

/**
 * What a cell shows: nothing for a blank (never 0), the published text when it reads back as the
 * same value ("12.90", "251000元"), otherwise the exact decimal.
 */
export function cellText(cell: RenderCell | undefined, unit: Unit): string {
  if (!cell || cell.value === null) return '';
  const value = normalDecimal(cell.value);
  if (value === null) throw new Error(`cell value "${cell.value}" is not a decimal`);
  const raw = cell.raw?.trim();
  if (raw && !/[\r\n\t]/.test(raw)) {
    const parsed = parseCellText(raw, unit);
    if (parsed.ok && parsed.value !== null && normalDecimal(parsed.value) === value) return raw;
  }
  return value;
}
