import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { getEdition } from '../../src/shared/editions';
import { checkReport } from '../../src/shared/checks';
import { checkArithmetic, checkUnits } from '../../src/shared/checks/arithmetic.check';
import { readReport } from '../../src/ingest/report-reader';
import { ReportParseError } from '../../src/common/errors';
import { FIXTURES_DIR, describeWithFixtures } from '../support/shared';

interface Truth {
  year: number | null;
  edition: string;
  values: Record<string, number | null>;
  findings: string[];
}

describeWithFixtures('checks on the shared fixtures', () => {
  const truths = readdirSync(FIXTURES_DIR).filter((f) => f.endsWith('.truth.json'));

  describe.each(truths)('%s', (truthFile) => {
    const truth: Truth = JSON.parse(readFileSync(join(FIXTURES_DIR, truthFile), 'utf8'));
    const base = truthFile.replace(/\.truth\.json$/, '');
    const source = readdirSync(FIXTURES_DIR).find((f) => f.startsWith(base + '.') && !f.endsWith('.truth.json'))!;

    it('the hand-checked values fail exactly the rules the truth lists', () => {
      const edition = getEdition(truth.edition);
      // JSON numbers as written ("7539.443252") are the exact decimals.
      const values = Object.fromEntries(Object.entries(truth.values).map(([k, v]) => [k, v === null ? null : String(v)]));
      const failed = [...checkUnits(edition, values), ...checkArithmetic(edition, values)].filter((f) => f.status === 'failed');
      expect([...new Set(failed.map((f) => f.rule))].sort()).toEqual([...truth.findings].sort());
    });

    it('the report as read yields no finding of error severity', async () => {
      let parsed;
      try {
        ({ parsed } = await readReport(readFileSync(join(FIXTURES_DIR, source)), { file: source }));
      } catch (e) {
        // Readers for some formats are still being written: skip those fixtures, say so.
        if (e instanceof ReportParseError && e.code === 'REPORT_UNSUPPORTED_FORMAT' && /no reader/.test(e.reason)) {
          console.warn(`${source}: skipped, ${e.reason}`);
          return;
        }
        throw e;
      }
      const findings = checkReport(parsed, { importYear: truth.year ?? undefined });
      expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    });
  });
});
