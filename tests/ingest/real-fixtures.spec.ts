import { readFileSync } from 'fs';
import { join } from 'path';
import { readReport } from '../../src/ingest/report-reader';
import { sourceOf, truthFilesIn } from '../support/fixture-files';

/**
 * Real published reports gathered for issue 8 (tests/fixtures/real): every truth file's source is parsed with
 * readReport exactly as tests/ingest/fixtures.spec.ts does, the score is printed per file, and every cell must be right.
 * A source the readers reject fails with the reader's error in the message. Nothing is skipped.
 */
const DIR = join(__dirname, '..', 'fixtures', 'real');

interface Truth {
  year: number | null;
  edition: string;
  format: string;
  values: Record<string, number | null>;
  raw?: Record<string, string>;
}

const truthFiles = truthFilesIn(DIR);

describe('real report fixtures (tests/fixtures/real)', () => {
  it('has truth files', () => expect(truthFiles.length).toBeGreaterThan(0));

  for (const truthFile of truthFiles) {
    const source = sourceOf(DIR, truthFile);

    it(`${source} reads every cell as the truth file has it`, async () => {
      const truth = JSON.parse(readFileSync(join(DIR, truthFile), 'utf8')) as Truth;
      const raw = truth.raw ?? {};
      const bytes = readFileSync(join(DIR, source));
      const keys = Object.keys(truth.values);
      let parsed;
      try {
        ({ parsed } = await readReport(bytes, { file: source }));
      } catch (e) {
        const msg = e instanceof Error ? e.message : String(e);
        console.log(`${source}: 0/${keys.length} cells, rejected: ${msg}`);
        throw new Error(`${source} rejected by the readers: ${msg}`, { cause: e });
      }
      const misses: string[] = [];
      for (const key of keys) {
        const cell = parsed.cells[key];
        const expected = truth.values[key];
        const got = cell ? (cell.value === null ? null : Number(cell.value)) : undefined;
        if (got !== expected)
          misses.push(`${key}: expected ${expected}, got ${got === undefined ? 'no cell' : got} (raw ${JSON.stringify(cell?.raw)})`);
        else if (key in raw && cell?.raw !== raw[key])
          misses.push(`${key}: raw expected ${JSON.stringify(raw[key])}, got ${JSON.stringify(cell?.raw)}`);
      }
      const right = keys.length - misses.length;
      console.log(
        `${source}: ${right}/${keys.length} cells (${((100 * right) / keys.length).toFixed(1)}%)${misses.length ? '\n  ' + misses.join('\n  ') : ''}`,
      );
      expect(misses).toEqual([]);
      expect(parsed.edition).toBe(truth.edition);
      expect(parsed.year).toBe(truth.year);
      expect(parsed.format).toBe(truth.format);
    });
  }
});
