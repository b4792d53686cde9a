/**
 * Every table and chart's data as CSV or XLSX, the file naming what it is: region, year, keys and
 * the viewer's scope on lines above the header (exceljs is loaded only when asked for).
 */
export interface ExportColumn {
  key: string;
  label: string;
}
export interface ExportMeta {
  title: string;
  region: string;
  year: string | number;
  keys: string[];
  scope: string;
}
export type ExportRow = Record<string, string | number | null>;

function metaLines(m: ExportMeta): string[][] {
  return [['表', m.title], ['地区', m.region], ['年度', String(m.year)], ['指标', m.keys.join(' ')], ['查看范围', m.scope], []];
}

/**
 * Text a spreadsheet would run as a formula (OWASP's CSV-injection rule: a leading =, +, -, @, tab
 * or CR) is prefixed with an apostrophe; numbers stay numbers (a negative figure is not a formula).
 */
export function csvCell(v: unknown): string {
  const s = v === null || v === undefined ? '' : String(v);
  const safe = typeof v !== 'number' && /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\n\r\t']/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(meta: ExportMeta, cols: ExportColumn[], rows: ExportRow[]): string {
  const lines = [...metaLines(meta), cols.map((c) => c.label), ...rows.map((r) => cols.map((c) => r[c.key]))];
  // A BOM so that spreadsheet programs read the Chinese text as UTF-8.
  return `\ufeff${lines.map((l) => l.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

export async function toXlsx(meta: ExportMeta, cols: ExportColumn[], rows: ExportRow[]): Promise<Blob> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(meta.title.slice(0, 31).replace(/[\\/?*[\]:]/g, ' '));
  for (const l of metaLines(meta)) ws.addRow(l);
  ws.addRow(cols.map((c) => c.label)).font = { bold: true };
  // A blank stays an empty cell, never a zero.
  for (const r of rows) ws.addRow(cols.map((c) => r[c.key] ?? null));
  const buf = await wb.xlsx.writeBuffer();
  return new Blob([buf], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
}

export function download(name: string, data: Blob | string, type = 'text/csv;charset=utf-8'): void {
  const blob = typeof data === 'string' ? new Blob([data], { type }) : data;
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

/** A document from the server's renderer (`rendered`, `renderedRollup`): HTML as text, DOCX as base64. */
export function downloadRendered(name: string, format: 'HTML' | 'DOCX', text: string): void {
  if (format === 'HTML') download(`${name}.html`, text, 'text/html;charset=utf-8');
  else
    download(
      `${name}.docx`,
      new Blob([Uint8Array.from(atob(text), (ch) => ch.charCodeAt(0))], {
        type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      }),
    );
}
