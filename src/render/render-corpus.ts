import { mkdir, writeFile } from 'fs/promises';
import { join } from 'path';
import { allEditions, cellsOf, editionForYear } from '../shared/editions';
import { buildConsistentValues } from '../shared/checks/consistent-values';
import { renderReport, type RenderFormat, type RenderInput } from './report-renderer';
import { SeededRandom } from '../shared/seeded-random';

/** Report years the corpus cycles through from the first edition's: every edition, every agency files each year once. */
const YEARS = 7;

const SENTENCES = [
  '本机关坚持以公开为常态、不公开为例外，全面推进决策、执行、管理、服务、结果公开。',
  '及时更新政府信息公开指南和目录，规范依申请公开办理流程。',
  '依托政府网站、政务新媒体等平台发布政府信息，拓展公开渠道。',
  '严格落实信息发布保密审查制度，未发生泄密事件。',
  '加强对政务公开工作人员的业务培训，提升工作水平。',
  '部分信息更新不够及时，解读形式较为单一。',
  '下一步将进一步加强信息发布审核，丰富政策解读形式。',
  '本年度未收取信息处理费。',
  '无。',
];

export interface CorpusFile {
  path: string;
  format: RenderFormat;
  agencyName: string;
  year: number;
}

/** A report of the corpus: arithmetic-consistent figures, some reports leaving their zeros blank as many agencies do. */
function corpusReport(index: number, random: SeededRandom, seed: number): RenderInput {
  const year = allEditions()[0].years.from + (index % YEARS);
  const edition = editionForYear(year);
  const values = buildConsistentValues(edition, (seed * 7919 + index + 1) >>> 0);
  const zerosBlank = random.chance(0.25);
  const cells = Object.fromEntries(
    cellsOf(edition).map((c) => [c.key, { value: zerosBlank && values[c.key] === '0' ? null : values[c.key] }]),
  );
  const narratives = [1, 2, 3, 4, 5, 6].map((section) => ({
    section,
    text: Array.from({ length: 1 + random.below(3) }, () => random.pick(SENTENCES)).join('\n'),
  }));
  return { edition: edition.id, year, agencyName: `济宁市测试局${Math.floor(index / YEARS) + 1}`, cells, narratives };
}

/**
 * Writes `count` rendered reports (HTML and DOCX, both editions, one per agency and year) into
 * `dir` for volume imports; the same seed writes the same bytes.
 */
export async function renderCorpus(dir: string, count: number, seed: number): Promise<CorpusFile[]> {
  await mkdir(dir, { recursive: true });
  const random = new SeededRandom(seed);
  const files: CorpusFile[] = [];
  const digits = String(Math.max(count - 1, 0)).length;
  for (let i = 0; i < count; i++) {
    const report = corpusReport(i, random, seed);
    const format: RenderFormat = random.chance(0.5) ? 'html' : 'docx';
    const path = join(dir, `report-${String(i).padStart(digits, '0')}.${format}`);
    await writeFile(path, await renderReport(report, format));
    files.push({ path, format, agencyName: report.agencyName, year: report.year });
  }
  return files;
}
