import { readFileSync } from 'fs';
import { SEED_REPORT } from '../../seeds/seed';
import { rollupFolderOf } from '../../src/rollup/rollup-folder';
import { startRollupFoldJob } from '../../src/rollup/rollup-fold.job';
import { rollupMismatches } from '../faults/rollup-brute-force';
import { describeEachEngine, type TestApp } from '../support/test-app';

/**
 * The roll-up queue (src/rollup/rollup-folder.ts): a publication only queues its report and the one
 * it supersedes; a read never folds, it adds what is still queued on the fly (README "Roll-ups").
 * Read right after a filing, the figure is there and the entry is still queued; the figures are the
 * ones folding gives; folded by several callers at once, nothing is counted twice.
 */
const seed = readFileSync(SEED_REPORT, 'utf8');
/** The sample report filed as another agency's of the same county (its title names the agency). */
const variant = (n: number) => Buffer.from(seed.replace('济宁市公共资源交易服务中心汶上分中心', `汶上县测试局${n}`), 'utf8');
const NEW_TOTAL = `query { region(code: "370830") { rollup(year: 2020) { reportCount value(key: "applications.new.total") } } }`;
const KEYS = ['applications.new.total', 'applications.granted.total', 'applications.processed_total.total'];
/** Every roll-up read a dashboard makes: a county and its city, per kind, and the analysts' group-by. */
const FIGURES = `query ($year: Int!, $keys: [String!]!) {
  county: region(code: "370830") { rollup(year: $year) { reportCount values(keys: $keys) { key value } } }
  city: region(code: "370800") { rollup(year: $year) { reportCount values(keys: $keys) { key value } } }
  byKind: compare(regionCode: "370800", year: $year, by: AGENCY_KIND, keys: $keys) { agencyKind reportCount values { key value } }
  byChild: compare(regionCode: "370800", year: $year, by: CHILD_REGION, keys: $keys) { regionCode reportCount values { key value } }
  aggregate(filter: { regionCode: "370800", fromYear: 2019, toYear: 2022 }, groupBy: [REGION, YEAR, AGENCY_KIND], keys: $keys) {
    year regionCode agencyKind reportCount values { key value }
  }
  total: aggregate(filter: { regionCode: "370000", fromYear: 2019, toYear: 2022 }, groupBy: [YEAR], keys: $keys) {
    year reportCount values { key value }
  }
}`;

const pending = async (app: TestApp) => Number((await app.db.query('SELECT COUNT(*) AS n FROM rollup_pending'))[0].n);
const handle = (app: TestApp) => ({ engine: app.engine, query: (sql: string) => app.db.query(sql) });

/** A queue entry written by hand, with the data version bumped as every write does (cached answers are keyed by it). */
async function plant(app: TestApp, reportId: number, sign: 1 | -1) {
  await app.db.query('INSERT INTO rollup_pending (report_id, sign) VALUES (?, ?)', [reportId, sign]);
  await app.db.query('UPDATE data_version SET version = version + 1 WHERE id = 1');
}

async function figures(app: TestApp, year: number) {
  const res = await app.gql(FIGURES, { year, keys: KEYS });
  expect(res.errors).toBeUndefined();
  return res.data;
}

/** Files figures by cell key for an agency and publishes them (submit, accept, publish): the workflow's path into the queue. */
async function publishFigures(app: TestApp, agencyId: number, year: number, cells: Record<string, string | null>, reason?: string) {
  const ctx = app.ctx();
  const { report } = await app.services.workflow.submitFigures(ctx, {
    agencyId: String(agencyId),
    year,
    cells: Object.entries(cells).map(([key, value]) => ({ key, value })),
    reason,
  });
  await app.services.workflow.acceptReport(ctx, report.id);
  return app.services.workflow.publishReport(ctx, report.id);
}

describeEachEngine('the roll-up queue', (app) => {
  it('a filing read at once shows in every roll-up read while its entry is still queued; folding then changes no figure', async () => {
    await app().importSeed();
    await rollupFolderOf(app().connection).foldAll({});
    const first = await figures(app(), 2020);
    for (let i = 1; i <= 5; i++)
      await app().services.imports.importReport(app().ctx(), { bytes: variant(i), fileName: `v${i}.txt`, regionCode: '370830' });
    expect(await pending(app())).toBe(5);
    const read = await figures(app(), 2020);
    // The read folded nothing: the five entries are still queued, and the figures already count them.
    expect(await pending(app())).toBe(5);
    expect(read.county.rollup.reportCount).toBe(first.county.rollup.reportCount + 5);
    expect(read.county.rollup.values[0].value).toBe(first.county.rollup.values[0].value * 6);
    expect(read.city.rollup.reportCount).toBe(first.city.rollup.reportCount + 5);
    expect(read).not.toEqual(first);
    expect(await rollupMismatches(handle(app()))).toEqual([]);
    expect(await rollupFolderOf(app().connection).foldAll({})).toBe(5);
    expect(await pending(app())).toBe(0);
    expect(await figures(app(), 2020)).toEqual(read);
  });

  it('a region known only from the queue; blanks stay blank; a correction retracts what it supersedes: as after folding', async () => {
    const [{ id }] = await app().db.query(`SELECT id FROM agency WHERE name = '汶上县测试局1'`);
    // 2021: nothing filed in the county before, so every 2021 figure comes from the queue alone.
    const before = await figures(app(), 2021);
    expect(before.county.rollup.reportCount).toBe(0);
    await publishFigures(app(), Number(id), 2021, { 'applications.new.total': '7', 'applications.granted.total': null });
    const first = await figures(app(), 2021);
    expect(await pending(app())).toBe(1);
    expect(first.county.rollup).toEqual({
      reportCount: 1,
      values: [
        { key: 'applications.new.total', value: 7 },
        // Not filed: blank, not zero.
        { key: 'applications.granted.total', value: null },
        { key: 'applications.processed_total.total', value: null },
      ],
    });
    expect(first.aggregate.filter((r: { year: number }) => r.year === 2021)).toHaveLength(1);
    // The correction queues +1 for itself and −1 for revision 1: 7 is withdrawn, 3 granted appears.
    await publishFigures(app(), Number(id), 2021, { 'applications.new.total': null, 'applications.granted.total': '3' }, '更正');
    expect(await pending(app())).toBe(3);
    const corrected = await figures(app(), 2021);
    expect(await pending(app())).toBe(3);
    expect(corrected.county.rollup.reportCount).toBe(1);
    expect(corrected.county.rollup.values.map((v: { value: number | null }) => v.value)).toEqual([null, 3, null]);
    expect(await rollupMismatches(handle(app()))).toEqual([]);
    await rollupFolderOf(app().connection).foldAll({});
    expect(await pending(app())).toBe(0);
    expect(await figures(app(), 2021)).toEqual(corrected);
    // A withdrawal (planted: the workflow has none yet) empties every 2021 group: each is gone from
    // the answer, not a row of zeros, as the fold deletes the roll-up rows it empties.
    const [{ rid }] = await app().db.query('SELECT id AS rid FROM report WHERE agency_id = ? AND year = 2021 AND published_current = 1', [
      id,
    ]);
    await plant(app(), rid, -1);
    const withdrawn = await figures(app(), 2021);
    expect(withdrawn.county.rollup.reportCount).toBe(0);
    expect(withdrawn.byKind).toEqual([]);
    expect(withdrawn.aggregate.filter((r: { year: number }) => r.year === 2021)).toEqual([]);
    expect(await rollupFolderOf(app().connection).foldAll({})).toBe(1);
    expect(await figures(app(), 2021)).toEqual(withdrawn);
    await plant(app(), rid, 1);
    expect(await figures(app(), 2021)).toEqual(corrected);
    await rollupFolderOf(app().connection).foldAll({});
  });

  it('a correction queued before its first revision was folded cancels it; folders running at once count nothing twice', async () => {
    const before = (await app().gql(NEW_TOTAL)).data.region.rollup;
    // Revision 1 of a new series, then its correction (another source): +1, then −1 and +1, all queued.
    await app().services.imports.importReport(app().ctx(), { bytes: variant(9), fileName: 'v9.txt', regionCode: '370830' });
    const corrected = Buffer.from(variant(9).toString('utf8').replace('中心高度重视政务公开工作', '中心十分重视政务公开工作'), 'utf8');
    const second = await app().services.imports.importReport(app().ctx(), { bytes: corrected, fileName: 'v9-corrected.txt' });
    expect(second.status).toBe('revised');
    for (let i = 10; i < 16; i++)
      await app().services.imports.importReport(app().ctx(), { bytes: variant(i), fileName: `v${i}.txt`, regionCode: '370830' });
    expect(await pending(app())).toBe(9);
    const queued = await figures(app(), 2020);
    expect(queued.county.rollup.reportCount).toBe(before.reportCount + 7);
    const folder = rollupFolderOf(app().connection);
    // Readers during the fold: each sees every filing once, folded or still queued.
    const [folded, ...reads] = await Promise.all([
      Promise.all([folder.foldAll({}), folder.foldAll({}), folder.foldAll({})]),
      ...Array.from({ length: 6 }, () => figures(app(), 2020)),
    ]);
    expect(folded.reduce((a, b) => a + b, 0)).toBe(9);
    expect(await pending(app())).toBe(0);
    expect(await rollupMismatches(handle(app()))).toEqual([]);
    for (const r of reads) expect(r).toEqual(queued);
    expect(await figures(app(), 2020)).toEqual(queued);
  });

  it('the fold job folds the queue on its interval, runs on demand, and is stopped whole; interval 0 never folds', async () => {
    const log = { errors: [] as unknown[], error: (obj: unknown) => log.errors.push(obj) };
    const off = startRollupFoldJob(app().connection, 0, log);
    await app().services.imports.importReport(app().ctx(), { bytes: variant(20), fileName: 'v20.txt', regionCode: '370830' });
    await new Promise((r) => setTimeout(r, 100));
    expect(await pending(app())).toBe(1);
    await off.stop();
    const job = startRollupFoldJob(app().connection, 30, log);
    for (let t = 0; t < 100 && (await pending(app())) > 0; t++) await new Promise((r) => setTimeout(r, 20));
    expect(await pending(app())).toBe(0);
    await app().services.imports.importReport(app().ctx(), { bytes: variant(21), fileName: 'v21.txt', regionCode: '370830' });
    await job.stop();
    // Stopped: nothing folds any more, on its interval or on demand.
    await new Promise((r) => setTimeout(r, 100));
    expect(await pending(app())).toBe(1);
    expect(await job.runNow()).toBe(0);
    const again = startRollupFoldJob(app().connection, 0, log);
    expect(await again.runNow()).toBe(1);
    await again.stop();
    expect(await pending(app())).toBe(0);
    expect(log.errors).toEqual([]);
  });
});
