import { coreLabel } from '../../editions/label';

/**
 * How alike a printed label is to a template label, 0…1, after folding what agencies vary without
 * changing meaning (width, spaces and line breaks, quotes, numbering "1." "1、" "（1）": coreLabel).
 * The measure is the longest common subsequence over both lengths (2·LCS / (|a|+|b|)): a dropped
 * qualifier (行政强制 → 强制), a character dropped or doubled, all cost in proportion to the label,
 * with no list of known variants (docs/format.md: rows come in the template's fixed order, and
 * that order, not the wording, is what the aligner trusts).
 */
export function labelSimilarity(printed: string, template: string): number {
  const a = foldedForms(printed);
  const b = foldedForms(template);
  let best = 0;
  for (const x of a) for (const y of b) best = Math.max(best, dice(x, y), contains(x, y) ? CONTAINED : 0);
  return best;
}

/**
 * A printed label that ends with the template's, or holds a long one whole, is the template label
 * lengthened (merged cells "三、本年度 （一）予以公开", a unit "（件）"): as good as a close match.
 */
const CONTAINED = 0.8;

function contains(printed: number[], template: number[]): boolean {
  if (template.length < 2 || printed.length <= template.length) return false;
  const p = String.fromCodePoint(...printed);
  const t = String.fromCodePoint(...template);
  return p.endsWith(t) || (template.length >= 4 && p.includes(t));
}

/** A parenthetical remark （区分处理的，只计这一情形…） or （单位：万元） is a qualifier too: compare with and without it. */
const REMARK = /[(（][^()（）]*[)）]$/u;

/** Folded forms as code points, memoised: the same labels are compared with every template row. */
const folded = new Map<string, number[][]>();

function foldedForms(label: string): number[][] {
  let forms = folded.get(label);
  if (!forms) {
    const core = coreLabel(label);
    const plain = coreLabel(label.normalize('NFKC').trim().replace(REMARK, ''));
    forms = (plain && plain !== core ? [core, plain] : [core]).map((f) => [...f].map((ch) => ch.codePointAt(0)!));
    // Printed labels are unbounded over a bulk import: the memo is dropped now and then.
    if (folded.size > 20_000) folded.clear();
    folded.set(label, forms);
  }
  return forms;
}

function dice(a: number[], b: number[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  return (2 * lcsLength(a, b)) / (a.length + b.length);
}

/** Length of the longest common subsequence (two rows of the classic table: labels are short). */
export function lcsLength<T>(a: readonly T[], b: readonly T[]): number {
  let prev = new Uint16Array(b.length + 1);
  let cur = new Uint16Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) cur[j] = a[i - 1] === b[j - 1] ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
    [prev, cur] = [cur, prev];
  }
  return prev[b.length];
}
