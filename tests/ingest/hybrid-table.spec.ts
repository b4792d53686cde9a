import { checkReport } from '../../src/shared/checks';
import { ReportParseError } from '../../src/common/errors';
import { buildConsistentValues } from '../../src/shared/checks/consistent-values';
import { cellsOf, getEdition, type EditionDef } from '../../src/shared/editions';
import { readReport } from '../../src/ingest/report-reader';
import { renderReport, type RenderFormat } from '../../src/render/report-renderer';
import { describeEachEngine } from '../support/test-app';

/**
 * A 2021-edition report whose （六） is the 2019 single row （六）其他处理 (issue 8): the row is
 * stored under the one-row key `applications.other.*`, the three 2021 sub-rows blank (not zero),
 * `other_all` derived from what is there, and a notice of the edition's legacy-row rule.
 */
const E2021 = getEdition('2021');
const LEGACY = E2021.legacyRows![0];
const AGENCY = '济宁市公共资源交易服务中心汶上分中心';

/** The 2021 template as such reports print it: its （六） rows replaced by the one 2019 row. */
function hybridPrint(): EditionDef {
  const e = structuredClone(E2021);
  const table = e.tables.find((t) => t.id === LEGACY.table)!;
  const block = table.blocks[0];
  const first = block.rows.findIndex((r) => r.key === LEGACY.replaces[0]);
  block.rows = block.rows.filter((r) => !LEGACY.replaces.includes(r.key));
  block.rows.splice(first, 0, { key: LEGACY.key, label: LEGACY.label, group: 'other_all' });
  return e;
}

const values = buildConsistentValues(E2021, 21);
const columns = E2021.tables.find((t) => t.id === 'applications')!.blocks[0].columns.map((c) => c.key);
// The one row holds what the three sub-rows held together, so that 总计 still adds up.
const oneRow = Object.fromEntries(
  columns.map((c) => [c, String(LEGACY.replaces.reduce((s, r) => s + Number(values[`applications.${r}.${c}`]), 0))]),
);
const cells: Record<string, { value: string | null }> = Object.fromEntries(
  cellsOf(E2021)
    .filter((c) => !LEGACY.replaces.some((r) => c.key.startsWith(`applications.${r}.`)))
    .map((c) => [c.key, { value: values[c.key] }]),
);
for (const c of columns) cells[`applications.other.${c}`] = { value: oneRow[c] };
const input = {
  edition: hybridPrint(),
  year: 2023,
  agencyName: AGENCY,
  cells,
  narratives: [{ section: 1, text: '本机关全面推进政务公开。' }],
};

describe('a 2021 table printed with the 2019 one-row （六）', () => {
  for (const format of ['html', 'docx'] as RenderFormat[])
    it(`is read faithfully from ${format.toUpperCase()}`, async () => {
      const { parsed } = await readReport(await renderReport(input, format), { file: `hybrid.${format}` });
      expect(parsed.edition).toBe('2021');
      for (const c of columns) {
        expect(parsed.cells[`applications.other.${c}`].value).toBe(oneRow[c]);
        for (const r of LEGACY.replaces) expect(parsed.cells[`applications.${r}.${c}`]).toMatchObject({ value: null, raw: '' });
      }
      // Every other cell as printed.
      for (const c of cellsOf(E2021).filter((c) => !LEGACY.replaces.some((r) => c.key.startsWith(`applications.${r}.`))))
        expect([c.key, parsed.cells[c.key].value]).toEqual([c.key, values[c.key]]);
      expect(parsed.notices).toEqual([
        expect.objectContaining({
          rule: LEGACY.rule,
          message: LEGACY.message,
          cells: columns.map((c) => `applications.other.${c}`),
          location: expect.objectContaining({ section: 3, row: LEGACY.label }),
        }),
      ]);
    });

  it('a table with the three 2021 sub-rows gets no notice and no one-row key', async () => {
    const plain = { ...input, edition: E2021, cells: Object.fromEntries(cellsOf(E2021).map((c) => [c.key, { value: values[c.key] }])) };
    const { parsed } = await readReport(await renderReport(plain, 'html'), { file: 'plain.html' });
    expect(parsed.notices ?? []).toEqual([]);
    expect(Object.keys(parsed.cells).filter((k) => k.startsWith('applications.other.'))).toEqual([]);
  });
});

/**
 * The 2021 template with its sub-row 1 of （六） not printed: with the merged （六）其他处理 cell
 * (a DOCX table row deleted whole, tests/faults row-deleted) or with the label left beside sub-row 2.
 */
function subRowDeleted(withGroupLabel: boolean): EditionDef {
  const e = structuredClone(E2021);
  const block = e.tables.find((t) => t.id === LEGACY.table)!.blocks[0];
  block.rows = block.rows.filter((r) => r.key !== LEGACY.replaces[0]);
  if (!withGroupLabel) for (const r of block.rows) if (LEGACY.replaces.includes(r.key)) delete r.group;
  return e;
}

describe('a 2021 table with a （六） sub-row deleted is refused, never read as the one-row （六）', () => {
  const plainCells = Object.fromEntries(cellsOf(E2021).map((c) => [c.key, { value: values[c.key] }]));
  for (const format of ['html', 'docx'] as RenderFormat[])
    for (const withGroupLabel of [false, true])
      it(`${format.toUpperCase()}, ${withGroupLabel ? '（六）其他处理 left beside sub-row 2' : 'the row deleted with （六）其他处理'}: "row missing from the table", section 三 and the row named`, async () => {
        const bytes = await renderReport({ ...input, edition: subRowDeleted(withGroupLabel), cells: plainCells }, format);
        const err = await readReport(bytes, { file: `deleted.${format}` }).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(err).toBeInstanceOf(ReportParseError);
        expect((err as ReportParseError).message).toMatch(/row missing from the table/);
        const missing = E2021.tables.find((t) => t.id === LEGACY.table)!.blocks[0].rows.find((r) => r.key === LEGACY.replaces[0])!;
        expect((err as ReportParseError).location).toMatchObject({ file: `deleted.${format}`, section: 3, row: missing.label });
      });
});

describe('the processed total of a hybrid table', () => {
  const RULE = 'APPLICATIONS_PROCESSED_TOTAL';
  const checked = async (cellsPrinted: typeof cells) => {
    const { parsed } = await readReport(await renderReport({ ...input, cells: cellsPrinted }, 'html'), { file: 'hybrid.html' });
    return checkReport(parsed).filter((f) => f.rule === RULE);
  };

  it('is checked with the one row in place of the three blank sub-rows: a consistent report passes', async () => {
    expect(E2021.rules.find((r) => r.code === RULE)).toMatchObject({ alternatives: [{ parts: LEGACY.replaces, by: LEGACY.key }] });
    expect(await checked(cells)).toEqual([]);
  });

  it('fails, naming the one row among the cells summed, when the one row does not add up', async () => {
    const off = { ...cells, 'applications.other.natural_person': { value: String(Number(oneRow.natural_person) + 1) } };
    const findings = await checked(off);
    expect(findings).toEqual([
      expect.objectContaining({ status: 'failed', expected: Number(values['applications.processed_total.natural_person']) + 1 }),
    ]);
    const keys = findings[0].cells.map((c) => c.key);
    expect(keys).toContain('applications.other.natural_person');
    expect(keys.filter((k) => LEGACY.replaces.some((r) => k.startsWith(`applications.${r}.`)))).toEqual([]);
  });

  it('still reads the three sub-rows of a 2021 table that prints them', async () => {
    const plain = { ...input, edition: E2021, cells: Object.fromEntries(cellsOf(E2021).map((c) => [c.key, { value: values[c.key] }])) };
    const { parsed } = await readReport(await renderReport(plain, 'html'), { file: 'plain.html' });
    expect(checkReport(parsed).filter((f) => f.rule === RULE)).toEqual([]);
    const broken = {
      ...plain.cells,
      'applications.other_other.natural_person': { value: String(Number(values['applications.other_other.natural_person']) + 2) },
    };
    const again = await readReport(await renderReport({ ...plain, cells: broken }, 'html'), { file: 'plain.html' });
    expect(checkReport(again.parsed).filter((f) => f.rule === RULE && f.status === 'failed')).toHaveLength(1);
  });
});

describeEachEngine('hybrid （六） stored and served', (app) => {
  it('is stored under the one-row key, the sub-rows blank and other_all the one-row value', async () => {
    const bytes = await renderReport(input, 'html');
    await app().services.imports.importReport(app().ctx(), { bytes, fileName: 'hybrid.html' });
    const res = await app().gql(
      `query($name: String!) { agencies(filter: { nameContains: $name }) { nodes { report(year: 2023) {
      edition one: value(key: "applications.other.total") all: value(key: "applications.other_all.total")
      allPerson: value(key: "applications.other_all.natural_person") sub: value(key: "applications.other_other.total") subRaw: raw(key: "applications.other_other.total")
      processed: value(key: "applications.processed_total.total") } } } }`,
      { name: AGENCY },
    );
    expect(res.errors).toBeUndefined();
    const r = res.data.agencies.nodes[0].report;
    expect(r).toEqual({
      edition: '2021',
      one: Number(oneRow.total),
      all: Number(oneRow.total),
      allPerson: Number(oneRow.natural_person),
      sub: null,
      subRaw: '',
      processed: Number(values['applications.processed_total.total']),
    });
  });
});
