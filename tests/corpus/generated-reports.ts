import { cellsOf, editionForYear } from '../../src/shared/editions';
import { buildConsistentValues } from '../../src/shared/checks/consistent-values';
import type { RenderInput } from '../../src/render/report-renderer';
import { SeededRandom } from '../../src/shared/seeded-random';
import type { Truth } from './corpus-layout';

/** Fixed seed of the generated part of the corpus: rerunning the script renders the same reports. */
export const GENERATED_SEED = 8;

const SENTENCES = [
  '本机关坚持以公开为常态、不公开为例外，全面推进决策、执行、管理、服务、结果公开。',
  '及时更新政府信息公开指南和目录，规范依申请公开办理流程。',
  '依托政府网站、政务新媒体等平台发布政府信息，拓展公开渠道。',
  '严格落实信息发布保密审查制度，未发生泄密事件。',
  '部分信息更新不够及时，解读形式较为单一。',
  '下一步将进一步加强信息发布审核，丰富政策解读形式。',
  '本年度未收取信息处理费。',
];

export interface GeneratedReport {
  /** File stem, e.g. `gen-2020-a`. */
  name: string;
  input: RenderInput;
  truth: Truth;
}

/**
 * Two reports per edition: one fully filled, one leaving its zeros blank (as many agencies publish),
 * each with arithmetic-consistent figures and a few narrative paragraphs per section.
 */
const PLAN = [
  { name: 'gen-2020-a', year: 2020, zerosBlank: false, agency: '济宁市测试局1' },
  { name: 'gen-2019-b', year: 2019, zerosBlank: true, agency: '汶上县测试中心2' },
  { name: 'gen-2022-a', year: 2022, zerosBlank: false, agency: '济宁市测试局3' },
  { name: 'gen-2024-b', year: 2024, zerosBlank: true, agency: '曲阜市测试办公室4' },
];

export function generatedReports(seed = GENERATED_SEED): GeneratedReport[] {
  // The project's one seeded generator (the same mulberry32 the corpus was first made with).
  const random = new SeededRandom(seed);
  const int = (n: number) => random.below(n);
  return PLAN.map((p, i) => {
    const edition = editionForYear(p.year);
    const values = buildConsistentValues(edition, (seed * 7919 + i + 1) >>> 0);
    const cells: RenderInput['cells'] = {};
    const truthValues: Truth['values'] = {};
    for (const c of cellsOf(edition)) {
      const v = p.zerosBlank && values[c.key] === '0' ? null : values[c.key];
      cells[c.key] = { value: v };
      truthValues[c.key] = v === null ? null : Number(v);
    }
    const narratives = [1, 2, 3, 4, 5, 6].map((section) => ({
      section,
      text: Array.from({ length: 1 + int(3) }, () => SENTENCES[int(SENTENCES.length)]).join('\n'),
    }));
    const input: RenderInput = { edition: edition.id, year: p.year, agencyName: p.agency, cells, narratives };
    return { name: p.name, input, truth: { year: p.year, edition: edition.id, format: 'generated', values: truthValues, raw: {} } };
  });
}
