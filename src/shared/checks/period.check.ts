import { editionForYear, getEdition, type EditionDef } from '../editions';
import type { ParsedReport } from '../parsed-report';
import { RULE_CODES, type Finding } from './finding.types';

/** Years a report states, by where they come from. */
interface YearSource {
  what: string;
  year: number;
}

function yearsIn(text: string | null): number[] {
  if (!text) return [];
  return [...text.normalize('NFKC').matchAll(/(20\d{2})\s*年/gu)].map((m) => Number(m[1]));
}

function editionName(e: EditionDef): string {
  return `${e.id}年版《${e.title}》`;
}

/**
 * Title, statistics period and import year must name the same year (docs/format.md; a page filed
 * under one year calling itself another, periods like "202020年"), and the template edition must
 * be the one in force for that year by the years each edition declares.
 */
export function checkPeriod(report: Pick<ParsedReport, 'title' | 'period' | 'year' | 'edition'>, importYear?: number): Finding[] {
  const sources: YearSource[] = [];
  const titleYear = yearsIn(report.title)[0];
  if (titleYear !== undefined) sources.push({ what: '标题', year: titleYear });
  const [from, to] = yearsIn(report.period);
  if (from !== undefined) sources.push({ what: '统计期限起', year: from });
  if (to !== undefined) sources.push({ what: '统计期限止', year: to });
  if (importYear !== undefined) sources.push({ what: '导入年度', year: importYear });

  const out: Finding[] = [];
  const distinct = new Set(sources.map((s) => s.year));
  if (distinct.size > 1) {
    out.push({
      rule: RULE_CODES.yearMismatch,
      severity: 'warning',
      status: 'failed',
      cells: [],
      expected: sources[0].year,
      actual: sources.find((s) => s.year !== sources[0].year)!.year,
      message: `报告年度不一致：${sources.map((s) => `${s.what}${s.year}年`).join('，')}`,
    });
  } else if (distinct.size === 0 && report.year === null) {
    out.push({
      rule: RULE_CODES.yearMismatch,
      severity: 'info',
      status: 'not_assessable',
      cells: [],
      expected: null,
      actual: null,
      message: '标题和统计期限均未写明年度，且未给出导入年度，无法核对报告年度',
    });
  }

  // The import year is what the report is filed under, so it decides which edition was due.
  const year = importYear ?? titleYear ?? from ?? report.year ?? undefined;
  if (year !== undefined) {
    const due = editionForYear(year);
    if (due.id !== report.edition) {
      const used = getEdition(report.edition);
      out.push({
        rule: RULE_CODES.editionYearMismatch,
        severity: 'warning',
        status: 'failed',
        cells: [],
        // Editions are named by the year they start (ids are open strings).
        expected: due.years.from,
        actual: used.years.from,
        message: `${year}年度报告应使用${editionName(due)}的表格，实际使用的是${editionName(used)}`,
      });
    }
  }
  return out;
}
