import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { readReport } from '../../src/ingest/report-reader';
import { renderCorpus } from '../../src/render/render-corpus';

describe('renderCorpus', () => {
  const dirs: string[] = [];
  const tmp = () => {
    const d = mkdtempSync(join(tmpdir(), 'nianbao-corpus-'));
    dirs.push(d);
    return d;
  };
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('writes readable reports of both editions and formats, the same bytes for the same seed', async () => {
    const [a, b, c] = [tmp(), tmp(), tmp()];
    const files = await renderCorpus(a, 30, 42);
    await renderCorpus(b, 30, 42);
    await renderCorpus(c, 30, 43);
    expect(readdirSync(a)).toHaveLength(30);
    const bytes = (dir: string) =>
      readdirSync(dir)
        .sort()
        .map((f) => readFileSync(join(dir, f)));
    expect(bytes(b)).toEqual(bytes(a));
    expect(bytes(c)).not.toEqual(bytes(a));
    expect(new Set(files.map((f) => f.format))).toEqual(new Set(['html', 'docx']));
    expect(new Set(files.map((f) => `${f.agencyName}|${f.year}`)).size).toBe(30);
    const editions = new Set<string>();
    for (const f of files) {
      const { parsed } = await readReport(readFileSync(f.path), { file: f.path });
      expect([parsed.year, parsed.format]).toEqual([f.year, f.format]);
      expect(parsed.title).toBe(`${f.agencyName}${f.year}年政府信息公开工作年度报告`);
      editions.add(parsed.edition);
    }
    expect(editions).toEqual(new Set(['2019', '2021']));
  });
});
