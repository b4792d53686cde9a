/** Exact decimal arithmetic at the 6 decimal places the store keeps (DECIMAL(20,6)). */
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

/** Canonical text of a stored decimal ("12.900000" → "12.9"); null stays null. */
export function canonical(text: string | number | null | undefined): string | null {
  return text == null ? null : fromMicros(toMicros(text));
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
