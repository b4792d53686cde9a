import { cellKey, cellsOf, tableOf, type EditionDef, type RuleDecl } from '../editions';
import { SeededRandom } from '../seeded-random';
import type { CellValues } from './finding.types';

/**
 * A fully filled report satisfying every declared rule of an edition, built from the rule
 * declarations alone (tests, demo data). Deterministic for a given seed.
 */
export function buildConsistentValues(edition: EditionDef, seed = 1): Record<string, string> {
  const random = new SeededRandom(seed);
  const rand = (n: number) => random.below(n);
  const v = new Map<string, number>();
  const amounts = new Map<string, string>();
  for (const c of cellsOf(edition)) {
    if (c.unit === 'wan_yuan') amounts.set(c.key, `${rand(100000)}.${String(rand(100)).padStart(2, '0')}`);
    else v.set(c.key, c.unit === 'signed_count' ? rand(21) - 10 : rand(10));
  }
  const table = (id: RuleDecl['table']) => tableOf(edition, id);
  const get = (k: string) => v.get(k) ?? 0;
  const sum = (ks: string[]) => ks.reduce((s, k) => s + get(k), 0);

  // Row rules first, column by column; column totals last, so they inherit every row equation.
  for (const rule of edition.rules) {
    if (rule.kind !== 'row_sum') continue;
    const t = table(rule.table);
    for (const col of t.blocks.flatMap((b) => b.columns))
      v.set(cellKey(t, rule.total, col.key), sum(rule.parts.map((p) => cellKey(t, p, col.key))));
  }
  for (const rule of edition.rules) {
    if (rule.kind !== 'balance') continue;
    const t = table(rule.table);
    for (const col of t.blocks.flatMap((b) => b.columns)) {
      const right = sum(rule.right.map((r) => cellKey(t, r, col.key)));
      // Other left rows share a random part of the right side; the first takes the rest (never negative).
      let rest = right;
      for (const r of rule.left.slice(1)) {
        const x = rand(rest + 1);
        v.set(cellKey(t, r, col.key), x);
        rest -= x;
      }
      v.set(cellKey(t, rule.left[0], col.key), rest);
    }
  }
  for (const rule of edition.rules) {
    if (rule.kind !== 'column_sum') continue;
    const t = table(rule.table);
    for (const row of t.blocks.flatMap((b) => b.rows))
      v.set(cellKey(t, row.key, rule.total), sum(rule.parts.map((p) => cellKey(t, row.key, p))));
  }
  const out: Record<string, string> = {};
  for (const c of cellsOf(edition)) out[c.key] = amounts.get(c.key) ?? String(v.get(c.key));
  return out;
}

/** Values with every cell blank: the shape of an unfilled template. */
export function blankValues(edition: EditionDef): CellValues {
  return Object.fromEntries(cellsOf(edition).map((c) => [c.key, null]));
}
