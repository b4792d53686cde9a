import { cellsOf, getEdition } from '../../src/shared/editions';
import { readReport } from '../../src/ingest/report-reader';
import { normalDecimal } from '../../src/render/cell-text';
import { describeEachEngine } from '../support/test-app';

const RENDERED = `
query Rendered($name: String!, $format: RenderFormat!) {
  agencies(filter: { nameContains: $name }) {
    nodes {
      name
      report(year: 2020) { year edition title rendered(format: $format) cells { key decimal } narratives { section text } }
    }
  }
}`;

describeEachEngine(
  'rendering a stored report',
  (app) => {
    for (const format of ['HTML', 'DOCX'] as const)
      it(`renders the seed report as ${format} that reads back cell for cell`, async () => {
        const res = await app().gql(RENDERED, { name: '汶上分中心', format });
        expect(res.errors).toBeUndefined();
        const report = res.data.agencies.nodes[0].report;
        const bytes = format === 'HTML' ? Buffer.from(report.rendered, 'utf8') : Buffer.from(report.rendered, 'base64');
        const { parsed, format: detected } = await readReport(bytes);
        expect(detected).toBe(format.toLowerCase());
        expect([parsed.edition, parsed.year, parsed.title]).toEqual([report.edition, report.year, report.title]);

        const stored = new Map<string, string | null>(report.cells.map((c: { key: string; decimal: string | null }) => [c.key, c.decimal]));
        const keys = cellsOf(getEdition(report.edition)).map((c) => c.key);
        const back = Object.fromEntries(
          keys.map((k) => [k, parsed.cells[k].value === null ? null : normalDecimal(parsed.cells[k].value!)]),
        );
        expect(back).toEqual(Object.fromEntries(keys.map((k) => [k, stored.get(k) ?? null])));
        // The seed's figures that matter most: a published "12.90" and a blank beside a zero.
        expect(parsed.cells['active.procurement.amount'].raw).toBe('12.90');
        expect(back['applications.new.natural_person']).toBeNull();
        expect(back['applications.new.total']).toBe('0');

        const narrative = (n: number) => parsed.narratives.find((x) => x.section === n)?.text;
        for (const n of report.narratives as Array<{ section: number; text: string }>)
          expect(narrative(n.section)?.replace(/\s+/g, '')).toBe(n.text.replace(/\s+/g, ''));
      });
  },
  { seed: true },
);
