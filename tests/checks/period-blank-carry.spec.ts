import { EDITIONS } from '../../src/shared/editions';
import { checkBlankCells } from '../../src/shared/checks/blank-audit.check';
import { checkCarryOver } from '../../src/shared/checks/carry-over.check';
import { checkConsolidated } from '../../src/shared/checks/consolidated.check';
import { blankValues, buildConsistentValues } from '../../src/shared/checks/consistent-values';
import { checkPeriod } from '../../src/shared/checks/period.check';

const e2019 = EDITIONS['2019'];
const e2021 = EDITIONS['2021'];

describe('period', () => {
  const report = {
    title: '某局2021年政府信息公开工作年度报告',
    period: '2021年1月1日至2021年12月31日',
    year: 2021,
    edition: '2021' as const,
  };
  it('agreeing years and the edition in force give nothing', () => {
    expect(checkPeriod(report, 2021)).toEqual([]);
    expect(checkPeriod({ ...report, title: null, year: 2021 })).toEqual([]);
  });
  it('title, period and import year must agree', () => {
    const [f] = checkPeriod({ ...report, title: '田黄镇2020年政府信息公开工作年度报告' }, 2021);
    expect(f).toMatchObject({ rule: 'YEAR_MISMATCH', severity: 'warning', status: 'failed', expected: 2020, actual: 2021 });
    expect(f.message).toBe('报告年度不一致：标题2020年，统计期限起2021年，统计期限止2021年，导入年度2021年');
    expect(checkPeriod(report, 2022).map((x) => x.rule)).toEqual(['YEAR_MISMATCH']);
  });
  it('the edition must be the one in force for the year', () => {
    expect(checkPeriod({ ...report, title: '某局2020年政府信息公开工作年度报告', period: null, year: 2020 })).toEqual([
      expect.objectContaining({ rule: 'EDITION_YEAR_MISMATCH', severity: 'warning', expected: 2019, actual: 2021 }),
    ]);
    expect(checkPeriod({ ...report, edition: '2019' }).map((x) => x.rule)).toEqual(['EDITION_YEAR_MISMATCH']);
    expect(checkPeriod({ ...report, title: '2020年报告', period: null, year: 2020, edition: '2019' })).toEqual([]);
  });
  it('no year anywhere is not assessable', () => {
    expect(checkPeriod({ title: null, period: null, year: null, edition: '2021' })).toEqual([
      expect.objectContaining({ rule: 'YEAR_MISMATCH', status: 'not_assessable' }),
    ]);
  });
});

describe('blank cells', () => {
  it('a filled report gives nothing; an unfilled template one whole-table finding per table', () => {
    expect(checkBlankCells(e2021, buildConsistentValues(e2021))).toEqual([]);
    const fs = checkBlankCells(e2021, blankValues(e2021));
    expect(fs.map((f) => f.message)).toEqual([
      '表二（主动公开政府信息情况）整表空白（10个单元格均未填写）',
      '表三（收到和处理政府信息公开申请情况）整表空白（175个单元格均未填写）',
      '表四（政府信息公开行政复议、行政诉讼情况）整表空白（15个单元格均未填写）',
    ]);
    for (const f of fs) expect(f).toMatchObject({ rule: 'BLANK_CELLS', severity: 'info', status: 'not_assessable' });
  });
  it('counts partial blanks', () => {
    const v = { ...buildConsistentValues(e2019), 'review.total': null, 'litigation_direct.other': null };
    const [f] = checkBlankCells(e2019, v);
    expect(f.message).toBe(
      '表四（政府信息公开行政复议、行政诉讼情况）有2/15个单元格空白：行政复议·总计、行政诉讼·未经复议直接起诉·其他结果',
    );
    expect(f.cells).toEqual([
      { key: 'review.total', value: null },
      { key: 'litigation_direct.other', value: null },
    ]);
  });
});

describe('carry-over', () => {
  const prev = buildConsistentValues(e2019, 11);
  const carried = Object.fromEntries(
    Object.entries(prev)
      .filter(([k]) => k.startsWith('applications.carried_forward.'))
      .map(([k, v]) => [k.replace('carried_forward', 'carried_over'), v]),
  );
  it("last year's carried-forward is this year's carried-over, column by column", () => {
    expect(checkCarryOver(prev, { ...buildConsistentValues(e2021, 12), ...carried }, e2021)).toEqual([]);
    const cur = {
      ...buildConsistentValues(e2021, 12),
      ...carried,
      'applications.carried_over.business': String(Number(carried['applications.carried_over.business']) + 1),
    };
    const fs = checkCarryOver(prev, cur, e2021);
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ rule: 'CARRY_OVER_MISMATCH', severity: 'warning', status: 'failed' });
    expect(fs[0].cells.map((c) => c.key)).toEqual(['applications.carried_forward.business', 'applications.carried_over.business']);
    expect(fs[0].message).toContain('四、结转下年度继续办理·商业企业');
  });
  it('blank on either side is not assessable', () => {
    const fs = checkCarryOver(
      { ...prev, 'applications.carried_forward.total': null },
      { ...buildConsistentValues(e2021, 12), ...carried },
      e2021,
    );
    expect(fs).toEqual([expect.objectContaining({ status: 'not_assessable', severity: 'info' })]);
  });
});

describe('consolidated', () => {
  const a = buildConsistentValues(e2021, 21);
  const b = buildConsistentValues(e2021, 22);
  // Counts add as integers; the fee (万元) is set by hand so the sum stays an exact decimal.
  const sums: Record<string, string> = {
    ...Object.fromEntries(Object.keys(a).map((k) => [k, String(Number(a[k]) + Number(b[k]))])),
    'active.fees.amount': '1.10',
  };
  it('equal to the members sum gives nothing; each differing cell is one warning', () => {
    const s = sums;
    const report = { ...s, 'active.fees.amount': '1.1' };
    expect(checkConsolidated(report, s, e2021)).toEqual([]);
    const off = { ...report, 'applications.new.total': String(Number(s['applications.new.total']) - 3) };
    const fs = checkConsolidated(off, s, e2021);
    expect(fs).toEqual([
      expect.objectContaining({
        rule: 'CONSOLIDATED_MISMATCH',
        severity: 'warning',
        status: 'failed',
        expected: Number(s['applications.new.total']),
      }),
    ]);
    expect(fs[0].message).toContain('一、本年新收政府信息公开申请数量·总计');
  });
  it('blank on one side is one not-assessable finding listing the cells', () => {
    const fs = checkConsolidated({ ...sums, 'review.total': null }, sums, e2021);
    expect(fs).toEqual([expect.objectContaining({ status: 'not_assessable', cells: [{ key: 'review.total', value: null }] })]);
    expect(checkConsolidated({ x: '1' }, { x: '2' })).toHaveLength(1);
  });
});
