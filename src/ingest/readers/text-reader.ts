import type { DocBlock, DocCell, DocRow, ReportDocument } from '../report-document';

/**
 * Word documents exported as plain text: every table cell on its own line starting with a tab,
 * rows separated by blank lines, a cell's later lines (two-line headers) without the tab.
 */
export function readText(text: string): ReportDocument {
  const lines = text.replace(/^\ufeff/, '').split(/\r?\n/);
  const blocks: DocBlock[] = [];
  let rows: DocRow[] | null = null;
  let row: DocRow | null = null;
  let previousWasCell = false;

  const endTable = () => {
    if (rows) {
      if (row?.cells.length) rows.push(row);
      blocks.push({ kind: 'table', table: { rows, line: rows[0]?.line } });
    }
    rows = null;
    row = null;
  };

  lines.forEach((line, i) => {
    const lineNo = i + 1;
    if (line.startsWith('\t')) {
      if (!rows) rows = [];
      if (!row) row = { cells: [], line: lineNo };
      const cell: DocCell = { text: line.slice(1), line: lineNo };
      row.cells.push(cell);
      previousWasCell = true;
      return;
    }
    if (line.trim() === '') {
      if (rows && row?.cells.length) rows.push(row);
      row = null;
      previousWasCell = false;
      return;
    }
    if (previousWasCell && row) {
      const last = row.cells[row.cells.length - 1];
      last.text += '\n' + line;
      return;
    }
    endTable();
    blocks.push({ kind: 'paragraph', text: line, line: lineNo });
    previousWasCell = false;
  });
  endTable();
  return { format: 'text', blocks };
}
