import { readFileSync } from 'fs';
import { join } from 'path';
import { ParsePool, PreparedReportError } from '../../src/services/parse-pool';
import { prepareReport } from '../../src/services/report-preparation';
import { SEED_REPORT } from '../../seeds/seed';

/**
 * A report read on a parse thread crosses to the main thread as JSON, without the cells' reading
 * locations: everything stored from it (values, raw texts, provenance, narratives, findings) must be
 * what reading it on the main thread gives, and a rejection keeps its message, code and place.
 */
describe('parse threads', () => {
  let pool: ParsePool;
  beforeAll(() => {
    pool = new ParsePool(2);
  });
  afterAll(async () => {
    await pool.close();
  });

  it('hand over the seed exactly as read here, less the reading locations', async () => {
    const here = await prepareReport(readFileSync(SEED_REPORT), 'seed.txt', 2020);
    const there = await pool.prepare(SEED_REPORT, 'seed.txt', 2020);
    const stored = (cells: typeof here.parsed.cells) =>
      Object.fromEntries(Object.entries(cells).map(([k, c]) => [k, { value: c.value, raw: c.raw, source: c.source ?? null }]));
    expect(stored(there.parsed.cells)).toEqual(stored(here.parsed.cells));
    expect(Object.values(there.parsed.cells).some((c) => c.location)).toBe(false);
    expect(there.parsed.narratives).toEqual(here.parsed.narratives);
    expect(there.findings).toEqual(here.findings);
    expect({ ...there, parsed: null, findings: null }).toEqual({ ...here, parsed: null, findings: null });
    // The seed's own inconsistency survives the crossing.
    expect(there.findings.find((f) => f.rule === 'NARRATIVE_CHANNEL_SUM')).toMatchObject({ expected: 117, actual: 122 });
  });

  it('reject a damaged file with the error the reader gives here', async () => {
    const path = join(__dirname, '..', '..', 'package.json'); // not a report
    const here = await prepareReport(readFileSync(path), 'package.json').then(
      () => null,
      (e) => e,
    );
    const there = await pool.prepare(path, 'package.json').then(
      () => null,
      (e) => e,
    );
    expect(here).not.toBeNull();
    expect(there).toBeInstanceOf(PreparedReportError);
    expect({ message: there.message, code: there.code, extensions: there.extensions }).toEqual({
      message: here.message,
      code: here.code,
      extensions: here.extensions,
    });
  });
});
