import type { Region } from '../../entities';
import type { AgencyKind } from '../../entities/agency.entity';

/** Organ names of a synthetic population (names of organs, not template labels). */
export const DEPARTMENTS = [
  '发展和改革局',
  '教育和体育局',
  '科学技术局',
  '工业和信息化局',
  '公安局',
  '民政局',
  '司法局',
  '财政局',
  '人力资源和社会保障局',
  '自然资源和规划局',
  '生态环境局',
  '住房和城乡建设局',
  '交通运输局',
  '水务局',
  '农业农村局',
  '商务局',
  '文化和旅游局',
  '卫生健康局',
  '退役军人事务局',
  '应急管理局',
  '审计局',
  '市场监督管理局',
  '统计局',
  '医疗保障局',
  '综合行政执法局',
  '行政审批服务局',
  '信访局',
  '林业局',
  '能源局',
  '粮食和物资储备局',
  '地方金融监督管理局',
  '国防动员办公室',
];
export const INSTITUTIONS = [
  '公共资源交易服务中心',
  '住房公积金管理中心',
  '社会保险事业中心',
  '医疗保险事业中心',
  '机关事务服务中心',
  '大数据中心',
  '档案馆',
  '图书馆',
  '博物馆',
  '文化馆',
  '疾病预防控制中心',
  '妇幼保健院',
  '中医院',
  '人民医院',
  '检验检测中心',
  '不动产登记中心',
  '就业服务中心',
  '劳动人事争议仲裁院',
  '农业技术推广中心',
  '水利事业服务中心',
  '公路事业发展中心',
  '交通运输综合执法大队',
  '市场监管综合执法大队',
  '城市管理综合执法大队',
  '应急救援指挥中心',
  '融媒体中心',
  '政务服务中心',
  '退役军人服务中心',
  '老年大学',
  '科技馆',
  '气象台',
  '地震监测中心',
  '园林绿化服务中心',
  '供销合作社联合社',
  '残疾人联合会',
  '红十字会',
  '投资促进服务中心',
  '国有资产服务中心',
  '教育科学研究院',
  '职业中等专业学校',
];
/** City institutions with a branch centre in every county of the city. */
export const BRANCHED = ['公共资源交易服务中心', '住房公积金管理中心', '社会保险事业中心'];

export interface GenAgency {
  id: number;
  name: string;
  kind: AgencyKind;
  region: Region;
  parentId: number | null;
  /** True when it already existed (seed agencies): reused, not inserted. */
  existing: boolean;
  /** How busy the organ is: multiplies application counts. */
  weight: number;
}

const shortName = (name: string) => (name.length > 2 ? name.replace(/(县|区|市)$/u, '') : name);

function townshipAgencyName(name: string): string {
  if (/(镇|乡)$/u.test(name)) return `${name}人民政府`;
  if (/街道$/u.test(name)) return `${name}办事处`;
  return `${name}管理委员会`;
}

const BUSY = new Set(['自然资源和规划局', '住房和城乡建设局', '公安局', '人力资源和社会保障局', '不动产登记中心', '市场监督管理局']);

export interface PopulationOptions {
  departments: number;
  institutions: number;
}

/**
 * Agencies of every city and county (government, its office, departments, institutions), every
 * township, and branch centres of city institutions in each county; ids assigned from `nextId`.
 */
export function buildPopulation(
  regions: Region[],
  opts: PopulationOptions,
  existing: Map<string, { id: number; kind: string; parentId: number | null }>,
  nextId: () => number,
): GenAgency[] {
  const out: GenAgency[] = [];
  const add = (name: string, kind: AgencyKind, region: Region, parentId: number | null, weight: number) => {
    const found = existing.get(`${region.code}|${name}`);
    const a: GenAgency = found
      ? { id: found.id, name, kind: found.kind as AgencyKind, region, parentId: found.parentId, existing: true, weight }
      : { id: nextId(), name, kind, region, parentId, existing: false, weight };
    out.push(a);
    return a;
  };
  const byCode = new Map(regions.map((r) => [r.code, r]));
  const cityInstitutions = new Map<string, Map<string, GenAgency>>();
  const sorted = [...regions].sort((a, b) => a.depth - b.depth || a.code.localeCompare(b.code));
  for (const region of sorted) {
    if (region.level === 'CITY' || region.level === 'COUNTY') {
      add(`${region.name}人民政府`, 'GOVERNMENT', region, null, 1);
      add(`${region.name}人民政府办公室`, 'GOVERNMENT_OFFICE', region, null, 2);
      for (const d of DEPARTMENTS.slice(0, opts.departments)) add(`${region.name}${d}`, 'DEPARTMENT', region, null, BUSY.has(d) ? 6 : 1);
      const mine = new Map<string, GenAgency>();
      for (const i of INSTITUTIONS.slice(0, opts.institutions))
        mine.set(i, add(`${region.name}${i}`, 'PUBLIC_INSTITUTION', region, null, BUSY.has(i) ? 4 : 0.5));
      for (const b of BRANCHED) if (!mine.has(b)) mine.set(b, add(`${region.name}${b}`, 'PUBLIC_INSTITUTION', region, null, 1));
      if (region.level === 'CITY') cityInstitutions.set(region.code, mine);
      if (region.level === 'COUNTY' && region.parentCode && cityInstitutions.has(region.parentCode)) {
        const city = byCode.get(region.parentCode)!;
        for (const b of BRANCHED) {
          const parent = cityInstitutions.get(city.code)!.get(b)!;
          add(`${city.name}${b}${shortName(region.name)}分中心`, 'BRANCH_CENTRE', region, parent.id, 0.5);
        }
      }
    } else if (region.level === 'TOWNSHIP') {
      add(townshipAgencyName(region.name), 'TOWNSHIP', region, null, 0.6);
    }
  }
  return out;
}
