import type { Unit } from '../shared/editions';

/**
 * The one list of marks a published report prints in a cell in place of a figure ("no figure"): the
 * cell keeps its raw text and the value null, never 0. Compared after NFKC, so "／" is "/" and "－" is "-";
 * a backslash and "、" stand for "/": the slash key mistyped, or pressed in a Chinese input method.
 */
const NO_FIGURE_MARKS: ReadonlySet<string> = new Set(
  ['/', '／', '\\', '、', '-', '－', '--', '–', '—', '——', '―', '无'].map((m) => m.normalize('NFKC')),
);
const COUNT_UNITS = /(件|项|条|个|次|人次|宗|家|份|篇|起)$/u;
const SHIFT_FOR_UNIT: Array<[RegExp, number]> = [
  [/亿元$/u, 4],
  [/万元$/u, 0],
  [/元$/u, -4],
];

/** Digits, with a minus sign and a fraction at most: what parseCellText returns unchanged, in any unit. */
const PLAIN_FIGURE = /^-?\d+(?:\.\d+)?$/;
const SPACES_ONLY = /^[\s\u3000\u00a0\u200b\ufeff]*$/;

export type CellParse = { ok: true; value: string | null } | { ok: false; reason: string };

/** Moves the decimal point of a decimal string by `places` (negative = divide by 10^n), exactly. */
export function shiftDecimal(text: string, places: number): string {
  if (places === 0) return text;
  const neg = text.startsWith('-');
  const [intPart, frac = ''] = text.replace(/^[+-]/, '').split('.');
  let digits = intPart + frac;
  let point = intPart.length + places;
  if (point <= 0) {
    digits = '0'.repeat(1 - point) + digits;
    point = 1;
  }
  if (point > digits.length) digits = digits.padEnd(point, '0');
  let i = digits.slice(0, point).replace(/^0+(?=\d)/, '');
  const f = digits.slice(point).replace(/0+$/, '');
  if (!i) i = '0';
  const out = f ? `${i}.${f}` : i;
  return neg && out !== '0' ? `-${out}` : out;
}

/** Cell text as it is compared: full-width folded to half-width (NFKC), every kind of space removed. */
export function compactCellText(raw: string): string {
  return raw.normalize('NFKC').replace(/[\s\u3000\u00a0\u200b\ufeff]+/g, '');
}

/** A cell that holds one of the no-figure marks (not a blank: a blank is no mark at all). */
export function isNoFigureMark(raw: string): boolean {
  return NO_FIGURE_MARKS.has(compactCellText(raw));
}

/** Reads one table cell: blank → null, plain or decorated number → exact decimal text, else an error reason. */
export function parseCellText(raw: string, unit: Unit): CellParse {
  // Most cells are a bare figure: nothing to fold, strip or shift, so it is its own value.
  if (PLAIN_FIGURE.test(raw)) return { ok: true, value: raw };
  // Only spaces: blank (NFKC turns every one of them into another of them, all dropped below).
  if (SPACES_ONLY.test(raw)) return { ok: true, value: null };
  let t = compactCellText(raw);
  if (t === '') return { ok: true, value: null };
  if (NO_FIGURE_MARKS.has(t)) return { ok: true, value: null };
  let sign = '';
  const change = /^(增加|减少|增|减)(.*)$/u.exec(t);
  if (change) {
    sign = change[1].startsWith('减') ? '-' : '';
    t = change[2];
  }
  let shift = 0;
  if (unit === 'wan_yuan') {
    for (const [re, s] of SHIFT_FOR_UNIT)
      if (re.test(t)) {
        shift = s;
        t = t.replace(re, '');
        break;
      }
  } else {
    t = t.replace(COUNT_UNITS, '');
  }
  if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) t = t.replace(/,/g, '');
  if (!/^[+-]?\d+(\.\d+)?$/.test(t)) return { ok: false, reason: `"${raw.trim()}" is not a number` };
  if (t.startsWith('+')) t = t.slice(1);
  if (sign && t.startsWith('-')) return { ok: false, reason: `"${raw.trim()}" has two signs` };
  const value = shiftDecimal(sign + t, shift);
  return { ok: true, value };
}

/** A cell that reads as a figure: number, decorated number ("251000元", "减少22") or a no-figure mark. */
export function isFigure(text: string): boolean {
  if (PLAIN_FIGURE.test(text)) return true;
  const t = compactCellText(text);
  if (t === '') return false;
  if (isNoFigureMark(t)) return true;
  return /\d/.test(t) && (parseCellText(t, 'signed_count').ok || parseCellText(t, 'wan_yuan').ok);
}
