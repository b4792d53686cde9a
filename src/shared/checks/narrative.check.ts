import { sectionNumeral } from '../editions/template-headers';
import type { EditionDef, NarrativeComparisonDef } from '../editions';
import type { ParsedNarrative } from '../parsed-report';
import { cellLabel } from './cell-labels';
import { addDecimals, compareDecimals, decimalToNumber, formatDecimal, parseDecimal, type Decimal } from '../decimal';
import { exactCell, exactValue } from './exact-values';
import { RULE_CODES, type CellValues, type Finding } from './finding.types';

/**
 * Narrative vs tables (soft; the comparisons each edition declares, docs/format.md): numbers restated in the text
 * are compared with the text's own totals and with the tables. Prose is ambiguous (sub-units,
 * other years, overlapping channels), so these findings are warnings, never errors, and each
 * pattern is kept narrow: an unrecognised sentence yields nothing rather than a guess.
 */

/** NFKC, whitespace dropped except between digits (PDF text breaks lines mid-sentence), "1,234" → "1234". */
export function normalizeNarrative(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/(?<=\d)[,，](?=\d{3})/g, '')
    .replace(/(?<!\d)[\s\u3000\u00a0]+|[\s\u3000\u00a0]+(?!\d)/g, '');
}

function sentences(text: string): string[] {
  return normalizeNarrative(text)
    .split(/[。！？!?]/u)
    .filter(Boolean);
}

function where(n: ParsedNarrative): string {
  return n.heading.trim() || `${sectionNumeral(n.section)}、`;
}

// ---- (a) a stated total of items against the parts listed after 其中 ----

const ITEMS = /(约|近|超过|逾)?(\d+)(余|多)?条/gu;
const PUBLISHING = /公开|发布|公布/u;
/** A last part named 其他/其余… claims the list is complete; otherwise a short sum may just list highlights. */
const EXHAUSTIVE = /其他|其它|其余|另有/u;

interface Part {
  n: number;
  label: string;
  approximate: boolean;
}

/** The text after 其中 up to the sentence end or the bracket closing around it; nested brackets dropped. */
function topLevelBody(text: string): string {
  let depth = 0;
  let out = '';
  for (const ch of text) {
    if (ch === '(' || ch === '（') depth++;
    else if (ch === ')' || ch === '）') {
      if (depth === 0) break;
      depth--;
    } else if (depth === 0) out += ch;
  }
  return out;
}

function itemsIn(text: string): Part[] {
  const out: Part[] = [];
  let last = 0;
  for (const m of text.matchAll(ITEMS)) {
    const label =
      text
        .slice(last, m.index)
        .split(/[，、；：,;:]/u)
        .pop() ?? '';
    out.push({ n: Number(m[2]), label, approximate: Boolean(m[1] || m[3]) });
    last = m.index! + m[0].length;
  }
  return out;
}

function channelSums(n: ParsedNarrative, ss: string[]): Finding[] {
  const out: Finding[] = [];
  ss.forEach((s, i) => {
    for (const m of s.matchAll(/其中/gu)) {
      const before = s.slice(0, m.index);
      // The total is the last item count right before 其中, or, when 其中 opens the sentence, the previous sentence's.
      const pre = /^[\s,，:：(（]*$/u.test(before) && i > 0 ? ss[i - 1] : before;
      const totals = [...pre.matchAll(ITEMS)];
      const total = totals[totals.length - 1];
      if (!total) continue;
      // Another figure between total and 其中 means the list may break down that one instead; shares ("100%") do not.
      const between = pre.slice(total.index! + total[0].length);
      if (/\d/.test(between.replace(/\d+(?:\.\d+)?%/gu, '')) || total[1] || total[3]) continue;
      const clause =
        (pre
          .slice(0, total.index)
          .split(/[，；,;]/u)
          .pop() ?? '') + total[0];
      if (!PUBLISHING.test(clause + between)) continue;
      const body = topLevelBody(s.slice(m.index! + 2).split(/其中/u)[0]);
      const parts = itemsIn(body);
      if (parts.length < 2 || parts.some((p) => p.approximate)) continue;
      const stated = Number(total[2]);
      const sum = parts.reduce((a, p) => a + p.n, 0);
      if (sum === stated || (sum < stated && !EXHAUSTIVE.test(parts[parts.length - 1].label))) continue;
      out.push({
        rule: RULE_CODES.narrativeChannelSum,
        severity: 'warning',
        status: 'failed',
        cells: [],
        expected: stated,
        actual: sum,
        message: `${where(n)}：文中“${clause}”，但其后所列各项 ${parts.map((p) => p.n).join(' + ')} = ${sum}条（相差${Math.abs(sum - stated)}条）`,
      });
    }
  });
  return out;
}

// ---- (b, c) stated application, review and lawsuit counts against the tables ----

interface Stated {
  n: number;
  text: string;
  section: ParsedNarrative;
}

/** Words that make a nearby 申请/件 about something else (复议申请, 人大建议 …). */
const OTHER_MATTER = /复议|诉讼|建议|提案|议案|信访|举报|投诉|咨询/u;

const RECEIVED = [
  /(?:收到|受理|接收|新收)(?<mid>[^。；，,;\d]{0,30}?)申请(?:数量)?(?:共计|合计|总计|共)?(?<n>\d+)(?:件|条|个)/gu,
  /(?:收到|受理|接收|新收)(?:各类)?(?<n>\d+)(?:件|条|个)(?<mid>[^。；，,;\d]{0,12}?)申请/gu,
];
const PROCESSED = /办结(?!率)(?<mid>[^。；，,;\d%]{0,15}?)(?<n>\d+)件/gu;
const REVIEWS = /行政复议(?:案件|申请)?(?:共计|合计|共)?(?<n>\d+)(?:起|件|宗|个|次)/gu;
const LAWSUITS = /行政诉讼(?:案件)?(?:共计|合计|共)?(?<n>\d+)(?:起|件|宗|个|次)/gu;

/** A pattern without its global flag: whether a sentence holds any match at all, before collecting them (most hold none). */
const probes = new Map<RegExp, RegExp>();
function probe(pattern: RegExp): RegExp {
  let p = probes.get(pattern);
  if (!p) probes.set(pattern, (p = new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, ''))));
  return p;
}

/** The first statement matching in any narrative (group `n` the figure, `mid` the words between), skipping those about a sub-unit (其中 … in the same clause) or another matter. */
function firstStated(narratives: ParsedNarrative[], split: string[][], ...patterns: RegExp[]): Stated | null {
  for (const [i, section] of narratives.entries()) {
    for (const s of split[i]) {
      const hits = patterns.flatMap((p) => (probe(p).test(s) ? [...s.matchAll(p)] : [])).sort((a, b) => a.index! - b.index!);
      for (const m of hits) {
        const clause =
          s
            .slice(0, m.index)
            .split(/[，；,;]/u)
            .pop() ?? '';
        if (/其中/u.test(clause)) continue;
        if (OTHER_MATTER.test(m.groups?.mid ?? '')) continue;
        return { n: Number(m.groups!.n), text: m[0], section };
      }
    }
  }
  return null;
}

function value(values: CellValues, key: string): Decimal | null {
  return exactValue(values, key);
}

/**
 * One comparison: the stated figure must equal one of the accepted readings of the table (e.g. new
 * applications, or new plus carried over); a blank table cell leaves it open.
 */
function compare(
  edition: EditionDef,
  rule: string,
  stated: Stated | null,
  readings: string[][],
  values: CellValues,
  what: string,
): Finding[] {
  if (!stated) return [];
  const keys = [...new Set(readings.flat())];
  const cells = keys.map((k) => exactCell(values, k));
  const sums = readings.map((ks) => {
    const ds = ks.map((k) => value(values, k));
    return ds.every((d) => d !== null) ? addDecimals(ds as Decimal[]) : null;
  });
  const primary = readings[0].map((k) => cellLabel(edition, k)).join(' + ');
  if (sums[0] === null) {
    return [
      {
        rule,
        severity: 'info',
        status: 'not_assessable',
        cells,
        expected: stated.n,
        actual: null,
        message: `${where(stated.section)}：文中“${stated.text}”，表中${primary}空白，无法核对${what}`,
      },
    ];
  }
  const n = parseDecimal(String(stated.n))!;
  if (sums.some((s) => s !== null && compareDecimals(s, n) === 0)) return [];
  return [
    {
      rule,
      severity: 'warning',
      status: 'failed',
      cells,
      expected: stated.n,
      actual: decimalToNumber(sums[0]),
      message: `${where(stated.section)}：文中“${stated.text}”，表中${primary}为 ${formatDecimal(sums[0])}`,
    },
  ];
}

/** The prose each declared statement is read from, and the rule its findings carry. */
const STATEMENTS: Record<NarrativeComparisonDef['statement'], { patterns: RegExp[]; rule: string }> = {
  received: { patterns: RECEIVED, rule: RULE_CODES.narrativeApplications },
  processed: { patterns: [PROCESSED], rule: RULE_CODES.narrativeApplications },
  reviews: { patterns: [REVIEWS], rule: RULE_CODES.narrativeReviews },
  lawsuits: { patterns: [LAWSUITS], rule: RULE_CODES.narrativeLawsuits },
};

export function checkNarrative(edition: EditionDef, narratives: ParsedNarrative[], values: CellValues): Finding[] {
  // Every statement is looked for in the same sentences: each narrative is split once.
  const split = narratives.map((n) => sentences(n.text));
  return [
    ...narratives.flatMap((n, i) => channelSums(n, split[i])),
    ...edition.narrativeComparisons.flatMap((c) => {
      const s = STATEMENTS[c.statement];
      return compare(edition, s.rule, firstStated(narratives, split, ...s.patterns), c.readings, values, c.what);
    }),
  ];
}
