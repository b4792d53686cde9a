/**
 * Exact decimal arithmetic on the decimal strings cells carry ("12.90", "-22", "7539.443252"): no
 * figure passes through a float on the way. Any scale for checks; micro-units (the store's
 * DECIMAL(20,6)) for sums.
 */
export interface Decimal {
  /** The value times 10^scale. */
  units: bigint;
  scale: number;
}

const DECIMAL = /^([+-])?(\d+)(?:\.(\d+))?$/;

export function parseDecimal(text: string): Decimal | null {
  const m = DECIMAL.exec(text.trim());
  if (!m) return null;
  const frac = m[3] ?? '';
  const units = BigInt(m[2] + frac);
  return { units: m[1] === '-' ? -units : units, scale: frac.length };
}

function rescale(d: Decimal, scale: number): bigint {
  return d.units * 10n ** BigInt(scale - d.scale);
}

export function addDecimals(values: Decimal[]): Decimal {
  const scale = Math.max(0, ...values.map((v) => v.scale));
  return { units: values.reduce((s, v) => s + rescale(v, scale), 0n), scale };
}

export function compareDecimals(a: Decimal, b: Decimal): number {
  const scale = Math.max(a.scale, b.scale);
  const x = rescale(a, scale);
  const y = rescale(b, scale);
  return x === y ? 0 : x < y ? -1 : 1;
}

export function isInteger(d: Decimal): boolean {
  return d.units % 10n ** BigInt(d.scale) === 0n;
}

/** Canonical text: trailing fractional zeros dropped ("12.90" → "12.9", "5.0" → "5"). */
export function formatDecimal(d: Decimal): string {
  const neg = d.units < 0n;
  const digits = (neg ? -d.units : d.units).toString().padStart(d.scale + 1, '0');
  const int = digits.slice(0, digits.length - d.scale);
  const frac = digits.slice(digits.length - d.scale).replace(/0+$/, '');
  const out = frac ? `${int}.${frac}` : int;
  return neg && /[1-9]/.test(out) ? `-${out}` : out;
}

export function decimalToNumber(d: Decimal): number {
  return Number(formatDecimal(d));
}

const SCALE = 6;

export function toMicros(text: string | number): bigint {
  const s = typeof text === 'number' ? text.toFixed(SCALE) : text.trim();
  const m = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(s);
  if (!m) throw new Error(`not a decimal: ${text}`);
  const frac = (m[3] ?? '').padEnd(SCALE, '0');
  if (frac.length > SCALE && /[1-9]/.test(frac.slice(SCALE))) throw new Error(`more than ${SCALE} decimals: ${text}`);
  const v = BigInt((m[2] || '0') + frac.slice(0, SCALE));
  return m[1] === '-' ? -v : v;
}

export function fromMicros(v: bigint): string {
  const neg = v < 0n;
  const abs = (neg ? -v : v).toString().padStart(SCALE + 1, '0');
  const int = abs.slice(0, -SCALE);
  const frac = abs.slice(-SCALE).replace(/0+$/, '');
  return (neg ? '-' : '') + int + (frac ? '.' + frac : '');
}

/** Canonical text of a stored decimal ("12.900000" → "12.9", a SQLite number likewise); null stays null. */
export function canonical(text: string | number | null | undefined): string | null {
  if (text == null) return null;
  const d = parseDecimal(typeof text === 'number' ? String(text) : text);
  return d ? formatDecimal(d) : fromMicros(toMicros(text));
}

/** Sum of the non-blank values; null when every value is blank (a blank is not a zero). */
export function sumDecimals(values: Array<string | null | undefined>): string | null {
  let total = 0n;
  let any = false;
  for (const v of values)
    if (v != null) {
      total += toMicros(v);
      any = true;
    }
  return any ? fromMicros(total) : null;
}

export function toNumber(text: string | null | undefined): number | null {
  return text == null ? null : Number(text);
}
