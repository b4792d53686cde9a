import type { EditionDef, LegacyRowDef, RowDef } from './edition.types';
import { APPLICATION_CARRY_OVER, APPLICATION_RATES, NARRATIVE_COMPARISONS, TITLE_SUFFIX } from './common-measures';
import { APPLICATION_GROUPS, applicationRules, applicationsTable, derivedApplicationRows, LAWSUITS_TABLE, SECTIONS } from './common-tables';

const DECISIONS = [{ key: 'decisions', label: '本年处理决定数量', unit: 'count' as const }];
const DOCUMENT_COLUMNS = [
  { key: 'issued', label: '本年制发件数', unit: 'count' as const },
  { key: 'repealed', label: '本年废止件数', unit: 'count' as const },
  { key: 'in_force', label: '现行有效件数', variants: ['现行有效件数（历史累计）'], unit: 'count' as const },
];

const OTHER_ROWS: RowDef[] = [
  {
    key: 'other_no_supplement',
    label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
    group: 'other_all',
  },
  {
    key: 'other_no_fee',
    label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
    group: 'other_all',
  },
  { key: 'other_other', label: '3.其他', group: 'other_all' },
];

/** Some 2021-edition reports keep the 2019 single row （六）其他处理 without its three sub-rows. */
const LEGACY_ROWS: LegacyRowDef[] = [
  {
    table: 'applications',
    key: 'other',
    label: '（六）其他处理',
    replaces: OTHER_ROWS.map((r) => r.key),
    rule: 'APPLICATIONS_LEGACY_OTHER_ROW',
    message: '（六）其他处理按2019年格式填报为一行，未分列三项细目：三项细目留空，（六）合计取该行数值',
  },
];

/** 《中华人民共和国政府信息公开工作年度报告格式》, 国办公开办函〔2021〕30号. */
export const EDITION_2021: EditionDef = {
  id: '2021',
  title: '中华人民共和国政府信息公开工作年度报告格式',
  years: { from: 2021, to: null },
  sections: SECTIONS,
  tables: [
    {
      id: 'active',
      section: 2,
      heading: '主动公开政府信息情况',
      marker: '第二十条',
      keyPattern: 'active.{row}.{col}',
      layout: 'labelled_rows',
      api: { type: 'ActiveDisclosure', perEdition: true, fields: 'rows', description: 'Section 二, typed by edition.' },
      blocks: [
        {
          caption: '第二十条第（一）项',
          typeName: 'DocumentCounts',
          rows: [
            { key: 'regulations', label: '规章' },
            { key: 'normative', label: '行政规范性文件' },
          ],
          columns: DOCUMENT_COLUMNS,
        },
        { caption: '第二十条第（五）项', typeName: 'Decisions', rows: [{ key: 'licensing', label: '行政许可' }], columns: DECISIONS },
        {
          caption: '第二十条第（六）项',
          typeName: 'Decisions',
          rows: [
            { key: 'penalty', label: '行政处罚' },
            { key: 'coercion', label: '行政强制' },
          ],
          columns: DECISIONS,
        },
        {
          caption: '第二十条第（八）项',
          typeName: 'Fees',
          rows: [{ key: 'fees', label: '行政事业性收费' }],
          columns: [{ key: 'amount', label: '本年收费金额（单位：万元）', variants: ['本年收费金额'], unit: 'wan_yuan' }],
        },
      ],
    },
    applicationsTable(OTHER_ROWS),
    LAWSUITS_TABLE,
  ],
  groups: APPLICATION_GROUPS,
  titleSuffix: TITLE_SUFFIX,
  carryOver: APPLICATION_CARRY_OVER,
  narrativeComparisons: NARRATIVE_COMPARISONS,
  rates: APPLICATION_RATES,
  breaksComparison: [2],
  derivedRows: derivedApplicationRows(OTHER_ROWS, LEGACY_ROWS),
  legacyRows: LEGACY_ROWS,
  rules: applicationRules(OTHER_ROWS, LEGACY_ROWS),
  markers: [
    '本年制发件数',
    '本年废止件数',
    '现行有效件数',
    '本年处理决定数量',
    '本年收费金额',
    '逾期不补正',
    '逾期未按收费通知要求缴纳费用',
  ],
};
