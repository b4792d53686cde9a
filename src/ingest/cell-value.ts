import type { Unit } from '../editions';

/** Cell texts that state "no figure": kept with their raw text, value null (keys.md). */
const NO_FIGURE = new Set(['/', '／', '-', '－', '—', '——', '–', '--', '―', '无', '\\', '、']);
const COUNT_UNITS = /(件|项|条|个|次|人次|宗|家|份|篇|起)$/u;
const SHIFT_FOR_UNIT: Array<[RegExp, number]> = [
  [/亿元$/u, 4],
  [/万元$/u, 0],
  [/元$/u, -4],
];

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
  let f = digits.slice(point).replace(/0+$/, '');
  if (!i) i = '0';
  const out = f ? `${i}.${f}` : i;
  return neg && out !== '0' ? `-${out}` : out;
}

/** Reads one table cell: blank → null, plain or decorated number → exact decimal text, else an error reason. */
export function parseCellText(raw: string, unit: Unit): CellParse {
  let t = raw.normalize('NFKC').replace(/[\s\u3000\u00a0\u200b\ufeff]+/g, '');
  if (t === '') return { ok: true, value: null };
  if (NO_FIGURE.has(t)) return { ok: true, value: null };
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
