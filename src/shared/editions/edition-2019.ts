import type { EditionDef, RowDef } from './edition.types';
import { APPLICATION_CARRY_OVER, APPLICATION_RATES, NARRATIVE_COMPARISONS, TITLE_SUFFIX } from './common-measures';
import { APPLICATION_GROUPS, applicationRules, applicationsTable, derivedApplicationRows, LAWSUITS_TABLE, SECTIONS } from './common-tables';

const ITEM_COLUMNS = [
  { key: 'prev_items', label: '上一年项目数量', unit: 'count' as const },
  { key: 'change', label: '本年增/减', variants: ['本年增减'], unit: 'signed_count' as const },
  { key: 'decisions', label: '处理决定数量', unit: 'count' as const },
];
const DOCUMENT_COLUMNS = [
  { key: 'made', label: '本年新制作数量', variants: ['本年新'], unit: 'count' as const },
  { key: 'published', label: '本年新公开数量', variants: ['本年新'], unit: 'count' as const },
  { key: 'total', label: '对外公开总数量', unit: 'count' as const },
];

const OTHER_ROWS: RowDef[] = [{ key: 'other', label: '（六）其他处理', group: 'other_all' }];

/** 《中华人民共和国政府信息公开工作年度报告格式（试行）》, 国办公开办函〔2019〕60号. */
export const EDITION_2019: EditionDef = {
  id: '2019',
  title: '中华人民共和国政府信息公开工作年度报告格式（试行）',
  years: { from: 2019, to: 2020 },
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
            { key: 'normative', label: '规范性文件' },
          ],
          columns: DOCUMENT_COLUMNS,
        },
        {
          caption: '第二十条第（五）项',
          typeName: 'ItemCounts',
          rows: [
            { key: 'licensing', label: '行政许可' },
            { key: 'other_services', label: '其他对外管理服务事项' },
          ],
          columns: ITEM_COLUMNS,
        },
        {
          caption: '第二十条第（六）项',
          typeName: 'ItemCounts',
          rows: [
            { key: 'penalty', label: '行政处罚' },
            { key: 'coercion', label: '行政强制' },
          ],
          columns: ITEM_COLUMNS,
        },
        {
          caption: '第二十条第（八）项',
          typeName: 'ItemCounts',
          rows: [{ key: 'fees', label: '行政事业性收费' }],
          columns: ITEM_COLUMNS.slice(0, 2),
        },
        {
          caption: '第二十条第（九）项',
          typeName: 'Procurement',
          rows: [{ key: 'procurement', label: '政府集中采购' }],
          columns: [
            { key: 'items', label: '采购项目数量', unit: 'count' },
            { key: 'amount', label: '采购总金额', unit: 'wan_yuan' },
          ],
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
  breaksComparison: [],
  derivedRows: derivedApplicationRows(OTHER_ROWS),
  rules: applicationRules(OTHER_ROWS),
  markers: [
    '本年新制作数量',
    '本年新公开数量',
    '对外公开总数量',
    '其他对外管理服务事项',
    '第二十条第（九）项',
    '政府集中采购',
    '上一年项目数量',
  ],
};
