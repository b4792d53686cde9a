import fc from 'fast-check';
import { cellsOf, EDITIONS } from '../../src/shared/editions';
import { readReport } from '../../src/ingest/report-reader';
import { normalDecimal } from '../../src/render/cell-text';
import { renderReport, type RenderFormat, type RenderInput } from '../../src/render/report-renderer';
import { reportArb } from './report-arbitrary';

async function roundTrip(report: RenderInput, format: RenderFormat): Promise<void> {
  const bytes = await renderReport(report, format);
  const { parsed, format: detected } = await readReport(bytes, { file: `generated.${format}` });
  expect(detected).toBe(format);
  expect(parsed.edition).toBe(report.edition);
  expect(parsed.year).toBe(report.year);
  const edition = EDITIONS[parsed.edition];
  const expected: Record<string, string | null> = {};
  const actual: Record<string, string | null> = {};
  for (const c of cellsOf(edition)) {
    const v = report.cells[c.key].value;
    expected[c.key] = v === null ? null : normalDecimal(v);
    const p = parsed.cells[c.key].value;
    actual[c.key] = p === null ? null : normalDecimal(p);
  }
  expect(actual).toEqual(expected);
  const textOf = (section: number) =>
    report.narratives
      .filter((n) => n.section === section)
      .map((n) => n.text)
      .join('\n');
  expect(parsed.narratives.map((n) => [n.section, n.text])).toEqual(edition.sections.map((s) => [s.number, textOf(s.number)]));
}

describe('parse(render(report)) equals the report', () => {
  for (const edition of Object.values(EDITIONS))
    for (const format of ['html', 'docx'] as const)
      it(`${edition.id} edition as ${format.toUpperCase()}`, async () => {
        await fc.assert(
          fc.asyncProperty(reportArb(edition), (report) => roundTrip(report, format)),
          { numRuns: 100 },
        );
      });

  it('renders blanks as empty cells and keeps published decimals ("12.90")', async () => {
    const edition = EDITIONS['2019'];
    const cells = Object.fromEntries(cellsOf(edition).map((c) => [c.key, { value: null }]));
    cells['active.procurement.amount'] = { value: '12.9', raw: '12.90' } as never;
    cells['applications.new.total'] = { value: '0' } as never;
    const html = (await renderReport({ edition: '2019', year: 2020, agencyName: '济宁市测试局1', cells, narratives: [] }, 'html')).toString(
      'utf8',
    );
    expect(html).toContain('<td colspan="2">12.90</td>');
    const { parsed } = await readReport(Buffer.from(html, 'utf8'));
    expect(parsed.cells['active.procurement.amount'].value).toBe('12.90');
    expect(parsed.cells['applications.new.total'].value).toBe('0');
    expect(parsed.cells['applications.new.natural_person'].value).toBeNull();
    expect(parsed.title).toBe('济宁市测试局12020年政府信息公开工作年度报告');
  });
});
