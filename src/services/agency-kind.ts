import type { AgencyKind } from '../../entities/agency.entity';
import { allEditions, perGeneration } from '../shared/editions';

/** Kind of an agency from its name, for agencies first met in an import; order matters (most specific first). */
const KIND_BY_NAME: Array<[RegExp, AgencyKind]> = [
  [/分中心$/u, 'BRANCH_CENTRE'],
  [/人民政府办公(室|厅)$/u, 'GOVERNMENT_OFFICE'],
  [/(镇|乡)人民政府$|街道办事处$|街道$/u, 'TOWNSHIP'],
  [/人民政府$/u, 'GOVERNMENT'],
  [/(管委会|管理委员会)$/u, 'DEVELOPMENT_ZONE'],
  [/(局|委员会|委|办公室|办)$/u, 'DEPARTMENT'],
  [/(中心|院|所|站|馆|队)$/u, 'PUBLIC_INSTITUTION'],
];

export function kindFromName(name: string): AgencyKind {
  return KIND_BY_NAME.find(([re]) => re.test(name))?.[1] ?? 'OTHER';
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Name, optional year, then an edition's title suffix; its leading 政府 is often dropped ("…信息公开工作年度报告"). */
const titlePattern = perGeneration(() => {
  const suffixes = [...new Set(allEditions().map((e) => e.titleSuffix))].map((s) => `(?:政府)?${escape(s.replace(/^政府/u, ''))}`);
  return new RegExp(`^(.+?)\\s*(?:20\\d{2}\\s*年(?:度)?)?\\s*(?:${suffixes.join('|')})`, 'u');
});

/** "济宁市公共资源交易服务中心汶上分中心2020年政府信息公开工作年度报告" → the agency's name. */
export function agencyNameFromTitle(title: string | null): string | null {
  if (!title) return null;
  const m = titlePattern().exec(title.normalize('NFKC').trim());
  const name = m?.[1]?.replace(/[《》\s]/g, '').replace(/关于$/u, '');
  return name || null;
}
