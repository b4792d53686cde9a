import { checkReport } from '../../src/shared/checks';
import { buildConsistentValues } from '../../src/shared/checks/consistent-values';
import { allEditions, cellsOf, editionForYear, editionYears, getEdition, registerEdition } from '../../src/shared/editions';
import { editionTypeDefs } from '../../src/shared/editions/edition-sdl';
import { formatDoc } from '../../src/cli/format-doc.cli';
import { readReport } from '../../src/ingest/report-reader';
import { normalDecimal } from '../../src/render/cell-text';
import { renderReport } from '../../src/render/report-renderer';
import { describeEachEngine } from '../support/test-app';
import { EDITION_2027 } from './edition-2027.fixture';

// The one step a new edition takes; everything below runs the unchanged code.
registerEdition(EDITION_2027);

const AGENCY = '济宁市新媒体测试局';
const values = buildConsistentValues(EDITION_2027, 7);
const input = {
  edition: EDITION_2027,
  year: 2027,
  agencyName: AGENCY,
  cells: Object.fromEntries(Object.entries(values).map(([k, v]) => [k, { value: v }])),
  narratives: [{ section: 1, text: '本报告统计期限为2027年1月1日至2027年12月31日。' }],
};
const decimals = (cells: Record<string, { value: string | null }>) =>
  Object.fromEntries(cellsOf(EDITION_2027).map((c) => [c.key, cells[c.key]?.value == null ? null : normalDecimal(cells[c.key].value!)]));

describe('a third edition, registered', () => {
  it('is chosen by its declared years and closes the open end of the one before', () => {
    expect(allEditions().map((e) => e.id)).toEqual(['2019', '2021', '2027']);
    expect([editionForYear(2026).id, editionForYear(2027).id, editionForYear(2030).id]).toEqual(['2021', '2027', '2027']);
    expect(editionYears(getEdition('2021'))).toEqual({ from: 2021, to: 2026 });
  });

  it('generates its GraphQL types and its part of the format reference', () => {
    const sdl = editionTypeDefs(allEditions());
    expect(sdl).toContain('union ActiveDisclosure = ActiveDisclosure2019 | ActiveDisclosure2021 | ActiveDisclosure2027');
    expect(sdl).toMatch(/type NewMedia2027 \{[^}]*accounts: Float[^}]*posts: Float/);
    expect(sdl).toMatch(/otherAutomated: ApplicantCounts!/);
    expect(formatDoc(allEditions())).toContain('`active.new_media.accounts`');
  });

  it('parses and checks a rendered report of the edition, cell for cell', async () => {
    for (const format of ['html', 'docx'] as const) {
      const { parsed } = await readReport(await renderReport(input, format));
      expect([parsed.edition, parsed.year]).toEqual(['2027', 2027]);
      expect(decimals(parsed.cells)).toEqual(decimals(input.cells));
      expect(checkReport(parsed, { importYear: 2027 }).filter((f) => f.status === 'failed')).toEqual([]);
    }
  });
});

const QUERY = `
query Third($name: String!) {
  editions { id }
  agencies(filter: { nameContains: $name }) {
    nodes {
      report(year: 2027) {
        edition
        automated: value(key: "applications.other_automated.total")
        active { __typename ... on ActiveDisclosure2027 { newMedia { accounts posts } regulations { issued } } }
        applications { otherAutomated { total } otherAll { total } other { total } }
        lawsuits { review { total } }
        rendered(format: HTML)
      }
    }
  }
}`;

describeEachEngine('a report in a registered third edition', (app) => {
  it('is stored, served through the typed fields and rendered back', async () => {
    const stored = await app().services.imports.importReport(app().ctx(), {
      bytes: await renderReport(input, 'html'),
      fileName: 'edition-2027.html',
      regionCode: '370800',
    });
    expect([stored.status, stored.report.edition]).toEqual(['stored', '2027']);

    const res = await app().gql(QUERY, { name: AGENCY });
    expect(res.errors).toBeUndefined();
    expect(res.data.editions.map((e: { id: string }) => e.id)).toEqual(['2019', '2021', '2027']);
    const r = res.data.agencies.nodes[0].report;
    const n = (k: string) => Number(values[k]);
    expect(r.edition).toBe('2027');
    expect(r.automated).toBe(n('applications.other_automated.total'));
    expect(r.active).toEqual({
      __typename: 'ActiveDisclosure2027',
      newMedia: { accounts: n('active.new_media.accounts'), posts: n('active.new_media.posts') },
      regulations: { issued: n('active.regulations.issued') },
    });
    const otherAll = ['other_no_supplement', 'other_no_fee', 'other_other', 'other_automated'].reduce(
      (s, k) => s + n(`applications.${k}.total`),
      0,
    );
    // The 2019 row reads as null in a 2027 report, as in a 2021 one.
    expect(r.applications).toEqual({
      otherAutomated: { total: n('applications.other_automated.total') },
      otherAll: { total: otherAll },
      other: { total: null },
    });
    expect(r.lawsuits).toEqual({ review: { total: n('review.total') } });

    const { parsed } = await readReport(Buffer.from(r.rendered, 'utf8'));
    expect(parsed.edition).toBe('2027');
    expect(decimals(parsed.cells)).toEqual(decimals(input.cells));
  });
});
