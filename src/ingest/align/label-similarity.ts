import { coreLabel } from '../../shared/editions/label';
import { bitLcsLength, MAX_BIT_LCS, patternMasks, type PatternMasks } from './bit-lcs';

/**
 * How alike a printed label is to a template label, 0…1, after folding what agencies vary without
 * changing meaning (width, spaces and line breaks, quotes, numbering "1." "1、" "（1）": coreLabel).
 * The measure is the longest common subsequence over both lengths (2·LCS / (|a|+|b|)): a dropped
 * qualifier (行政强制 → 强制), a character dropped or doubled, all cost in proportion to the label,
 * with no list of known variants (docs/format.md: rows come in the template's fixed order, and
 * that order, not the wording, is what the aligner trusts).
 *
 * Every printed label is compared with every template row, and a bulk import repeats the same labels
 * report after report, so scores are memoised per (printed, template) pair.
 */
export function labelSimilarity(printed: string, template: string): number {
  let row = memo.get(printed);
  if (row === undefined) {
    // Printed labels are unbounded over a bulk import: the memo is dropped now and then.
    if (memoEntries > MEMO_LIMIT) clearSimilarityMemo();
    row = new Map();
    memo.set(printed, row);
  }
  let score = row.get(template);
  if (score === undefined) {
    score = computeSimilarity(printed, template);
    row.set(template, score);
    memoEntries++;
  }
  return score;
}

const memo = new Map<string, Map<string, number>>();
let memoEntries = 0;
/** Pairs kept before the memo is dropped (a few MB). */
export const MEMO_LIMIT = 100_000;

/** Empties the score memo; scores are recomputed the same on demand. */
export function clearSimilarityMemo(): void {
  memo.clear();
  memoEntries = 0;
}

/** Pairs currently memoised (for tests of the bound). */
export function similarityMemoSize(): number {
  return memoEntries;
}

/** The unmemoised measure: the best over both labels' folded forms. */
export function computeSimilarity(printed: string, template: string): number {
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

/** A folded form: its code points, the same as a string, and (built on first use) its LCS bit masks. */
interface Form {
  cps: number[];
  text: string;
  masks?: PatternMasks;
}

function contains(printed: Form, template: Form): boolean {
  if (template.cps.length < 2 || printed.cps.length <= template.cps.length) return false;
  return printed.text.endsWith(template.text) || (template.cps.length >= 4 && printed.text.includes(template.text));
}

/** A parenthetical remark （区分处理的，只计这一情形…） or （单位：万元） is a qualifier too: compare with and without it. */
const REMARK = /[(（][^()（）]*[)）]$/u;

/** Folded forms, memoised: the same labels are compared with every template row. */
const folded = new Map<string, Form[]>();

function foldedForms(label: string): Form[] {
  let forms = folded.get(label);
  if (!forms) {
    const core = coreLabel(label);
    const plain = coreLabel(label.normalize('NFKC').trim().replace(REMARK, ''));
    forms = (plain && plain !== core ? [core, plain] : [core]).map((f) => {
      // The string built from the code points, as the containment test has always compared them.
      const cps = [...f].map((ch) => ch.codePointAt(0)!);
      return { cps, text: String.fromCodePoint(...cps) };
    });
    if (folded.size > 20_000) folded.clear();
    folded.set(label, forms);
  }
  return forms;
}

function dice(a: Form, b: Form): number {
  if (a.cps.length === 0 || b.cps.length === 0) return 0;
  return (2 * formLcs(a, b)) / (a.cps.length + b.cps.length);
}

/** LCS of two forms: bit-parallel with the shorter (up to 32 code points) as the pattern, else the table. */
function formLcs(a: Form, b: Form): number {
  const [p, t] = a.cps.length <= b.cps.length ? [a, b] : [b, a];
  if (p.cps.length > MAX_BIT_LCS) return lcsLength(a.cps, b.cps);
  p.masks ??= patternMasks(p.cps);
  return bitLcsLength(p.masks, t.cps);
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
