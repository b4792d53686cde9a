import { SEED_REPORT } from '../../seeds/seed';
import { readFileSync } from 'fs';
import { EDITIONS } from '../../src/shared/editions';
import { checkReport } from '../../src/shared/checks';
import { buildConsistentValues } from '../../src/shared/checks/consistent-values';
import { checkNarrative } from '../../src/shared/checks/narrative.check';
import type { ParsedNarrative } from '../../src/shared/parsed-report';
import { readReport } from '../../src/ingest/report-reader';

const edition = EDITIONS['2021'];
const narr = (text: string): ParsedNarrative[] => [{ section: 1, heading: '一、总体情况', text }];
const values = (over: Record<string, string | null>) => ({ ...buildConsistentValues(edition, 5), ...over });
const rules = (text: string, over: Record<string, string | null> = {}) =>
  checkNarrative(edition, narr(text), values(over)).map((f) => `${f.rule}:${f.status}`);

describe('narrative: stated total vs listed parts', () => {
  it('flags parts adding to more than the total', () => {
    const [f] = checkNarrative(
      edition,
      narr(
        '全年通过各种方式公开政府信息117条，其中全文电子化达100%。其中，中心网站发布34条、微信公众号“某中心”发布44条、政府网站发布44条。',
      ),
      values({}),
    );
    expect(f).toMatchObject({ rule: 'NARRATIVE_CHANNEL_SUM', severity: 'warning', status: 'failed', expected: 117, actual: 122 });
    expect(f.message).toContain('34 + 44 + 44 = 122条');
  });
  it('accepts a matching breakdown, ignoring bracketed sub-breakdowns', () => {
    expect(
      rules(
        '今年共发布380条财政资金信息，其中专项资金152条，预决算公开197条（政府预决算32条、部门预决算公开165条）、“三公”经费27条、债券发行4条。',
      ),
    ).toEqual([]);
  });
  it('a short sum is only flagged when the list claims completeness (其他…)', () => {
    expect(rules('全年公开信息100条，其中政策文件20条、通知公告30条。')).toEqual([]);
    expect(rules('全年公开信息100条，其中政策文件20条、通知公告30条、其他信息40条。')).toEqual(['NARRATIVE_CHANNEL_SUM:failed']);
  });
  it('ignores approximate figures and lists of another figure', () => {
    expect(rules('累计主动公开政府信息7700余条，其中网站5000条、公众号3000条。')).toEqual([]);
    expect(rules('发布信息100条，点击量2000次，其中网站80条、公众号80条。')).toEqual([]);
  });
});

describe('narrative: stated counts vs tables', () => {
  const base = {
    'applications.new.total': '154',
    'applications.carried_over.total': '0',
    'applications.processed_total.total': '148',
    'review.total': '36',
    'litigation_direct.total': '6',
    'litigation_after_review.total': '3',
  };
  const text =
    '2025年，全区共收到政府信息公开申请154件，共办结148件，结转至2026年6件。全年办理因政府信息公开申请引发的行政复议36起，行政诉讼9起。';
  it('consistent statements give nothing', () => {
    expect(rules(text, base)).toEqual([]);
    expect(
      rules('本年度全区共收到70件申请，及时依法依规办结69件，1件结转下年度继续办理。', {
        ...base,
        'applications.new.total': '70',
        'applications.processed_total.total': '69',
      }),
    ).toEqual([]);
  });
  it('a stated count differing from the table is a warning naming the cell', () => {
    const fs = checkNarrative(
      edition,
      narr(text),
      values({ ...base, 'applications.new.total': '150', 'review.total': '35', 'litigation_direct.total': '7' }),
    );
    expect(fs.map((f) => [f.rule, f.severity, f.expected, f.actual])).toEqual([
      ['NARRATIVE_APPLICATIONS', 'warning', 154, 150],
      ['NARRATIVE_REVIEWS', 'warning', 36, 35],
      ['NARRATIVE_LAWSUITS', 'warning', 9, 10],
    ]);
    expect(fs[0].cells).toEqual([
      { key: 'applications.new.total', value: 150 },
      { key: 'applications.carried_over.total', value: 0 },
    ]);
    expect(fs[0].message).toContain('一、本年新收政府信息公开申请数量·总计为 150');
  });
  it('received may include carried-over applications', () => {
    expect(
      rules('共收到政府信息公开申请154件。', { ...base, 'applications.new.total': '150', 'applications.carried_over.total': '4' }),
    ).toEqual([]);
  });
  it('a blank table cell leaves the statement not assessable', () => {
    expect(rules('共收到政府信息公开申请154件。', { ...base, 'applications.new.total': null })).toEqual([
      'NARRATIVE_APPLICATIONS:not_assessable',
    ]);
  });
  it('skips sub-units and other matters', () => {
    expect(rules('其中区财政局收到政府信息公开申请3件。收到人大代表建议12件。', base)).toEqual([]);
    expect(rules('收到行政复议申请3件。', base)).toEqual(['NARRATIVE_REVIEWS:failed']);
  });
});

const SEED = SEED_REPORT;
describe('the seed report', () => {
  it('gives the 117 vs 122 channel finding and no failed arithmetic', async () => {
    const file = SEED;
    const { parsed } = await readReport(readFileSync(file), { file });
    const findings = checkReport(parsed);
    expect(findings.filter((f) => f.rule === 'NARRATIVE_CHANNEL_SUM')).toEqual([
      expect.objectContaining({ severity: 'warning', status: 'failed', expected: 117, actual: 122 }),
    ]);
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(findings.filter((f) => f.status === 'failed').map((f) => f.rule)).toEqual(['NARRATIVE_CHANNEL_SUM']);
    expect(findings.filter((f) => f.rule === 'BLANK_CELLS').length).toBeGreaterThan(0);
  });
});
