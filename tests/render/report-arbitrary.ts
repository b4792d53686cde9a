import fc from 'fast-check';
import { cellsOf, type EditionDef, type Unit } from '../../src/shared/editions';
import { shiftDecimal } from '../../src/ingest/cell-value';
import type { RenderCell, RenderInput, RenderNarrative } from '../../src/render/report-renderer';

const digits = (min: number, max: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });

const whole = fc.oneof(
  { weight: 2, arbitrary: fc.constant('0') },
  { weight: 4, arbitrary: fc.integer({ min: 1, max: 20 }).map(String) },
  { weight: 2, arbitrary: fc.integer({ min: 21, max: 2_000_000_000 }).map(String) },
);
const negative = fc.integer({ min: 1, max: 1_000_000 }).map((n) => `-${n}`);
const amount = fc
  .tuple(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 99_999_999 })), fc.option(digits(1, 6), { nil: undefined }))
  .map(([i, f]) => (f === undefined ? String(i) : `${i}.${f}`));

function valueOf(unit: Unit): fc.Arbitrary<string> {
  if (unit === 'signed_count') return fc.oneof(whole, negative);
  if (unit === 'wan_yuan') return amount;
  return whole;
}

/** Published spellings of the same value, so the renderer's raw-text path is exercised too. */
function rawFor(value: string, unit: Unit): fc.Arbitrary<string | undefined> {
  const options: string[] = [value];
  if (unit === 'wan_yuan') {
    options.push(value.includes('.') ? `${value}0` : `${value}.00`, `${shiftDecimal(value, 4)}元`, `${value}万元`);
  } else if (value.startsWith('-')) options.push(`减少${value.slice(1)}`);
  else options.push(`${value}件`);
  return fc.option(fc.constantFrom(...options), { nil: undefined });
}

function cellArb(unit: Unit): fc.Arbitrary<RenderCell> {
  const blank = fc.record({ value: fc.constant(null), raw: fc.constantFrom<string | undefined>(undefined, '', '/', '-', '无') });
  const filled = valueOf(unit).chain((value) => rawFor(value, unit).map((raw) => ({ value, raw })));
  return fc.oneof({ weight: 1, arbitrary: blank }, { weight: 3, arbitrary: filled });
}

/** Narrative text: CJK prose with digits, Latin letters and markup characters; never a heading-like line. */
const LINE_CHARS = [
  ...'本机关认真贯彻落实政府信息公开条例推进政务公开工作取得成效全年主动公开信息条网站微信平台依申请办理答复按时',
  ...'，。；：“”（）《》%',
  ...'0123456789',
  ...'abcXYZ',
  '<',
  '>',
  '&',
  '"',
  "'",
];
const line = fc
  .tuple(fc.constantFrom(...'本全我中在依'), fc.string({ unit: fc.constantFrom(...LINE_CHARS), minLength: 0, maxLength: 60 }))
  .map(([first, rest]) => first + rest);
const narrativeText = fc.array(line, { minLength: 1, maxLength: 4 }).map((lines) => lines.join('\n'));

const narratives: fc.Arbitrary<RenderNarrative[]> = fc
  .tuple(
    ...[1, 2, 3, 4, 5, 6].map((section) =>
      fc.option(
        narrativeText.map((text) => ({ section, text })),
        { nil: undefined },
      ),
    ),
  )
  .map((ns) => ns.filter((n): n is RenderNarrative => n !== undefined));

const agencyName = fc
  .tuple(
    fc.constantFrom('济宁市', '任城区', '汶上县', '微山县'),
    fc.string({ unit: fc.constantFrom(...'测试公共资源交易服务中心市场监督管理'), minLength: 1, maxLength: 10 }),
    fc.constantFrom('局', '中心', '办公室', '人民政府'),
  )
  .map(([a, b, c]) => a + b + c);

export function reportArb(edition: EditionDef): fc.Arbitrary<RenderInput> {
  const cells = Object.fromEntries(cellsOf(edition).map((c) => [c.key, cellArb(c.unit)]));
  return fc.record({
    edition: fc.constant(edition.id),
    year: fc.integer({ min: edition.years.from, max: edition.years.to ?? edition.years.from + 10 }),
    agencyName,
    cells: fc.record(cells),
    narratives,
  });
}
