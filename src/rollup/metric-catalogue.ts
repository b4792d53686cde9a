import type { SumCell } from '../data/rollup.repository';
import {
  allEditions,
  cellsOf,
  derivedParts,
  editionYears,
  getEdition,
  perGeneration,
  type EditionId,
  type RateDef,
} from '../shared/editions';

/**
 * Every figure the roll-ups answer, as data: stored cells, derived rows and rates. Roll-ups store
 * only stored cells; derived keys and rates are recomputed from summed cells, never averaged.
 */
export type MetricKind = 'cell' | 'derived' | 'rate';
export type MetricUnit = 'count' | 'signed_count' | 'wan_yuan' | 'ratio';

/** A linear term of a rate: coefficient × stored-or-derived key. */
export type Term = [coefficient: number, key: string];

export interface Metric {
  key: string;
  kind: MetricKind;
  /** Human-readable formula over keys; the code reads `parts` / `numerator` / `denominator`. */
  formula: string;
  unit: MetricUnit;
  /** May be summed across agencies and regions (rates may not). */
  additive: boolean;
  section: number;
  /** Editions whose reports carry the figure. */
  editions: EditionId[];
  /**
   * Year-over-year change between a and b (a < b) is like-for-like when both reports share an
   * edition, or when a ≥ comparableFrom and b ≤ comparableUntil.
   */
  comparableFrom: number;
  comparableUntil: number | null;
  /** Derived: the stored keys summed (over every edition). */
  parts?: string[];
  numerator?: Term[];
  denominator?: Term[];
}

const firstYear = (ids: EditionId[]) => Math.min(...ids.map((id) => getEdition(id).years.from));
const lastYear = (ids: EditionId[]) => {
  const tos = ids.map((id) => editionYears(getEdition(id)).to);
  return tos.some((t) => t === null) ? null : Math.max(...(tos as number[]));
};

/**
 * Years a cell compares across editions: from its first edition's on, or from the latest edition
 * that changed the meaning of its section (`breaksComparison`, docs/format.md: 二 in 2021), until
 * the last of its editions ends.
 */
function comparability(section: number, editions: EditionId[]): Pick<Metric, 'comparableFrom' | 'comparableUntil'> {
  const breaking = editions.map(getEdition).filter((e) => e.breaksComparison.includes(section));
  const from = Math.max(firstYear(editions), ...breaking.map((e) => e.years.from));
  return { comparableFrom: from, comparableUntil: lastYear(editions) };
}

/** "a + b", "a − b"; parenthesised when more than one term. */
function side(terms: Term[]): string {
  const text = terms.map(([c, k], i) => (i === 0 ? (c < 0 ? `−${k}` : k) : `${c < 0 ? '−' : '+'} ${k}`)).join(' ');
  return terms.length > 1 ? `(${text})` : text;
}

/** The rates every edition declares, by key (the first declaration of a key wins). */
function rateDefs(): RateDef[] {
  const out = new Map<string, RateDef>();
  for (const e of allEditions()) for (const r of e.rates) if (!out.has(r.key)) out.set(r.key, r);
  return [...out.values()];
}

function build(): Map<string, Metric> {
  const out = new Map<string, Metric>();
  const editionsOf = new Map<string, EditionId[]>();
  const meta = new Map<string, { section: number; unit: MetricUnit }>();
  const parts = new Map<string, Set<string>>();
  for (const e of allEditions()) {
    for (const c of cellsOf(e)) {
      editionsOf.set(c.key, [...(editionsOf.get(c.key) ?? []), e.id]);
      meta.set(c.key, { section: c.table.section, unit: c.unit });
    }
    for (const [k, ps] of derivedParts(e)) {
      editionsOf.set(k, [...(editionsOf.get(k) ?? []), e.id]);
      const set = parts.get(k) ?? new Set<string>();
      ps.forEach((p) => set.add(p));
      parts.set(k, set);
    }
  }
  for (const [key, eds] of editionsOf) {
    const p = parts.get(key);
    if (p) {
      out.set(key, {
        key,
        kind: 'derived',
        formula: [...p].join(' + '),
        unit: 'count',
        additive: true,
        section: meta.get([...p][0])!.section,
        editions: eds,
        // Derived rows sum the same reasons in every edition (docs/format.md): that is what makes 2020 and 2021 comparable.
        comparableFrom: firstYear(eds),
        comparableUntil: null,
        parts: [...p],
      });
      continue;
    }
    const m = meta.get(key)!;
    out.set(key, {
      key,
      kind: 'cell',
      formula: key,
      unit: m.unit,
      additive: true,
      section: m.section,
      editions: eds,
      ...comparability(m.section, eds),
    });
  }
  for (const r of rateDefs()) {
    const used = [...r.numerator, ...r.denominator].map(([, k]) => out.get(k)!);
    const editions = allEditions()
      .map((e) => e.id)
      .filter((id) => used.every((m) => m.editions.includes(id)));
    out.set(r.key, {
      key: r.key,
      kind: 'rate',
      formula: `${side(r.numerator)} / ${side(r.denominator)}`,
      unit: 'ratio',
      additive: false,
      section: Math.max(...used.map((m) => m.section)),
      editions,
      comparableFrom: Math.max(...used.map((m) => m.comparableFrom)),
      comparableUntil: used.some((m) => m.comparableUntil !== null)
        ? Math.min(...used.filter((m) => m.comparableUntil !== null).map((m) => m.comparableUntil!))
        : null,
      numerator: r.numerator,
      denominator: r.denominator,
    });
  }
  return out;
}

const current = perGeneration(build);

/** The catalogue over every registered edition; rebuilt when an edition is registered. */
export const METRICS: ReadonlyMap<string, Metric> = {
  get size() {
    return current().size;
  },
  get: (key) => current().get(key),
  has: (key) => current().has(key),
  forEach: (fn, thisArg) => current().forEach(fn, thisArg),
  entries: () => current().entries(),
  keys: () => current().keys(),
  values: () => current().values(),
  [Symbol.iterator]: () => current()[Symbol.iterator](),
};

export function metric(key: string): Metric | undefined {
  return METRICS.get(key);
}

/** The stored cell keys a metric is computed from. */
export function storedKeysOf(key: string): string[] {
  const m = METRICS.get(key);
  if (!m) return [];
  if (m.kind === 'cell') return [key];
  if (m.kind === 'derived') return m.parts!;
  return [...new Set([...m.numerator!, ...m.denominator!].flatMap(([, k]) => storedKeysOf(k)))];
}

/** Whether the change from year a to year b is like-for-like. */
export function comparableBetween(key: string, a: number, b: number, editionOf: (year: number) => string): boolean {
  const m = METRICS.get(key);
  if (!m) return false;
  if (editionOf(a) === editionOf(b)) return true;
  const [lo, hi] = a < b ? [a, b] : [b, a];
  return lo >= m.comparableFrom && (m.comparableUntil === null || hi <= m.comparableUntil);
}

/** Sums as exact micro-units (bigint) per stored key, with how many non-blank cells each holds. */
export type Sums = (key: string) => SumCell | undefined;

/**
 * A metric's value from summed cells: a cell or derived key is null when every cell is blank; a
 * rate is null when a side is all blank or its denominator is zero. Rates are ratios of sums.
 */
export function evaluate(key: string, sums: Sums): number | null {
  const m = METRICS.get(key);
  if (!m) return null;
  if (m.kind !== 'rate') {
    let total = 0n;
    let any = false;
    for (const k of m.kind === 'cell' ? [key] : m.parts!) {
      const s = sums(k);
      if (s && s.nonNull > 0) {
        total += s.micros;
        any = true;
      }
    }
    return any ? Number(total) / 1e6 : null;
  }
  const side = (terms: Term[]) => {
    let total = 0;
    let any = false;
    for (const [coef, k] of terms) {
      const v = evaluate(k, sums);
      if (v !== null) {
        total += coef * v;
        any = true;
      }
    }
    return any ? total : null;
  };
  const num = side(m.numerator!);
  const den = side(m.denominator!);
  return num === null || den === null || den === 0 ? null : num / den;
}
