import { cellsOf, derivedParts, EDITIONS, EDITION_IDS, type EditionDef, type EditionId } from '../editions';

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

const firstYear = (ids: EditionId[]) => Math.min(...ids.map((id) => EDITIONS[id].years.from));
const lastYear = (ids: EditionId[]) => {
  const tos = ids.map((id) => EDITIONS[id].years.to);
  return tos.some((t) => t === null) ? null : Math.max(...(tos as number[]));
};

/** Section 二 changed meaning in 2021 (editions.md §6): only the edition's own years compare. */
function comparability(section: number, row: string, editions: EditionId[]): Pick<Metric, 'comparableFrom' | 'comparableUntil'> {
  const inAll = editions.length === EDITION_IDS.length;
  if (section === 2) {
    // A row present in both editions still changed columns or meaning: compare from the newest edition on.
    if (inAll) return { comparableFrom: EDITIONS[EDITION_IDS[EDITION_IDS.length - 1]].years.from, comparableUntil: null };
    return { comparableFrom: firstYear(editions), comparableUntil: lastYear(editions) };
  }
  // Section 三/四 rows are unchanged except （六）, split in 2021: its single-edition rows compare within their edition only.
  void row;
  return inAll ? { comparableFrom: firstYear(editions), comparableUntil: null } : { comparableFrom: firstYear(editions), comparableUntil: lastYear(editions) };
}

const RATE_DEFS: Array<{ key: string; numerator: Term[]; denominator: Term[]; formula: string }> = [
  {
    key: 'grant_rate',
    numerator: [[1, 'applications.granted.total'], [1, 'applications.partly_granted.total']],
    denominator: [[1, 'applications.processed_total.total']],
    formula: '(applications.granted.total + applications.partly_granted.total) / applications.processed_total.total',
  },
  {
    key: 'full_grant_rate',
    numerator: [[1, 'applications.granted.total']],
    denominator: [[1, 'applications.processed_total.total']],
    formula: 'applications.granted.total / applications.processed_total.total',
  },
  {
    key: 'denial_rate',
    numerator: [[1, 'applications.denied.total']],
    denominator: [[1, 'applications.processed_total.total']],
    formula: 'applications.denied.total / applications.processed_total.total',
  },
  {
    key: 'unavailable_rate',
    numerator: [[1, 'applications.unavailable.total']],
    denominator: [[1, 'applications.processed_total.total']],
    formula: 'applications.unavailable.total / applications.processed_total.total',
  },
  {
    key: 'carry_forward_rate',
    numerator: [[1, 'applications.carried_forward.total']],
    denominator: [[1, 'applications.new.total'], [1, 'applications.carried_over.total']],
    formula: 'applications.carried_forward.total / (applications.new.total + applications.carried_over.total)',
  },
  ...(['review', 'litigation_direct', 'litigation_after_review'] as const).map((g) => ({
    key: `${g}_correction_rate`,
    numerator: [[1, `${g}.corrected`]] as Term[],
    denominator: [[1, `${g}.total`], [-1, `${g}.pending`]] as Term[],
    formula: `${g}.corrected / (${g}.total − ${g}.pending)`,
  })),
  {
    key: 'legal_person_share',
    numerator: [[1, 'applications.new.total'], [-1, 'applications.new.natural_person']],
    denominator: [[1, 'applications.new.total']],
    formula: '(applications.new.total − applications.new.natural_person) / applications.new.total',
  },
  {
    key: 'natural_person_share',
    numerator: [[1, 'applications.new.natural_person']],
    denominator: [[1, 'applications.new.total']],
    formula: 'applications.new.natural_person / applications.new.total',
  },
];

function build(): Map<string, Metric> {
  const out = new Map<string, Metric>();
  const editionsOf = new Map<string, EditionId[]>();
  const meta = new Map<string, { section: number; row: string; unit: MetricUnit }>();
  const parts = new Map<string, Set<string>>();
  for (const e of Object.values(EDITIONS) as EditionDef[]) {
    for (const c of cellsOf(e)) {
      editionsOf.set(c.key, [...(editionsOf.get(c.key) ?? []), e.id]);
      meta.set(c.key, { section: c.table.section, row: c.row.key, unit: c.unit });
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
        section: 3,
        editions: eds,
        // Derived rows are the same in both editions (keys.md): that is what makes 2020 and 2021 comparable.
        comparableFrom: firstYear(eds),
        comparableUntil: null,
        parts: [...p],
      });
      continue;
    }
    const m = meta.get(key)!;
    out.set(key, { key, kind: 'cell', formula: key, unit: m.unit, additive: true, section: m.section, editions: eds, ...comparability(m.section, m.row, eds) });
  }
  for (const r of RATE_DEFS) {
    const used = [...r.numerator, ...r.denominator].map(([, k]) => out.get(k)!);
    const editions = EDITION_IDS.filter((id) => used.every((m) => m.editions.includes(id)));
    out.set(r.key, {
      key: r.key,
      kind: 'rate',
      formula: r.formula,
      unit: 'ratio',
      additive: false,
      section: Math.max(...used.map((m) => m.section)),
      editions,
      comparableFrom: Math.max(...used.map((m) => m.comparableFrom)),
      comparableUntil: used.some((m) => m.comparableUntil !== null) ? Math.min(...used.filter((m) => m.comparableUntil !== null).map((m) => m.comparableUntil!)) : null,
      numerator: r.numerator,
      denominator: r.denominator,
    });
  }
  return out;
}

export const METRICS: ReadonlyMap<string, Metric> = build();

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
export interface SumCell {
  micros: bigint;
  nonNull: number;
}
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
