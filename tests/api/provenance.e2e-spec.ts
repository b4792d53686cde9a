import { readFileSync } from 'fs';
import type { CellSource } from '../../src/ingest/report-document';
import { readReport } from '../../src/ingest/report-reader';
import type { ParsedReport } from '../../src/shared/parsed-report';
import { SEED_REPORT } from '../../seeds/seed';
import { describeEachEngine } from '../support/test-app';

const CELLS = `query($id: ID!) { report(id: $id) {
  one: cell(key: "active.procurement.amount") { raw source { page x y line table row cell } }
  cells { key raw source { page x y line table row cell } }
} }`;

const FULL = (s: CellSource | null | undefined) =>
  s
    ? {
        page: s.page ?? null,
        x: s.x ?? null,
        y: s.y ?? null,
        line: s.line ?? null,
        table: s.table ?? null,
        row: s.row ?? null,
        cell: s.cell ?? null,
      }
    : null;

describeEachEngine('where each stored cell was read (provenance)', (app) => {
  let parsed: ParsedReport;
  beforeAll(async () => {
    parsed = (await readReport(readFileSync(SEED_REPORT), { file: 'seed.txt' })).parsed;
  });

  const store = (p: ParsedReport, year: number) =>
    app().connection.withTransaction(app().ctx(), async (tx) => {
      const [agency] = await app().connection.repos(tx).agencies.byName('济宁市公共资源交易服务中心汶上分中心');
      const meta = {
        year,
        scope: 'OWN' as const,
        publishedOn: null,
        sourceFormat: 'pdf' as const,
        sourceName: `prov-${year}.pdf`,
        sourceHash: `prov-${year}`,
        sourceText: 'x',
      };
      return (await app().services.imports.store(tx, agency, p, meta)).report;
    });

  it('keeps each cell its page and position, line, or table/row/cell, and serves it beside the figure', async () => {
    // Every kind of place a reader gives, cell by cell; every fourth cell has none (not printed).
    const kinds: Array<(i: number) => CellSource | null> = [
      (i) => ({ page: 1 + (i % 3), x: 72.25 + i, y: 500.5 - i }),
      (i) => ({ line: 10 + i }),
      (i) => ({ table: 2, row: 3 + (i % 7), cell: 1 + (i % 5) }),
      () => null,
    ];
    const given = new Map<string, CellSource | null>();
    const cells = Object.fromEntries(
      Object.entries(parsed.cells).map(([k, c], i) => {
        const source = kinds[i % kinds.length](i);
        given.set(k, source);
        return [k, { ...c, source }];
      }),
    );
    const report = await store({ ...parsed, cells }, 2031);
    const res = await app().gql(CELLS, { id: String(report.id) });
    expect(res.errors).toBeUndefined();
    const served = new Map<string, unknown>(res.data.report.cells.map((c: { key: string; source: unknown }) => [c.key, c.source]));
    // PDF positions are kept to 0.1 pt.
    const rounded = (s: CellSource | null) =>
      s && s.x !== undefined ? { ...s, x: Math.round(s.x * 10) / 10, y: Math.round(s.y! * 10) / 10 } : s;
    for (const [key, source] of given) expect([key, served.get(key)]).toEqual([key, FULL(rounded(source))]);
    expect(res.data.report.one.source).toEqual(FULL(rounded(given.get('active.procurement.amount')!)));
    // Derived cells (sums of stored rows) were read nowhere.
    const derived = res.data.report.cells.filter((c: { key: string }) => !given.has(c.key));
    expect(derived.length).toBeGreaterThan(0);
    for (const c of derived) expect(c.source).toBeNull();
  });

  it('stores what the reader gave when a file is imported', async () => {
    const r = await app().services.imports.importReport(app().ctx(), {
      bytes: readFileSync(SEED_REPORT),
      fileName: 'seed.txt',
      year: 2032,
    });
    const res = await app().gql(CELLS, { id: String(r.report.id) });
    expect(res.errors).toBeUndefined();
    const served = new Map<string, unknown>(res.data.report.cells.map((c: { key: string; source: unknown }) => [c.key, c.source]));
    for (const [key, c] of Object.entries(r.parsed.cells)) expect([key, served.get(key)]).toEqual([key, FULL(c.source)]);
  });
});
