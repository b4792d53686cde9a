import { AMBIGUITY_MARGIN, ROW_THRESHOLD, type Alignment } from './row-aligner';

/** `ambiguous`: the printed row (index) reads as much like the replaced row `subRow` as like the legacy row. */
export type LegacyReading = { kind: 'applies' } | { kind: 'not_applicable' } | { kind: 'ambiguous'; printed: number; subRow: number };

/**
 * Whether a legacy row (a hybrid table: the 2019 one-row （六）其他处理 in a 2021 table) is what
 * the table prints, given both alignments over the same printed rows:
 * - `own`: the edition's rows, `subRows` the indexes of the rows the legacy row replaces;
 * - `legacy`: the rows with the legacy row at `legacyTarget`, aligned without a problem.
 * It applies only when no other printed row aligns with one of the replaced rows and the printed
 * row it took reads like the legacy label rather than like one of them ("3.其他" is a sub-row);
 * as alike to both (within AMBIGUITY_MARGIN) is a guess.
 */
export function legacyReading(own: Alignment, subRows: number[], legacy: Alignment, legacyTarget: number): LegacyReading {
  const p = legacy.printedOf[legacyTarget];
  if (subRows.some((s) => own.printedOf[s] >= 0 && own.printedOf[s] !== p)) return { kind: 'not_applicable' };
  const subRow = subRows.reduce((best, s) => (own.scores[p][s] > own.scores[p][best] ? s : best), subRows[0]);
  const asLegacy = legacy.scores[p][legacyTarget];
  const asSubRow = own.scores[p][subRow];
  if (asSubRow < ROW_THRESHOLD || asLegacy >= asSubRow + AMBIGUITY_MARGIN) return { kind: 'applies' };
  if (asSubRow >= asLegacy + AMBIGUITY_MARGIN) return { kind: 'not_applicable' };
  return { kind: 'ambiguous', printed: p, subRow };
}
