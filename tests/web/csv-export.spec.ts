import { csvCell, toCsv } from '../../web/src/export/table-export';

/** CSV injection (OWASP): text a spreadsheet would evaluate is neutralised; figures stay figures. */
describe('CSV export of the dashboard tables', () => {
  it.each(['=HYPERLINK("http://x","点我")', '+1+1', '-2+3', '@SUM(A1)', '\tcmd', '\rcmd'])('neutralises %j', (text) => {
    const cell = csvCell(text);
    // Unquoted, the cell starts with the apostrophe; quoted, right after the opening quote.
    expect(cell.replace(/^"/, '')).toMatch(/^'/);
    expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('keeps numbers, blanks and plain text as they are', () => {
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(0)).toBe('0');
    expect(csvCell(null)).toBe('');
    expect(csvCell('济宁市')).toBe('济宁市');
    expect(csvCell('a,b')).toBe('"a,b"');
  });

  it('a return comment with a formula reaches the file inert', () => {
    const csv = toCsv(
      { title: 't', region: 'r', year: 2024, keys: [], scope: 's' },
      [{ key: 'c', label: '意见' }],
      [{ c: '=HYPERLINK("http://evil","x")' }],
    );
    const last = csv.trim().split('\r\n').pop()!;
    expect(last).toBe(`"'=HYPERLINK(""http://evil"",""x"")"`);
  });
});
