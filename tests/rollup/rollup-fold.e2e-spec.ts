import { readFileSync } from 'fs';
import { SEED_REPORT } from '../../seeds/seed';
import { rollupFolderOf } from '../../src/rollup/rollup-folder';
import { rollupMismatches } from '../faults/rollup-brute-force';
import { describeEachEngine, type TestApp } from '../support/test-app';

/**
 * The roll-up queue (src/rollup/rollup-folder.ts): a publication only queues its report and the one
 * it supersedes; whoever reads a roll-up next folds the queue first. Read right after a filing, the
 * figure is there; folded by several readers at once, nothing is counted twice.
 */
const seed = readFileSync(SEED_REPORT, 'utf8');
/** The sample report filed as another agency's of the same county (its title names the agency). */
const variant = (n: number) => Buffer.from(seed.replace('济宁市公共资源交易服务中心汶上分中心', `汶上县测试局${n}`), 'utf8');
const NEW_TOTAL = `query { region(code: "370830") { rollup(year: 2020) { reportCount value(key: "applications.new.total") } } }`;

const pending = async (app: TestApp) => Number((await app.db.query('SELECT COUNT(*) AS n FROM rollup_pending'))[0].n);
const handle = (app: TestApp) => ({ engine: app.engine, query: (sql: string) => app.db.query(sql) });

describeEachEngine('the roll-up queue', (app) => {
  it('queues each publication in its own transaction; the next roll-up read folds the queue and sees every filing', async () => {
    await app().importSeed();
    const first = (await app().gql(NEW_TOTAL)).data.region.rollup;
    expect(await pending(app())).toBe(0);
    for (let i = 1; i <= 5; i++)
      await app().services.imports.importReport(app().ctx(), { bytes: variant(i), fileName: `v${i}.txt`, regionCode: '370830' });
    // Five publications queued, none folded yet: nothing read a roll-up.
    expect(await pending(app())).toBe(5);
    expect(await rollupMismatches(handle(app()))).toEqual([]);
    const after = (await app().gql(NEW_TOTAL)).data.region.rollup;
    expect(await pending(app())).toBe(0);
    expect(after.reportCount).toBe(first.reportCount + 5);
    expect(after.value).toBe(first.value * 6);
    expect(await rollupMismatches(handle(app()))).toEqual([]);
  });

  it('a correction queued before its first revision was folded cancels it; readers folding at once count nothing twice', async () => {
    const before = (await app().gql(NEW_TOTAL)).data.region.rollup;
    // Revision 1 of a new series, then its correction (another source): +1, then −1 and +1, all queued.
    await app().services.imports.importReport(app().ctx(), { bytes: variant(9), fileName: 'v9.txt', regionCode: '370830' });
    const corrected = Buffer.from(variant(9).toString('utf8').replace('中心高度重视政务公开工作', '中心十分重视政务公开工作'), 'utf8');
    const second = await app().services.imports.importReport(app().ctx(), { bytes: corrected, fileName: 'v9-corrected.txt' });
    expect(second.status).toBe('revised');
    for (let i = 10; i < 16; i++)
      await app().services.imports.importReport(app().ctx(), { bytes: variant(i), fileName: `v${i}.txt`, regionCode: '370830' });
    expect(await pending(app())).toBe(9);
    const folder = rollupFolderOf(app().connection);
    const folded = await Promise.all([folder.foldAll({}), folder.foldAll({}), folder.foldAll({})]);
    expect(folded.reduce((a, b) => a + b, 0)).toBe(9);
    expect(await pending(app())).toBe(0);
    expect(await rollupMismatches(handle(app()))).toEqual([]);
    const after = (await app().gql(NEW_TOTAL)).data.region.rollup;
    expect(after.reportCount).toBe(before.reportCount + 7);
  });
});
