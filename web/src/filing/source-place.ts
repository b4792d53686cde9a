/** Where a figure was read (schema CellSource), as the upload form shows it beside the cell. */
export interface CellSource {
  page?: number | null;
  x?: number | null;
  y?: number | null;
  line?: number | null;
  table?: number | null;
  row?: number | null;
  cell?: number | null;
}

/** "第3页 (72, 540)" for PDF, "第12行" for text, "表2 行3 列4" for HTML and DOCX; '' when unknown. */
export function sourcePlace(s: CellSource | null | undefined): string {
  if (!s) return '';
  if (s.page != null) return s.x != null && s.y != null ? `第${s.page}页 (${Math.round(s.x)}, ${Math.round(s.y)})` : `第${s.page}页`;
  if (s.table != null)
    return [`表${s.table}`, s.row != null ? `行${s.row}` : '', s.cell != null ? `列${s.cell}` : ''].filter(Boolean).join(' ');
  if (s.line != null) return `第${s.line}行`;
  return '';
}
