import { isNoFigureMark, parseCellText } from '../../src/ingest/cell-value';

// Marks published reports print in a cell instead of a number, half- and full-width.
const MARKS = ['/', '／', '\\', '＼', '、', '-', '－', '--', '–', '—', '——', '―', '无'];

describe('no-figure marks', () => {
  it.each(MARKS)('reads %j as no figure: value null, not an error, not 0', (mark) => {
    expect(isNoFigureMark(mark)).toBe(true);
    expect(isNoFigureMark(` ${mark}\u3000`)).toBe(true);
    expect(parseCellText(mark, 'count')).toEqual({ ok: true, value: null });
    expect(parseCellText(mark, 'wan_yuan')).toEqual({ ok: true, value: null });
  });

  it('keeps a blank a blank: null, and no mark', () => {
    expect(isNoFigureMark('')).toBe(false);
    expect(isNoFigureMark(' \u3000')).toBe(false);
    expect(parseCellText(' ', 'count')).toEqual({ ok: true, value: null });
  });

  it('does not take text that merely contains a mark, or a zero, for a mark', () => {
    for (const text of ['0', '无数据', '/ 3', '1-2', '—0—']) expect(isNoFigureMark(text)).toBe(false);
    expect(parseCellText('0', 'count')).toEqual({ ok: true, value: '0' });
    expect(parseCellText('无数据', 'count').ok).toBe(false);
  });
});
