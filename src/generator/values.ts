import { cellKey, cellsOf, tableOf, type EditionDef, type RuleDecl } from '../shared/editions';
import type { Prng } from './prng';

/** Cell values of one generated report: counts as integers, money (万元) as integer hundredths; null = blank. */
export type GenValues = Map<string, number | null>;

type Rule<K extends RuleDecl['kind']> = Extract<RuleDecl, { kind: K }>;
const rulesOf = <K extends RuleDecl['kind']>(e: EditionDef, kind: K, table: string) =>
  e.rules.filter((r): r is Rule<K> => r.kind === kind && r.table === table);

/** Relative frequency of each outcome row (by key, then by reason group); what real reports look like. */
const OUTCOME_WEIGHT: Record<string, number> = { granted: 45, partly_granted: 8, unavailable_not_held: 18 };
const GROUP_WEIGHT: Record<string, number> = { denied: 0.8, unavailable: 2, unprocessed: 1.2, other_all: 3 };
const APPLICANT_WEIGHT = [75, 12, 0.5, 1.5, 4, 7];

/** Everything the generator derives from an edition's declarations, computed once per edition. */
export interface EditionPlan {
  edition: EditionDef;
  totalCol: string;
  partCols: string[];
  /** Code of the edition rule that applicant columns sum to 总计 (a planted defect breaks it). */
  applicantTotalRule: string;
  head: string[];
  tail: { processed: string; forward: string };
  outcomes: string[];
  outcomeWeights: number[];
  /** Section 四 groups with the code of the rule that their outcomes sum to 总计. */
  lawsuitGroups: Array<{ rule: string; total: string; parts: string[] }>;
  /** Section 三 cell key of a row and column, as the edition spells it. */
  appKey: (row: string, col: string) => string;
  applicationKeys: string[];
  active: Array<{ key: string; unit: string }>;
  /** Money cells are kept in hundredths. */
  money: Set<string>;
}

export function planFor(edition: EditionDef): EditionPlan {
  const colRule = rulesOf(edition, 'column_sum', 'applications')[0];
  const balance = rulesOf(edition, 'balance', 'applications')[0];
  const rowRule = rulesOf(edition, 'row_sum', 'applications')[0];
  const rows = tableOf(edition, 'applications').blocks[0].rows;
  const groupOf = new Map(rows.map((r) => [r.key, r.group]));
  const outcomes = rowRule.parts;
  const groupSize = (g: string) => outcomes.filter((k) => groupOf.get(k) === g).length;
  return {
    edition,
    totalCol: colRule.total,
    partCols: colRule.parts,
    applicantTotalRule: colRule.code,
    head: balance.left,
    tail: { processed: rowRule.total, forward: balance.right.find((r) => r !== rowRule.total)! },
    outcomes,
    outcomeWeights: outcomes.map(
      (k) =>
        OUTCOME_WEIGHT[k] ??
        (groupOf.get(k) ? GROUP_WEIGHT[groupOf.get(k)!] / (groupOf.get(k) === 'other_all' ? groupSize('other_all') : 1) : 1),
    ),
    lawsuitGroups: rulesOf(edition, 'column_sum', 'lawsuits').map((r) => ({ rule: r.code, total: r.total, parts: r.parts })),
    appKey: (row, col) => cellKey(tableOf(edition, 'applications'), row, col),
    applicationKeys: cellsOf(edition)
      .filter((c) => c.table.id === 'applications')
      .map((c) => c.key),
    active: cellsOf(edition)
      .filter((c) => c.table.id === 'active')
      .map((c) => ({ key: c.key, unit: c.unit })),
    money: new Set(
      cellsOf(edition)
        .filter((c) => c.unit === 'wan_yuan')
        .map((c) => c.key),
    ),
  };
}

export interface OwnReport {
  values: GenValues;
  /** 结转下年度 per applicant column, for next year's 上年结转. */
  forward: number[];
}

/**
 * One agency's own report with consistent arithmetic: applicant columns sum to 总计, outcomes sum
 * to （七）总计, new + carried over = processed + carried forward, 四 totals = Σ outcomes.
 */
export function ownReport(plan: EditionPlan, rng: Prng, weight: number, carriedIn: number[] | null, blankZeros: boolean): OwnReport {
  const { partCols, totalCol } = plan;
  const v: GenValues = new Map();
  const key = plan.appKey;
  const set = (k: string, n: number) => v.set(k, n === 0 && blankZeros ? null : n);

  const newTotal = Math.round(rng.skewed() * weight);
  const fresh = rng.split(newTotal, APPLICANT_WEIGHT);
  const carried = carriedIn ?? partCols.map((_, i) => (fresh[i] > 10 ? rng.int(0, Math.ceil(fresh[i] / 20)) : 0));
  const forward = partCols.map((_, i) => {
    const avail = fresh[i] + carried[i];
    return avail > 3 && rng.chance(0.4) ? rng.int(0, Math.ceil(avail * 0.06)) : 0;
  });
  const perOutcome = partCols.map((_, i) => rng.split(fresh[i] + carried[i] - forward[i], plan.outcomeWeights));
  const rowValues = (row: string, cols: number[]) => {
    cols.forEach((n, i) => set(key(row, partCols[i]), n));
    set(
      key(row, totalCol),
      cols.reduce((a, b) => a + b, 0),
    );
  };
  rowValues(plan.head[0], fresh);
  rowValues(plan.head[1], carried);
  plan.outcomes.forEach((row, j) =>
    rowValues(
      row,
      perOutcome.map((o) => o[j]),
    ),
  );
  rowValues(
    plan.tail.processed,
    partCols.map((_, i) => fresh[i] + carried[i] - forward[i]),
  );
  rowValues(plan.tail.forward, forward);

  for (const g of plan.lawsuitGroups) {
    const cases = newTotal > 30 && rng.chance(0.5) ? rng.int(0, Math.ceil(newTotal / 60)) : rng.chance(0.05) ? 1 : 0;
    const parts = rng.split(cases, [60, 12, 10, 18]);
    g.parts.forEach((p, i) => set(p, parts[i]));
    set(g.total, cases);
  }

  for (const c of plan.active) {
    if (blankZeros && rng.chance(0.3)) {
      v.set(c.key, null);
      continue;
    }
    if (c.unit === 'wan_yuan') v.set(c.key, rng.chance(0.5) ? 0 : rng.int(1, 2_000_000));
    else if (c.unit === 'signed_count') v.set(c.key, rng.int(-5, 8));
    else v.set(c.key, rng.chance(0.3) ? 0 : Math.round(rng.skewed() * weight));
  }
  return { values: v, forward };
}

/** Exact decimal text of a generated value. */
export function valueText(plan: EditionPlan, key: string, n: number | null): string | null {
  if (n === null) return null;
  if (!plan.money.has(key)) return String(n);
  const neg = n < 0 ? '-' : '';
  const a = Math.abs(n);
  return `${neg}${Math.floor(a / 100)}.${String(a % 100).padStart(2, '0')}`;
}
