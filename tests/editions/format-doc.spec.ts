import { readFileSync } from 'fs';
import { allEditions, cellsOf } from '../../src/shared/editions';
import { FORMAT_DOC_PATH, formatDoc } from '../../src/cli/format-doc.cli';

describe('docs/format.md', () => {
  it('is what the editions generate (run `npm run docs` after changing src/shared/editions)', () => {
    expect(formatDoc(allEditions())).toBe(readFileSync(FORMAT_DOC_PATH, 'utf8'));
  });

  it('lists every cell key, derived key and rule code of every edition', () => {
    const doc = readFileSync(FORMAT_DOC_PATH, 'utf8');
    for (const e of allEditions()) {
      expect(doc).toContain(`## Edition ${e.id}:`);
      for (const c of cellsOf(e)) expect(doc).toContain(`\`${c.key}\``);
      for (const r of e.rules) expect(doc).toContain(`\`${r.code}\``);
      for (const d of e.derivedRows) expect(doc).toContain(`applications.${d.key}.{`);
    }
  });
});
