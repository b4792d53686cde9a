import { bitLcsLength, MAX_BIT_LCS, patternMasks } from '../../src/ingest/align/bit-lcs';
import {
  clearSimilarityMemo,
  computeSimilarity,
  labelSimilarity,
  lcsLength,
  MEMO_LIMIT,
  similarityMemoSize,
} from '../../src/ingest/align/label-similarity';

/** A fixed pseudo-random sequence: the same cases on every run. */
function random(seed: number): (n: number) => number {
  let s = seed;
  return (n) => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s % n;
  };
}

describe('bit-parallel LCS', () => {
  it("gives the classic table's length for patterns up to 32 code points", () => {
    const rnd = random(42);
    for (let k = 0; k < 5000; k++) {
      const alphabet = 1 + rnd(6);
      const a = Array.from({ length: rnd(MAX_BIT_LCS + 1) }, () => 0x4e00 + rnd(alphabet));
      const b = Array.from({ length: rnd(70) }, () => 0x4e00 + rnd(alphabet));
      expect(bitLcsLength(patternMasks(a), b)).toBe(lcsLength(a, b));
    }
  });

  it('handles a full 32-bit pattern and refuses a longer one', () => {
    const a = Array.from({ length: 32 }, (_, i) => 0x4e00 + (i % 3));
    expect(bitLcsLength(patternMasks(a), a)).toBe(32);
    expect(bitLcsLength(patternMasks(a), [...a].reverse())).toBe(lcsLength(a, [...a].reverse()));
    expect(() => patternMasks([...a, 0x4e00])).toThrow(RangeError);
  });
});

describe('label similarity memo', () => {
  const labels = [
    '（一）予以公开',
    '1.属于国家秘密',
    '（1）属于 国家\n秘密',
    '三、本年度办理结果（一）予以公开',
    '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
    '4.保护第三方合法权益（件）',
    '行政强制',
    '强制',
    '',
    '一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五',
    '本年新收政府信息公开申请数量本年新收政府信息公开申请数量本年新收政府信息公开申请数量',
  ];

  beforeEach(() => clearSimilarityMemo());

  it('returns exactly the unmemoised score, on the first call and on repeats', () => {
    for (const a of labels)
      for (const b of labels) {
        const expected = computeSimilarity(a, b);
        expect(labelSimilarity(a, b)).toBe(expected);
        expect(labelSimilarity(a, b)).toBe(expected);
      }
    expect(similarityMemoSize()).toBe(labels.length * labels.length);
  });

  it('keeps the pair order apart (printed vs template is not symmetric)', () => {
    const [printed, template] = ['三、本年度办理结果（一）予以公开', '（一）予以公开'];
    expect(labelSimilarity(printed, template)).toBe(0.8);
    expect(labelSimilarity(template, printed)).toBe(computeSimilarity(template, printed));
    expect(labelSimilarity(template, printed)).not.toBe(0.8);
  });

  it('stays bounded over a bulk import of distinct labels and still scores correctly', () => {
    const rnd = random(7);
    const template = '2.没有现成信息需要另行制作';
    for (let i = 0; i <= MEMO_LIMIT + 10; i++) labelSimilarity(`${i}号${'信息公开'.slice(rnd(4))}`, template);
    expect(similarityMemoSize()).toBeLessThanOrEqual(MEMO_LIMIT + 1);
    expect(labelSimilarity('2.没有现成信息需要另行制', template)).toBe(computeSimilarity('2.没有现成信息需要另行制', template));
  });
});
