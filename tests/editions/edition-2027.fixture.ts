import { EDITION_2021 } from '../../src/shared/editions/edition-2021';
import { applicationRules, applicationsTable, derivedApplicationRows } from '../../src/shared/editions/common-tables';
import type { EditionDef, RowDef, TableDef } from '../../src/shared/editions';

/**
 * A made-up template edition for report years from 2027: section 二 gains a block (政务新媒体)
 * and section 三's （六） a fourth reason. Only data: registering it is all the code needs.
 */
const OTHER_ROWS: RowDef[] = [
  ...EDITION_2021.tables.find((t) => t.id === 'applications')!.blocks[0].rows.filter((r) => r.group === 'other_all'),
  { key: 'other_automated', label: '4.以自动化方式批量提交申请', group: 'other_all' },
];

const active2021 = EDITION_2021.tables.find((t) => t.id === 'active')!;
const ACTIVE: TableDef = {
  ...active2021,
  blocks: [
    ...active2021.blocks,
    {
      caption: '第二十条第（十）项',
      typeName: 'NewMedia',
      rows: [{ key: 'new_media', label: '政务新媒体' }],
      columns: [
        { key: 'accounts', label: '账号数量', unit: 'count' },
        { key: 'posts', label: '本年发布信息条数', unit: 'count' },
      ],
    },
  ],
};

export const EDITION_2027: EditionDef = {
  ...EDITION_2021,
  id: '2027',
  title: '政府信息公开工作年度报告格式（2027 测试版）',
  years: { from: 2027, to: null },
  tables: [ACTIVE, applicationsTable(OTHER_ROWS), EDITION_2021.tables.find((t) => t.id === 'lawsuits')!],
  derivedRows: derivedApplicationRows(OTHER_ROWS),
  rules: applicationRules(OTHER_ROWS),
  // Everything 2021 prints, and more: detection prefers the edition that explains most of the labels.
  markers: [...EDITION_2021.markers, '第二十条第（十）项', '政务新媒体', '以自动化方式批量提交申请'],
};
