import { readFileSync } from 'fs';
import { SEED_REPORT } from '../../seeds/seed';
import { describeEachEngine } from '../support/test-app';

const seed = readFileSync(SEED_REPORT, 'utf8');
/** The seed with its 结转下年度 总计 (the last value of table 三) set to `n`, filed as `year`. */
function seedFor(year: number, carriedForward: number): Buffer {
  const text = seed
    .replace('2020年政府信息公开工作年度报告', `${year}年政府信息公开工作年度报告`)
    .replace(/\t0\n\n\n四、政府信息公开行政复议/, `\t${carriedForward}\n\n\n四、政府信息公开行政复议`);
  return Buffer.from(text);
}

describeEachEngine('carry-over between years', (app) => {
  const carryFindings = async (year: number) => {
    const res = await app().gql(
      `query($y: Int!) { agencies(filter:{nameContains:"汶上分中心"}) { nodes { report(year: $y) { findings { rule status cells { key value } } } } } }`,
      { y: year },
    );
    return (res.data.agencies.nodes[0].report?.findings ?? []).filter(
      (f: { rule: string; status: string }) => f.rule === 'CARRY_OVER_MISMATCH' && f.status === 'FAILED',
    );
  };

  it('flags this year against last year, and re-checks when the earlier year arrives later', async () => {
    // 2020 arrives first: nothing to compare with yet.
    await app().services.imports.importReport(app().ctx(), { bytes: seedFor(2020, 0), fileName: 'y2020.txt', year: 2020 });
    expect(await carryFindings(2020)).toEqual([]);
    // 2019 arrives later and carried 3 forward, while 2020 carried over 0: 2020's report gets the finding.
    await app().services.imports.importReport(app().ctx(), { bytes: seedFor(2019, 3), fileName: 'y2019.txt', year: 2019 });
    const found = await carryFindings(2020);
    expect(found).toEqual([
      {
        rule: 'CARRY_OVER_MISMATCH',
        status: 'FAILED',
        cells: [
          { key: 'applications.carried_forward.total', value: 3 },
          { key: 'applications.carried_over.total', value: 0 },
        ],
      },
    ]);
    // 2021 arrives after 2020 carried 0 forward: consistent, no finding.
    await app().services.imports.importReport(app().ctx(), { bytes: seedFor(2021, 0), fileName: 'y2021.txt', year: 2021 });
    expect(await carryFindings(2021)).toEqual([]);
  });
});
