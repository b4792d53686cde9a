import { readFileSync } from 'fs';
import { SEED_REPORT } from '../../seeds/seed';
import { PUBLIC_READER } from '../../src/data/report-visibility';
import { probeReport } from './probe-report';
import { describeEachEngine } from '../support/test-app';

/**
 * The statement layer under the ingest hot path: literal values that come back byte for byte, and
 * MariaDB's batched writes (src/data/write-batch.ts), which must keep every guarantee of writing at
 * once: read-your-writes in the transaction, all or nothing, a ROLLBACK that sends nothing.
 */
const AWKWARD = [
  "it's",
  'back\\slash',
  'tab\there',
  'new\nline;\nDROP TABLE report',
  'cr\r',
  'nul\0byte',
  'sub\x1a',
  '"quoted"',
  'q?mark ?? ?',
  '中文「引号」',
  '😀 𠀀',
  '',
  "\\'",
  '--',
  '/* c */',
];

const AGENCY = '济宁市公共资源交易服务中心汶上分中心';

describeEachEngine('statement layer', (getApp) => {
  it('writes every awkward string through a batched transaction (mysql2 formats it into the batch) and reads it back unchanged', async () => {
    const app = getApp();
    const id = await app.connection.withTransaction(app.ctx(), async (tx) => {
      const repos = app.connection.repos(tx);
      const report = await repos.reports.insert(probeReport((await repos.agencies.byName(AGENCY))[0].id, 1998));
      await repos.reports.insertCells(AWKWARD.map((raw, i) => ({ reportId: report.id, key: `probe.k${i}`, value: null, raw })));
      // A read in the transaction carries the batch ahead of it, and sees the rows.
      expect(await repos.reports.currentValuesIn(report.agencyId, [1998], 'OWN')).toBeDefined();
      return report.id;
    });
    const rows: Array<{ cell_key: string; raw: string }> = await app.db.query('SELECT cell_key, raw FROM report_cell WHERE report_id = ?', [
      id,
    ]);
    const byKey = new Map(rows.map((r) => [r.cell_key, r.raw]));
    expect(AWKWARD.map((_, i) => byKey.get(`probe.k${i}`))).toEqual(AWKWARD);
  });

  it('a statement TypeORM builds itself (find, a locking read) after a queued write sees it: the batch goes first', async () => {
    const app = getApp();
    await app.connection
      .withTransaction(app.ctx(), async (tx) => {
        const repos = app.connection.repos(tx);
        const report = await repos.reports.insert(probeReport((await repos.agencies.byName(AGENCY))[0].id, 1996));
        await repos.reports.insertCells([{ reportId: report.id, key: 'probe.seen', value: '2', raw: '2' }]);
        expect((await repos.reports.cellsOf([report.id])).map((c) => c.key)).toEqual(['probe.seen']);
        // A locking read needs TypeORM to know it is in a transaction (the batch started it).
        expect((await repos.reports.lockById(report.id, PUBLIC_READER))?.id).toBe(report.id);
        throw new Error('roll back');
      })
      .catch((e: Error) => expect(e.message).toBe('roll back'));
  });

  it('a write waiting in a transaction is seen by the transaction’s next read, and counted as a statement', async () => {
    const app = getApp();
    const before = Number(await app.connection.repos().dataVersions.current());
    const count0 = app.sqlCount();
    const seen = await app.connection.withTransaction(app.ctx(), async (tx) => {
      const repos = app.connection.repos(tx);
      await repos.dataVersions.bump();
      await repos.dataVersions.bump();
      return Number(await repos.dataVersions.current());
    });
    expect(seen).toBe(before + 2);
    expect(app.sqlCount() - count0).toBe(3);
    expect(Number(await app.connection.repos().dataVersions.current())).toBe(before + 2);
  });

  it('a failing waiting write fails the transaction whole: nothing of it is stored', async () => {
    const app = getApp();
    const before = Number(await app.connection.repos().dataVersions.current());
    const reportsBefore = (await app.db.query('SELECT COUNT(*) AS n FROM report'))[0].n;
    await expect(
      app.connection.withTransaction(app.ctx(), async (tx) => {
        const repos = app.connection.repos(tx);
        await repos.dataVersions.bump();
        const [agency] = await repos.agencies.byName('济宁市公共资源交易服务中心汶上分中心');
        const report = await repos.reports.insert({
          agencyId: agency.id,
          year: 1999,
          edition: '2019',
          scope: 'OWN',
          revision: 1,
          current: true,
          state: 'PUBLISHED',
          publishedCurrent: true,
          reason: null,
          returnComment: null,
          returnedFindings: null,
          title: null,
          period: null,
          publishedOn: null,
          sourceFormat: 'text',
          sourceName: 'probe',
          sourceHash: 'probe',
          sourceText: '',
        });
        // The same key twice: the primary key refuses the second row (when it is sent, at the latest at COMMIT).
        await repos.reports.insertCells([0, 1].map(() => ({ reportId: report.id, key: 'active.regulations.made', value: '1', raw: '1' })));
      }),
    ).rejects.toThrow();
    expect(Number(await app.connection.repos().dataVersions.current())).toBe(before);
    expect((await app.db.query('SELECT COUNT(*) AS n FROM report'))[0].n).toEqual(reportsBefore);
  });

  it('a transaction that throws sends none of its waiting writes', async () => {
    const app = getApp();
    const before = Number(await app.connection.repos().dataVersions.current());
    await expect(
      app.connection.withTransaction(app.ctx(), async (tx) => {
        await app.connection.repos(tx).dataVersions.bump();
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(Number(await app.connection.repos().dataVersions.current())).toBe(before);
  });

  it('an import stores the same rows as before batching: cells, narratives, findings, audit, queue', async () => {
    const app = getApp();
    const out = await app.services.imports.importReport(app.ctx(), { bytes: readFileSync(SEED_REPORT), fileName: 'seed.txt', year: 2021 });
    const id = out.report.id;
    const count = async (table: string) =>
      Number((await app.db.query(`SELECT COUNT(*) AS n FROM ${table} WHERE report_id = ?`, [id]))[0].n);
    expect(await count('report_cell')).toBe(Object.keys(out.parsed.cells).length);
    expect(await count('report_narrative')).toBe(out.parsed.narratives.length);
    expect(await count('finding')).toBe(out.findings.length);
    expect(await count('audit_event')).toBe(1);
    const cell = await app.db.query("SELECT value, raw FROM report_cell WHERE report_id = ? AND cell_key = 'active.normative.made'", [id]);
    expect(cell[0].raw).toBe(out.parsed.cells['active.normative.made'].raw);
  });
});
