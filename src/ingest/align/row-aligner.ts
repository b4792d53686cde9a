import { labelSimilarity } from './label-similarity';

/**
 * Aligns printed rows (or header cells) to the template's, which come in a fixed order
 * (docs/format.md, "Tables"): a monotone alignment that matches as many rows as it can and, among
 * those, the most alike, so that order settles what wording alone cannot. A pair below
 * ROW_THRESHOLD is never made; a printed row as alike to another template row it could equally
 * be (within AMBIGUITY_MARGIN) is a guess, and reported as such rather than stored.
 */
export const ROW_THRESHOLD = 0.6;
export const AMBIGUITY_MARGIN = 0.1;

export interface Printed {
  /** Spellings to try (the last label cell, then it with the cells before it); the best counts. */
  labels: string[];
  /** Whether the printed row carries figures (a row of only labels is a header or a wrapped line). */
  hasFigures: boolean;
}

export type AlignmentProblem =
  { kind: 'missing'; target: number; printed?: number; score?: number } | { kind: 'ambiguous'; printed: number; targets: [number, number] };

export interface Alignment {
  /** Per printed row, the template row index it is, or -1. */
  targetOf: number[];
  /** Per template row, the printed row index, or -1. */
  printedOf: number[];
  scores: number[][];
  problem?: AlignmentProblem;
}

/** Similarity of every printed row to every template row; `allowed` rules pairs out (another block's rows). */
export function similarityMatrix(
  printed: Printed[],
  targets: string[][],
  allowed: (p: number, t: number) => boolean = () => true,
): number[][] {
  return printed.map((p, i) => targets.map((labels, j) => (allowed(i, j) ? bestSimilarity(p.labels, labels) : 0)));
}

/** The best score over every pair of spellings, 0 for none (plain loops: this runs for every cell of the matrix). */
export function bestSimilarity(printed: readonly string[], template: readonly string[]): number {
  let best = 0;
  for (const a of printed)
    for (const b of template) {
      const s = labelSimilarity(a, b);
      if (s > best) best = s;
    }
  return best;
}

/** The monotone alignment maximising (pairs made, then their similarity), over pairs at or above the threshold. */
export function alignInOrder(scores: number[][], targetCount: number, threshold = ROW_THRESHOLD): number[] {
  const n = scores.length;
  const best = Array.from({ length: n + 1 }, () => new Array<number>(targetCount + 1).fill(0));
  const weight = (i: number, j: number) => (scores[i][j] >= threshold ? 1 + scores[i][j] : -Infinity);
  for (let i = 1; i <= n; i++)
    for (let j = 1; j <= targetCount; j++) best[i][j] = Math.max(best[i - 1][j], best[i][j - 1], best[i - 1][j - 1] + weight(i - 1, j - 1));
  const targetOf = new Array<number>(n).fill(-1);
  for (let i = n, j = targetCount; i > 0 && j > 0;) {
    if (best[i][j] === best[i - 1][j]) i--;
    else if (best[i][j] === best[i][j - 1]) j--;
    else {
      targetOf[i - 1] = j - 1;
      i--;
      j--;
    }
  }
  return targetOf;
}

/** Aligns and says what is wrong, if anything: a template row left without a printed row, or a guess. */
export function alignRows(printed: Printed[], scores: number[][], targetCount: number): Alignment {
  const targetOf = alignInOrder(scores, targetCount);
  const printedOf = new Array<number>(targetCount).fill(-1);
  targetOf.forEach((t, p) => {
    if (t >= 0) printedOf[t] = p;
  });
  const problem = ambiguity(printed, scores, targetOf, targetCount) ?? missing(printed, scores, targetOf, printedOf);
  return { targetOf, printedOf, scores, problem };
}

/** Template rows a printed row could be, given the pairs around it: strictly between its matched neighbours. */
function window(targetOf: number[], p: number, targetCount: number): [number, number] {
  let lo = -1;
  for (let i = p - 1; i >= 0; i--)
    if (targetOf[i] >= 0) {
      lo = targetOf[i];
      break;
    }
  let hi = targetCount;
  for (let i = p + 1; i < targetOf.length; i++)
    if (targetOf[i] >= 0) {
      hi = targetOf[i];
      break;
    }
  return [lo, hi];
}

function ambiguity(printed: Printed[], scores: number[][], targetOf: number[], targetCount: number): AlignmentProblem | undefined {
  for (let p = 0; p < printed.length; p++) {
    const t = targetOf[p];
    const [lo, hi] = window(targetOf, p, targetCount);
    if (t >= 0) {
      for (let o = lo + 1; o < hi; o++)
        if (o !== t && scores[p][o] >= ROW_THRESHOLD && scores[p][o] >= scores[p][t] - AMBIGUITY_MARGIN)
          return { kind: 'ambiguous', printed: p, targets: [t, o] };
    } else if (printed[p].hasFigures) {
      // A row of figures left over that reads like a template row next to it: which one holds the figures is a guess.
      for (let o = Math.max(lo, 0); o <= Math.min(hi, targetCount - 1); o++)
        if (scores[p][o] >= ROW_THRESHOLD) return { kind: 'ambiguous', printed: p, targets: [o, o] };
    }
  }
  return undefined;
}

function missing(printed: Printed[], scores: number[][], targetOf: number[], printedOf: number[]): AlignmentProblem | undefined {
  const t = printedOf.indexOf(-1);
  if (t < 0) return undefined;
  // The printed rows in the gap where the template row belongs: the most alike is named.
  let from = 0;
  for (let o = t - 1; o >= 0; o--)
    if (printedOf[o] >= 0) {
      from = printedOf[o] + 1;
      break;
    }
  let to = printed.length;
  for (let o = t + 1; o < printedOf.length; o++)
    if (printedOf[o] >= 0) {
      to = printedOf[o];
      break;
    }
  let bestP = -1;
  for (let p = from; p < to; p++) if (targetOf[p] < 0 && printed[p].hasFigures && (bestP < 0 || scores[p][t] > scores[bestP][t])) bestP = p;
  return bestP < 0 ? { kind: 'missing', target: t } : { kind: 'missing', target: t, printed: bestP, score: scores[bestP][t] };
}
