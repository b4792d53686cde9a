import { cellKey, cellsOf, tableOf, type EditionDef, type RuleDecl, type TableDef, type Unit } from '../editions';
import { cellLabel, listLabels } from './cell-labels';
import { addDecimals, compareDecimals, decimalToNumber, formatDecimal, isInteger, parseDecimal, type Decimal } from '../decimal';
import { exactCell, exactValue } from './exact-values';
import { RULE_CODES, type CellValues, type Finding, type FindingCell } from './finding.types';

/** One cell-level equation: Σ left cells = Σ right cells. */
export interface ConcreteRule {
  code: string;
  kind: RuleDecl['kind'];
  table: TableDef['id'];
  /** The declared rule's sentence ("（七）总计应等于各项办理结果之和"). */
  description: string;
  /** The column (balance, row_sum) or row (column_sum) the equation is about. */
  along: { key: string; label: string };
  /** For sums: [total]; for balance: the left-hand rows. */
  left: string[];
  /** For sums: the parts; for balance: the right-hand rows. */
  right: string[];
  /** Cells of `right` a printed legacy cell stands for when they are blank (row_sum alternatives). */
  alternatives?: Array<{ parts: string[]; by: string }>;
}

/**
 * Declared rules as cell equations: balance and row_sum once per column of the block holding their
 * rows, column_sum once per stored row of every block holding its columns (derived rows are sums of
 * stored rows, so checking them again would only repeat findings).
 */
export function expandRules(edition: EditionDef): ConcreteRule[] {
  return expandedOf(edition).rules;
}

/** Rules expanded once per edition, with the lookups impliedByParts needs (not once per report). */
interface ExpandedRules {
  rules: ConcreteRule[];
  /** code|kind|column → the equation along that column. */
  along: Map<string, ConcreteRule>;
  /** total cell → its row-sum (column_sum) equation. */
  rowSumOf: Map<string, ConcreteRule>;
  /** table|total column → the declared column_sum rule with that total (impliedByParts). */
  columnSumDecl: Map<string, Extract<RuleDecl, { kind: 'column_sum' }>>;
}

const expanded = new WeakMap<EditionDef, ExpandedRules>();

function expandedOf(edition: EditionDef): ExpandedRules {
  let e = expanded.get(edition);
  if (!e) {
    const rules = expandAll(edition);
    const along = new Map<string, ConcreteRule>();
    const rowSumOf = new Map<string, ConcreteRule>();
    for (const r of rules) {
      const k = `${r.code}|${r.kind}|${r.along.key}`;
      if (!along.has(k)) along.set(k, r);
      if (r.kind === 'column_sum' && !rowSumOf.has(r.left[0])) rowSumOf.set(r.left[0], r);
    }
    const columnSumDecl = new Map<string, Extract<RuleDecl, { kind: 'column_sum' }>>();
    // The first declared, as Array.prototype.find gave it.
    for (const d of edition.rules)
      if (d.kind === 'column_sum' && !columnSumDecl.has(`${d.table}|${d.total}`)) columnSumDecl.set(`${d.table}|${d.total}`, d);
    expanded.set(edition, (e = { rules, along, rowSumOf, columnSumDecl }));
  }
  return e;
}

function expandAll(edition: EditionDef): ConcreteRule[] {
  const out: ConcreteRule[] = [];
  for (const rule of edition.rules) {
    const table = tableOf(edition, rule.table);
    if (rule.kind === 'column_sum') {
      const cols = [rule.total, ...rule.parts];
      for (const block of table.blocks) {
        if (!cols.every((c) => block.columns.some((bc) => bc.key === c))) continue;
        for (const row of block.rows)
          out.push({
            code: rule.code,
            kind: rule.kind,
            table: rule.table,
            description: rule.message,
            along: { key: row.key, label: row.label },
            left: [cellKey(table, row.key, rule.total)],
            right: rule.parts.map((c) => cellKey(table, row.key, c)),
          });
      }
      continue;
    }
    const [left, right] = rule.kind === 'balance' ? [rule.left, rule.right] : [[rule.total], rule.parts];
    const rows = [...left, ...right];
    for (const block of table.blocks) {
      if (!rows.every((r) => block.rows.some((br) => br.key === r))) continue;
      for (const col of block.columns)
        out.push({
          code: rule.code,
          kind: rule.kind,
          table: rule.table,
          description: rule.message,
          along: { key: col.key, label: col.label },
          left: left.map((r) => cellKey(table, r, col.key)),
          right: right.map((r) => cellKey(table, r, col.key)),
          ...(rule.kind === 'row_sum' && rule.alternatives
            ? {
                alternatives: rule.alternatives.map((a) => ({
                  parts: a.parts.map((r) => cellKey(table, r, col.key)),
                  by: cellKey(table, a.by, col.key),
                })),
              }
            : {}),
        });
    }
  }
  return out;
}

export function findingCell(key: string, value: string | null | undefined): FindingCell {
  const d = value == null ? null : parseDecimal(value);
  return { key, value: d ? decimalToNumber(d) : null };
}

/** What the rule's sentence says a total equals ("各项办理结果之和"), for "应为 N（…）". */
function sumPhrase(description: string): string {
  const i = description.indexOf('应等于');
  return i >= 0 ? description.slice(i + 3) : description;
}

/**
 * The equation as this report printed it: where a legacy row was printed and the rows it stands for
 * are all blank (hybrid tables), the legacy cell is summed in their place (docs/format.md, "Rules").
 */
function asPrinted(rule: ConcreteRule, values: CellValues): ConcreteRule {
  let right = rule.right;
  for (const alt of rule.alternatives ?? []) {
    if (values[alt.by] === undefined || alt.parts.some((k) => values[k] != null)) continue;
    const at = right.indexOf(alt.parts[0]);
    if (at < 0) continue;
    right = [...right.slice(0, at), alt.by, ...right.slice(at).filter((k) => !alt.parts.includes(k))];
  }
  return right === rule.right ? rule : { ...rule, right };
}

function evaluate(edition: EditionDef, printed: ConcreteRule, values: CellValues): Finding | null {
  const rule = asPrinted(printed, values);
  const keys = [...rule.left, ...rule.right];
  const cells = keys.map((k) => exactCell(values, k));
  const parsed = keys.map((k) => exactValue(values, k));
  const blank = keys.filter((_, i) => parsed[i] === null);
  if (blank.length > 0) {
    // Blank is not zero (docs/format.md): a rule with a blank cell is open, never failed.
    const what = rule.kind === 'balance' ? `${rule.along.label}列` : cellLabel(edition, rule.left[0]);
    return {
      rule: rule.code,
      severity: 'info',
      status: 'not_assessable',
      cells,
      expected: null,
      actual: null,
      message:
        blank.length === keys.length
          ? `${what}：${rule.description}，相关单元格全部空白，无法核对`
          : `${what}：${rule.description}，${listLabels(blank.map((k) => cellLabel(edition, k)))}空白，无法核对`,
    };
  }
  const sum = (n: number, len: number) => addDecimals(parsed.slice(n, n + len) as Decimal[]);
  const left = sum(0, rule.left.length);
  const right = sum(rule.left.length, rule.right.length);
  if (compareDecimals(left, right) === 0) return null;
  if (rule.kind === 'balance') {
    const side = (ks: string[]) => ks.map((k) => cellLabel(edition, k)).join(' + ');
    return {
      rule: rule.code,
      severity: 'error',
      status: 'failed',
      cells,
      expected: decimalToNumber(left),
      actual: decimalToNumber(right),
      message: `${rule.along.label}列：${side(rule.left)} = ${formatDecimal(left)}，而 ${side(rule.right)} = ${formatDecimal(right)}（${rule.description}）`,
    };
  }
  // Sums: the parts are what the total should be.
  return {
    rule: rule.code,
    severity: 'error',
    status: 'failed',
    cells,
    expected: decimalToNumber(right),
    actual: decimalToNumber(left),
    message: `${cellLabel(edition, rule.left[0])} 应为 ${formatDecimal(right)}（${sumPhrase(rule.description)}），实为 ${formatDecimal(left)}`,
  };
}

const assessable = (rule: ConcreteRule, values: CellValues) => {
  const r = asPrinted(rule, values);
  return [...r.left, ...r.right].every((k) => exactValue(values, k) !== null);
};

/**
 * A balance or row-sum equation along a total column (总计) is the sum of the same equation along
 * its part columns plus the row sums of the rows it reads. When all of those can be assessed, it
 * can only fail together with one of them, so it is not reported again: one broken figure, one
 * finding. When the parts are blank (totals-only reports), it is the only check there is.
 */
function impliedByParts(rules: ExpandedRules, rule: ConcreteRule, values: CellValues): boolean {
  if (rule.kind === 'column_sum') return false;
  const decl = rules.columnSumDecl.get(`${rule.table}|${rule.along.key}`);
  if (!decl) return false;
  const siblings = decl.parts.map((p) => rules.along.get(`${rule.code}|${rule.kind}|${p}`));
  const printed = asPrinted(rule, values);
  const rowSums = [...printed.left, ...printed.right].map((k) => rules.rowSumOf.get(k));
  return [...siblings, ...rowSums].every((r) => r !== undefined && assessable(r, values));
}

/** Every declared arithmetic rule of the edition, cell by cell, without restating implied equations. */
export function checkArithmetic(edition: EditionDef, values: CellValues): Finding[] {
  const rules = expandedOf(edition);
  return rules.rules
    .filter((r) => !impliedByParts(rules, r, values))
    .map((r) => evaluate(edition, r, values))
    .filter((f): f is Finding => f !== null);
}

const UNIT_RULES: Record<Unit, { code: string; ok: (d: Decimal) => boolean; says: string }> = {
  count: { code: RULE_CODES.nonNegativeInteger, ok: (d) => d.units >= 0n && isInteger(d), says: '应为非负整数（件数）' },
  signed_count: { code: RULE_CODES.integer, ok: (d) => isInteger(d), says: '应为整数' },
  wan_yuan: { code: RULE_CODES.nonNegativeAmount, ok: (d) => d.units >= 0n, says: '金额不应为负数' },
};

/** Each cell against its unit (docs/format.md, units): counts are whole and non-negative, money non-negative. */
export function checkUnits(edition: EditionDef, values: CellValues): Finding[] {
  const out: Finding[] = [];
  for (const c of cellsOf(edition)) {
    const raw = values[c.key];
    if (raw == null) continue;
    const unit = UNIT_RULES[c.unit];
    const d = exactValue(values, c.key);
    if (d && unit.ok(d)) continue;
    out.push({
      rule: unit.code,
      severity: 'error',
      status: 'failed',
      cells: [exactCell(values, c.key)],
      expected: null,
      actual: d ? decimalToNumber(d) : null,
      message: d ? `${cellLabel(edition, c.key)} ${unit.says}，实为 ${raw}` : `${cellLabel(edition, c.key)} 不是数字：${raw}`,
    });
  }
  return out;
}
