import { readFileSync } from 'fs';
import { checkReport } from '../../src/shared/checks';
import { readReport } from '../../src/ingest/report-reader';
import type { ParsedReport } from '../../src/shared/parsed-report';
import { SEED_REPORT } from '../../seeds/seed';

describe('reader notices become findings', () => {
  let parsed: ParsedReport;
  beforeAll(async () => {
    parsed = (await readReport(readFileSync(SEED_REPORT), { file: 'seed.txt' })).parsed;
  });

  it('turns each notice into a failed warning of its rule, with the cells it names', () => {
    const without = checkReport(parsed, { importYear: 2020 });
    const notices = [
      {
        rule: 'HYBRID_TABLE',
        message: '第三部分表格按2019年版印制（六）行',
        cells: ['applications.new.total', 'applications.granted.natural_person'],
      },
      { rule: 'OTHER_LAYOUT', message: '另一版式说明' },
    ];
    const withNotices = checkReport({ ...parsed, notices }, { importYear: 2020 });
    const added = withNotices.filter((f) => !without.some((w) => w.rule === f.rule && w.message === f.message));
    expect(added).toEqual([
      {
        rule: 'HYBRID_TABLE',
        severity: 'warning',
        status: 'failed',
        message: notices[0].message,
        // The seed's figures, a blank as null (a blank is not a zero).
        cells: [
          { key: 'applications.new.total', value: Number(parsed.cells['applications.new.total'].value) },
          {
            key: 'applications.granted.natural_person',
            value:
              parsed.cells['applications.granted.natural_person'].value === null
                ? null
                : Number(parsed.cells['applications.granted.natural_person'].value),
          },
        ],
        expected: null,
        actual: null,
      },
      { rule: 'OTHER_LAYOUT', severity: 'warning', status: 'failed', message: notices[1].message, cells: [], expected: null, actual: null },
    ]);
    expect(withNotices).toHaveLength(without.length + 2);
  });

  it('keeps errors first', () => {
    const findings = checkReport({
      ...parsed,
      notices: [{ rule: 'HYBRID_TABLE', message: 'x' }],
      cells: { ...parsed.cells, 'applications.new.total': { ...parsed.cells['applications.new.total'], value: '-1' } },
    });
    const severities = findings.map((f) => f.severity);
    expect(severities[0]).toBe('error');
    expect(severities.lastIndexOf('error')).toBeLessThan(severities.indexOf('warning'));
  });
});
