import { readFileSync } from 'fs';
import { WriteRefusedError } from '../../src/common/errors';
import type { ReportWriteHook } from '../../src/services/import.service';
import { createServices } from '../../src/services';
import { SEED_REPORT } from '../../seeds/seed';
import { describeEachEngine } from '../support/test-app';
import { probeReport } from './probe-report';

/**
 * A write the database refuses is named by the entry that queued it (src/data/write-batch.ts), not
 * by the statement it happened to travel with: its table, its report and its row, and the
 * transaction stores nothing. On MariaDB it travels with COMMIT (or the next read); on SQLite it
 * fails where it is queued, with the same message.
 */
const TABLES = ['report', 'report_cell', 'report_narrative', 'finding', 'audit_event', 'rollup_pending'];

describeEachEngine('refused batched writes', (getApp) => {
  const counts = async () => {
    const { db } = getApp();
    const out: Record<string, string> = {};
    for (const t of TABLES) out[t] = String((await db.query(`SELECT COUNT(*) AS n FROM ${t}`))[0].n);
    out.data_version = String((await db.query('SELECT version FROM data_version WHERE id = 1'))[0].version);
    return out;
  };

  it('a duplicate cell planted in the report being stored: the error names report_cell, the report and the key; nothing is kept', async () => {
    const app = getApp();
    let planted: { reportId: number; key: string; queued: 'resolved' | 'refused' } | undefined;
    // A write hook (it runs in the store's transaction) adds a second row for one of the report's cells.
    const plant: ReportWriteHook = {
      async afterWrite(txCtx, written, _superseded, parsed) {
        const key = Object.keys(parsed.cells)[0];
        planted = { reportId: written.id, key, queued: 'resolved' };
        const cell = { reportId: written.id, key, value: null, raw: 'planted' };
        await app.connection
          .repos(txCtx)
          .reports.insertCells([cell])
          .catch((e) => {
            planted!.queued = 'refused';
            throw e;
          });
      },
    };
    const services = createServices(app.connection, [plant]);
    const before = await counts();
    const error = await services.imports
      .importReport(app.ctx(), { bytes: readFileSync(SEED_REPORT), fileName: 'planted.txt', year: 2030 })
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(WriteRefusedError);
    const { reportId, key, queued } = planted!;
    expect((error as WriteRefusedError).message).toBe(
      `数据库拒绝写入 report_cell（报告 ${reportId}，行 ${key}）：${app.engine === 'mysql' ? 'ER_DUP_ENTRY' : 'SQLITE_CONSTRAINT_PRIMARYKEY'}，本次事务未保存任何内容`,
    );
    expect((error as WriteRefusedError).extensions).toMatchObject({ table: 'report_cell', reportId, row: key });
    // MariaDB: queued, refused with COMMIT; SQLite: refused where it was written.
    expect(queued).toBe(app.engine === 'mysql' ? 'resolved' : 'refused');
    expect(await counts()).toEqual(before);
  });

  it('two rows for one key in one multi-row entry: the key written twice is named', async () => {
    const app = getApp();
    const before = await counts();
    let reportId = 0;
    const error = await app.connection
      .withTransaction(app.ctx(), async (tx) => {
        const repos = app.connection.repos(tx);
        await repos.dataVersions.bump();
        const report = await repos.reports.insert(
          probeReport((await repos.agencies.byName('济宁市公共资源交易服务中心汶上分中心'))[0].id, 1997),
        );
        reportId = report.id;
        const keys = ['probe.a', 'probe.b', 'probe.twice', 'probe.c', 'probe.twice', 'probe.d'];
        await repos.reports.insertCells(keys.map((key) => ({ reportId: report.id, key, value: '1', raw: '1' })));
        await repos.dataVersions.bump();
      })
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(WriteRefusedError);
    expect((error as WriteRefusedError).extensions).toMatchObject({ table: 'report_cell', reportId, row: 'probe.twice' });
    expect((error as Error).message).toContain(`（报告 ${reportId}，行 probe.twice）`);
    expect(await counts()).toEqual(before);
  });

  it('a stored report costs no more round trips than before the batch was explicit (MariaDB: 5; its writes ride along)', async () => {
    const app = getApp();
    const trips = app.connection.roundTripCount();
    const statements = app.sqlCount();
    await app.services.imports.importReport(app.ctx(), { bytes: readFileSync(SEED_REPORT), fileName: 'trips.txt', year: 2031 });
    const sent = { trips: app.connection.roundTripCount() - trips, statements: app.sqlCount() - statements };
    // 1 START+agency, 2 revisions, 3 INSERT report RETURNING, 4 cells+narratives+neighbours, 5 findings+queue+version+audit+COMMIT.
    if (app.engine === 'mysql') expect(sent.trips).toBeLessThanOrEqual(5);
    // SQLite runs each statement alone: round trips are statements plus BEGIN and COMMIT.
    else expect(sent.trips).toBe(sent.statements + 2);
  });
});
