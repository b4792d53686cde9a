import { EDITIONS, cellsOf, type EditionDef } from '../../src/shared/editions';
import { checkArithmetic, checkUnits, expandRules } from '../../src/shared/checks/arithmetic.check';
import { blankValues, buildConsistentValues } from '../../src/shared/checks/consistent-values';
import { addDecimals, formatDecimal, parseDecimal } from '../../src/shared/decimal';
import type { Finding } from '../../src/shared/checks/finding.types';

const editions = Object.values(EDITIONS);
const failed = (fs: Finding[]) => fs.filter((f) => f.status === 'failed');
const bump = (v: string, by = 1) => String(Number(v) + by);

describe.each(editions.map((e) => [e.id, e] as [string, EditionDef]))('arithmetic, %s edition', (_id, edition) => {
  const consistent = buildConsistentValues(edition, 42);

  it('a generated consistent report passes every rule and unit check', () => {
    expect(Object.keys(consistent).sort()).toEqual(
      cellsOf(edition)
        .map((c) => c.key)
        .sort(),
    );
    expect(checkArithmetic(edition, consistent)).toEqual([]);
    expect(checkUnits(edition, consistent)).toEqual([]);
  });

  it('expands every declared rule: balance/row_sum per column, column_sum per stored row', () => {
    const rules = expandRules(edition);
    const apps = edition.tables.find((t) => t.id === 'applications')!.blocks[0];
    for (const decl of edition.rules) {
      const concrete = rules.filter((r) => r.code === decl.code && r.kind === decl.kind);
      if (decl.kind === 'column_sum' && decl.table === 'applications') expect(concrete).toHaveLength(apps.rows.length);
      if (decl.kind !== 'column_sum') expect(concrete).toHaveLength(apps.columns.length);
    }
    // Derived rows (Σ of stored rows) get no rules of their own.
    const derived = new Set(edition.derivedRows.map((d) => d.key));
    expect(rules.filter((r) => r.kind === 'column_sum' && derived.has(r.along.key))).toEqual([]);
  });

  // One broken cell, one failed finding per rule it takes part in (equations along the 总计 column
  // are implied by the others and not restated).
  describe.each(edition.rules.map((r, i) => [`${r.code} (${r.kind}) #${i}`, i] as [string, number]))('%s', (_name, i) => {
    const decl = edition.rules[i];
    const rule = expandRules(edition).find(
      (r) => r.code === decl.code && r.kind === decl.kind && (decl.kind !== 'column_sum' || r.left[0].endsWith(decl.total)),
    )!;
    const broken = rule.right[0];

    it('broken once: exactly one failed finding of this rule, naming its cells', () => {
      const values = { ...consistent, [broken]: bump(consistent[broken]) };
      const findings = checkArithmetic(edition, values);
      const mine = failed(findings).filter((f) => f.rule === decl.code);
      expect(mine).toHaveLength(1);
      expect(mine[0].severity).toBe('error');
      expect(mine[0].cells.map((c) => c.key)).toEqual([...rule.left, ...rule.right]);
      expect(mine[0].cells.find((c) => c.key === broken)!.value).toBe(Number(values[broken]));
      // Every other failure is a rule through the same cell, never elsewhere.
      for (const f of failed(findings)) expect(f.cells.map((c) => c.key)).toContain(broken);
      expect(findings.filter((f) => f.status === 'not_assessable')).toEqual([]);
    });

    it('a report that breaks only this rule, once, yields exactly one finding in all, naming its cells', () => {
      const apps = edition.tables.find((t) => t.id === 'applications')!;
      const totalOf = (key: string) => key.replace(/\.[a-z_]+$/, '.total');
      const values = { ...consistent };
      let expectedCells: string[];
      if (decl.kind === 'column_sum') {
        // The total alone: its row no longer adds up, nothing else is touched.
        values[rule.left[0]] = bump(values[rule.left[0]]);
        expectedCells = [...rule.left, ...rule.right];
      } else {
        // One figure in a part column, and its row's 总计 with it, so that the row still adds up.
        const concrete = expandRules(edition).find(
          (r) => r.code === decl.code && r.kind === decl.kind && r.along.key === apps.blocks[0].columns[0].key,
        )!;
        const cell = decl.kind === 'balance' ? concrete.left[0] : concrete.right[0];
        values[cell] = bump(values[cell]);
        values[totalOf(cell)] = bump(values[totalOf(cell)]);
        expectedCells = [...concrete.left, ...concrete.right];
      }
      const findings = failed(checkArithmetic(edition, values));
      expect(findings).toHaveLength(1);
      expect(findings[0]).toMatchObject({ rule: decl.code, severity: 'error' });
      expect(findings[0].cells.map((c) => c.key)).toEqual(expectedCells);
    });
  });

  it('a broken lawsuits total gives exactly one finding in all', () => {
    const values = { ...consistent, 'review.upheld': bump(consistent['review.upheld'], 2) };
    const findings = checkArithmetic(edition, values);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      rule: 'LAWSUITS_TOTAL',
      status: 'failed',
      severity: 'error',
      actual: Number(consistent['review.total']),
    });
    expect(findings[0].expected).toBe(Number(consistent['review.total']) + 2);
    expect(findings[0].message).toBe(
      `行政复议·总计 应为 ${Number(consistent['review.total']) + 2}（结果维持、结果纠正、其他结果、尚未审结之和），实为 ${consistent['review.total']}`,
    );
  });

  it('names rows and columns by template labels', () => {
    const key = 'applications.processed_total.natural_person';
    const values = { ...consistent, [key]: bump(consistent[key], -1) };
    const rowSum = failed(checkArithmetic(edition, values)).find((f) => f.rule === 'APPLICATIONS_PROCESSED_TOTAL')!;
    expect(rowSum.message).toBe(`三（七）总计·自然人 应为 ${consistent[key]}（各项办理结果之和），实为 ${values[key]}`);
    const balance = failed(checkArithmetic(edition, values)).find((f) => f.rule === 'APPLICATIONS_BALANCE')!;
    expect(balance.message).toContain('自然人列');
    expect(balance.message).toContain('四、结转下年度继续办理·自然人');
  });

  it('blank 总计 cells leave rules not assessable, never failed', () => {
    const values: Record<string, string | null> = { ...consistent };
    for (const k of Object.keys(values)) if (k.startsWith('applications.') && k.endsWith('.total')) values[k] = null;
    // Even a figure that would contradict a blank total does not fail.
    values['applications.granted.natural_person'] = bump(consistent['applications.granted.natural_person'], 5);
    const findings = checkArithmetic(edition, values);
    const appsRows = edition.tables.find((t) => t.id === 'applications')!.blocks[0].rows.length;
    expect(failed(findings).filter((f) => f.rule === 'APPLICATIONS_APPLICANT_TOTAL')).toEqual([]);
    expect(findings.filter((f) => f.rule === 'APPLICATIONS_APPLICANT_TOTAL' && f.status === 'not_assessable')).toHaveLength(appsRows);
    expect(
      findings.find((f) => f.rule === 'APPLICATIONS_BALANCE' && f.cells.some((c) => c.key === 'applications.new.total')),
    ).toMatchObject({ status: 'not_assessable', severity: 'info' });
    // The natural-person column is still complete, so its row sum (and only that) fails.
    expect(failed(findings).map((f) => f.rule)).toEqual(['APPLICATIONS_PROCESSED_TOTAL']);
  });

  it('an all-blank report gives only not-assessable findings', () => {
    const findings = checkArithmetic(edition, blankValues(edition));
    expect(findings).toHaveLength(expandRules(edition).length);
    for (const f of findings) expect(f).toMatchObject({ status: 'not_assessable', severity: 'info' });
    expect(findings[0].message).toContain('全部空白');
  });
});

describe('unit checks', () => {
  const e2019 = EDITIONS['2019'];
  const e2021 = EDITIONS['2021'];
  it('counts are non-negative integers, 本年增/减 any integer, 万元 non-negative', () => {
    const v = { ...buildConsistentValues(e2019, 3), 'active.licensing.change': '-22', 'active.procurement.amount': '12.90' };
    expect(checkUnits(e2019, v)).toEqual([]);
    const bad = {
      ...v,
      'active.normative.made': '-1',
      'active.penalty.decisions': '1.5',
      'active.licensing.change': '2.5',
      'active.procurement.amount': '-0.01',
    };
    expect(checkUnits(e2019, bad).map((f) => [f.rule, f.cells[0].key])).toEqual([
      ['NON_NEGATIVE_INTEGER', 'active.normative.made'],
      ['INTEGER', 'active.licensing.change'],
      ['NON_NEGATIVE_INTEGER', 'active.penalty.decisions'],
      ['NON_NEGATIVE_AMOUNT', 'active.procurement.amount'],
    ]);
    expect(checkUnits(e2021, { ...buildConsistentValues(e2021, 3), 'active.fees.amount': '96171.6', 'review.total': '5.0' })).toEqual([]);
  });
});

describe('exact decimals', () => {
  it('adds without float error and compares across scales', () => {
    const sum = addDecimals(['0.1', '0.2', '7539.443252'].map((s) => parseDecimal(s)!));
    expect(formatDecimal(sum)).toBe('7539.743252');
    expect(formatDecimal(parseDecimal('12.90')!)).toBe('12.9');
    expect(formatDecimal(parseDecimal('-0.50')!)).toBe('-0.5');
    expect(parseDecimal('1e3')).toBeNull();
    const big = addDecimals([parseDecimal('9007199254740993')!, parseDecimal('1')!]);
    expect(formatDecimal(big)).toBe('9007199254740994');
  });
});
