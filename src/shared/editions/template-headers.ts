/**
 * Header cells around the template's figures (the cells themselves are in the edition tables).
 * Identical in both editions (the title suffix is each edition's `titleSuffix`); the renderer lays
 * them out, the readers skip them.
 */
export const TEMPLATE_HEADERS = {
  /** Section 二: first header cell of every block, above the row labels. */
  activeRowHeader: '信息内容',
  /** Section 三: top-left cell over the three label columns. */
  applicationsNote: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
  applicantsHeader: '申请人情况',
  /** Spans the applicant columns between the first (自然人) and the last (总计). */
  legalPersonsHeader: '法人或其他组织',
  /** Section 三: merged label over the result rows (between 二、 and 四、). */
  resultsRow: '三、本年度办理结果',
} as const;

/** Section numbering of the headings: "一、总体情况". */
export const SECTION_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 3 → "三"; a number past the list stays a number. */
export function sectionNumeral(n: number): string {
  return SECTION_NUMERALS[n - 1] ?? String(n);
}

/** Lawsuit column labels nest their header levels with this separator ("行政诉讼·复议后起诉·总计"). */
export const HEADER_LEVEL_SEPARATOR = '·';

/** One header cell of a multi-level header: its text and spans. */
export interface HeaderSpan {
  text: string;
  colSpan: number;
  rowSpan: number;
}

/**
 * The header rows that column labels with levels ("行政诉讼·未经复议直接起诉·结果维持") print as:
 * a level shared by neighbouring columns spans them; a label ending above the last level spans the
 * rows below it. Shared by the renderer and the browser form, so both print the same template.
 */
export function headerLevels(labels: string[]): HeaderSpan[][] {
  const paths = labels.map((l) => l.split(HEADER_LEVEL_SEPARATOR));
  const depth = Math.max(...paths.map((p) => p.length));
  const rows: HeaderSpan[][] = [];
  for (let level = 0; level < depth; level++) {
    const cells: HeaderSpan[] = [];
    for (let i = 0; i < paths.length;) {
      const path = paths[i];
      if (path.length - 1 < level) {
        i++;
        continue;
      }
      if (path.length - 1 === level) {
        cells.push({ text: path[level], colSpan: 1, rowSpan: depth - level });
        i++;
        continue;
      }
      const prefix = path.slice(0, level + 1).join(HEADER_LEVEL_SEPARATOR);
      let n = 0;
      while (
        i + n < paths.length &&
        paths[i + n].length - 1 > level &&
        paths[i + n].slice(0, level + 1).join(HEADER_LEVEL_SEPARATOR) === prefix
      )
        n++;
      cells.push({ text: path[level], colSpan: n, rowSpan: 1 });
      i += n;
    }
    rows.push(cells);
  }
  return rows;
}
