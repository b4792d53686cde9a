import { existsSync, readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { readReport } from '../../src/ingest/report-reader';
import { existsHere, SHARED_HIDDEN } from '../support/shared';
import { DERIVED_DIR, fromRepoPath, KINDS, type DerivedKind, type DerivedTruth, type Truth } from '../corpus/corpus-layout';

/**
 * Every file of tests/fixtures/derived (made by tests/corpus/derive-corpus.ts: real fixtures and
 * rendered reports printed by Chromium and converted by LibreOffice) read by readReport and compared
 * cell by cell with its source's truth. One line per file with its score; a file must read 100%.
 * Cells its conversion lost (truth file `lostInConversion`, evidence in `lostNote`; recorded in
 * tests/corpus/lost-in-conversion.ts) are listed and excluded; a file whose loss leaves a table
 * incomplete must be rejected with the message its truth names (`rejects`), never read.
 * Legacy .doc files are read by the .doc reader (word-extractor). Files whose truth lives in ../shared
 * are skipped, with a message, when ../shared is not beside this checkout.
 */

interface Case {
  kind: DerivedKind;
  name: string;
  file: string;
  derived: DerivedTruth;
  truth: Truth | null;
  /** Why the case cannot be scored here (truth source absent). */
  missing?: string;
}

function cases(): Case[] {
  const out: Case[] = [];
  for (const kind of KINDS) {
    const dir = join(DERIVED_DIR, kind);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)
      .filter((f) => !f.endsWith('.truth.json'))
      .sort()) {
      const file = join(dir, name);
      const truthFile = `${file}.truth.json`;
      if (!existsSync(truthFile)) throw new Error(`${kind}/${name}: no ${name}.truth.json beside it (rerun tests/corpus/derive-corpus.ts)`);
      const derived = JSON.parse(readFileSync(truthFile, 'utf8')) as DerivedTruth;
      if (derived.values) {
        const truth: Truth = {
          year: derived.year ?? null,
          edition: derived.edition!,
          format: derived.format,
          values: derived.values,
          raw: derived.raw ?? {},
        };
        out.push({ kind, name, file, derived, truth });
        continue;
      }
      const source = fromRepoPath(derived.source);
      if (!existsHere(source)) {
        out.push({
          kind,
          name,
          file,
          derived,
          truth: null,
          missing: `truth ${derived.source} ${SHARED_HIDDEN ? 'hidden (NIANBAO_HIDE_SHARED=1)' : 'not found (../shared is not beside this checkout)'}`,
        });
        continue;
      }
      const truth = JSON.parse(readFileSync(source, 'utf8')) as Truth;
      out.push({ kind, name, file, derived, truth: { ...truth, format: derived.format } });
    }
  }
  return out;
}

interface Score {
  right: number;
  total: number;
  misses: string[];
  rejected?: string;
  /** Cells the conversion lost (the truth file's lostInConversion): excluded from right and total. */
  lost: string[];
}

/**
 * A blank cell's raw text: many templates fill it with full-width spaces ("　　"), and a PDF carries no
 * glyph for a space, so a PDF reader reads it as "". Where truth and read agree the cell is blank (value
 * null), a truth raw of whitespace only matches an empty raw read from a PDF. Any other format keeps
 * the spaces and must give them back verbatim.
 */
function rawMatches(format: string, expected: string, got: string | undefined, blank: boolean): boolean {
  if (got === expected) return true;
  return format === 'pdf' && blank && got === '' && expected.trim() === '';
}

async function score(c: Case): Promise<Score> {
  const truth = c.truth!;
  const lostKeys = c.derived.lostInConversion ?? {};
  const lost = Object.keys(lostKeys).map((k) => `${k}: lost in conversion (${lostKeys[k]})`);
  const keys = Object.keys(truth.values).filter((k) => !(k in lostKeys));
  let parsed;
  try {
    ({ parsed } = await readReport(readFileSync(c.file), { file: c.name }));
  } catch (e) {
    return { right: 0, total: keys.length, misses: [], rejected: (e as Error).message, lost };
  }
  // A file whose lost cells leave a table incomplete must be rejected: read, it would hold guesses.
  if (c.derived.rejects)
    return { right: 0, total: keys.length, misses: [`read although its truth says it must be rejected (${c.derived.rejects})`], lost };
  const misses: string[] = [];
  for (const key of keys) {
    const cell = parsed.cells[key];
    const expected = truth.values[key];
    const got = cell ? (cell.value === null ? null : Number(cell.value)) : undefined;
    if (got !== expected)
      misses.push(`${key}: expected ${expected}, got ${got === undefined ? 'no cell' : got} (raw ${JSON.stringify(cell?.raw)})`);
    else if (truth.raw && key in truth.raw && !rawMatches(truth.format, truth.raw[key], cell?.raw, expected === null && got === null))
      misses.push(`${key}: raw expected ${JSON.stringify(truth.raw[key])}, got ${JSON.stringify(cell?.raw)}`);
  }
  if (parsed.edition !== truth.edition) misses.push(`edition: expected ${truth.edition}, got ${parsed.edition}`);
  if (parsed.year !== truth.year) misses.push(`year: expected ${truth.year}, got ${parsed.year}`);
  if (parsed.format !== truth.format) misses.push(`format: expected ${truth.format}, got ${parsed.format}`);
  const cellMisses = misses.filter((m) => !/^(edition|year|format):/.test(m)).length;
  return { right: keys.length - cellMisses, total: keys.length, misses, lost };
}

const all = existsSync(DERIVED_DIR) ? cases() : [];
const scores: { c: Case; s: Score }[] = [];

describe('derived corpus (tests/fixtures/derived)', () => {
  it('holds derived files (run tests/corpus/derive-corpus.ts)', () => {
    expect(all.length).toBeGreaterThan(0);
  });

  for (const c of all) {
    const label = `${c.kind}/${c.name}`;
    if (c.missing) {
      console.warn(`${label}: skipped, ${c.missing}`);
      it.skip(`${label} (${c.missing})`, () => undefined);
      continue;
    }
    it(`${label} (${c.derived.derivedBy}) reads every cell as its truth has it`, async () => {
      const s = await score(c);
      scores.push({ c, s });
      const pct = ((100 * s.right) / s.total).toFixed(1);
      const expectedRejection = Boolean(s.rejected && c.derived.rejects && new RegExp(c.derived.rejects, 'u').test(s.rejected));
      const line = s.rejected
        ? `${label}: rejected${expectedRejection ? ' as its truth says (conversion lost cells)' : ''}: ${s.rejected}`
        : `${label}: ${s.right}/${s.total} (${pct}%)`;
      const lostLine = s.lost.length ? `\n  ${s.lost.length} cell(s) lost in conversion, excluded: ${c.derived.lostNote ?? ''}` : '';
      const shown = s.misses.slice(0, 12);
      console.log(
        line +
          lostLine +
          (shown.length
            ? '\n  ' + shown.join('\n  ') + (s.misses.length > shown.length ? `\n  … ${s.misses.length - shown.length} more` : '')
            : ''),
      );
      if (!expectedRejection) expect(s.rejected).toBeUndefined();
      expect(s.misses).toEqual([]);
    });
  }

  afterAll(() => {
    if (!scores.length) return;
    const rows = KINDS.map((kind) => {
      const of = scores.filter((x) => x.c.kind === kind);
      const full = of.filter((x) => !x.s.rejected && x.s.misses.length === 0).length;
      const rejected = of.filter((x) => x.s.rejected).length;
      const lost = of.reduce((n, x) => n + x.s.lost.length, 0);
      const right = of.reduce((n, x) => n + x.s.right, 0);
      const total = of.reduce((n, x) => n + x.s.total, 0);
      return `${kind.padEnd(14)} ${String(of.length).padStart(3)} files  ${String(full).padStart(3)} at 100%  ${String(rejected).padStart(3)} rejected  cells ${right}/${total} (${total ? ((100 * right) / total).toFixed(1) : '-'}%)${lost ? `  ${lost} lost in conversion` : ''}`;
    });
    console.log(`derived corpus score:\n${rows.join('\n')}`);
  });
});
