import type { ColumnDef, DerivedRowDef, GroupDef, LegacyRowDef, RowDef, RuleDecl, SectionDef, TableDef } from './edition.types';

/** Headings of the six sections; variants as published (docs/format.md, "Sections"). */
export const SECTIONS: SectionDef[] = [
  { number: 1, heading: '总体情况', variants: ['工作基本情况', '基本情况', '概述'] },
  { number: 2, heading: '主动公开政府信息情况' },
  { number: 3, heading: '收到和处理政府信息公开申请情况' },
  {
    number: 4,
    heading: '政府信息公开行政复议、行政诉讼情况',
    variants: [
      '因政府信息公开工作被申请行政复议提起行政诉讼情况',
      '政府信息公开行政复议和行政诉讼情况',
      '因政府信息公开工作被申请行政复议、提起行政诉讼情况',
    ],
  },
  {
    number: 5,
    heading: '存在的主要问题及改进情况',
    variants: [
      '政府信息公开工作存在的主要问题及改进情况',
      '存在主要问题和改进情况',
      '存在的主要问题及改进措施',
      '存在的主要问题和改进情况',
    ],
  },
  { number: 6, heading: '其他需要报告的事项', variants: ['其它需要报告的事项', '其它需要报告事项', '其他需要报告事项'] },
];

export const APPLICANT_COLUMNS: ColumnDef[] = [
  { key: 'natural_person', label: '自然人', unit: 'count' },
  { key: 'business', label: '商业企业', unit: 'count' },
  { key: 'research', label: '科研机构', unit: 'count' },
  { key: 'social_org', label: '社会公益组织', unit: 'count' },
  { key: 'legal_service', label: '法律服务机构', unit: 'count' },
  { key: 'other_org', label: '其他', unit: 'count' },
  { key: 'total', label: '总计', unit: 'count' },
];

export const APPLICATION_GROUPS: GroupDef[] = [
  { key: 'denied', label: '（三）不予公开' },
  { key: 'unavailable', label: '（四）无法提供' },
  { key: 'unprocessed', label: '（五）不予处理' },
  { key: 'other_all', label: '（六）其他处理' },
];

const HEAD_ROWS: RowDef[] = [
  { key: 'new', label: '一、本年新收政府信息公开申请数量' },
  { key: 'carried_over', label: '二、上年结转政府信息公开申请数量' },
];

const RESULT_ROWS_BEFORE_OTHER: RowDef[] = [
  { key: 'granted', label: '（一）予以公开' },
  { key: 'partly_granted', label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', variants: ['（二）部分公开'] },
  { key: 'denied_state_secret', label: '1.属于国家秘密', group: 'denied' },
  { key: 'denied_prohibited', label: '2.其他法律行政法规禁止公开', group: 'denied' },
  { key: 'denied_security', label: '3.危及“三安全一稳定”', group: 'denied' },
  { key: 'denied_third_party', label: '4.保护第三方合法权益', group: 'denied' },
  { key: 'denied_internal', label: '5.属于三类内部事务信息', group: 'denied' },
  { key: 'denied_process', label: '6.属于四类过程性信息', group: 'denied' },
  { key: 'denied_enforcement', label: '7.属于行政执法案卷', group: 'denied' },
  { key: 'denied_query', label: '8.属于行政查询事项', group: 'denied' },
  { key: 'unavailable_not_held', label: '1.本机关不掌握相关政府信息', group: 'unavailable' },
  { key: 'unavailable_needs_creation', label: '2.没有现成信息需要另行制作', group: 'unavailable' },
  { key: 'unavailable_unclear', label: '3.补正后申请内容仍不明确', group: 'unavailable' },
  { key: 'unprocessed_petition', label: '1.信访举报投诉类申请', group: 'unprocessed' },
  { key: 'unprocessed_repeated', label: '2.重复申请', group: 'unprocessed' },
  { key: 'unprocessed_publication', label: '3.要求提供公开出版物', group: 'unprocessed' },
  { key: 'unprocessed_excessive', label: '4.无正当理由大量反复申请', group: 'unprocessed' },
  { key: 'unprocessed_confirmation', label: '5.要求行政机关确认或重新出具已获取信息', group: 'unprocessed' },
];

const TAIL_ROWS: RowDef[] = [
  { key: 'processed_total', label: '（七）总计' },
  { key: 'carried_forward', label: '四、结转下年度继续办理' },
];

/** Section 三 rows for an edition, given its （六） rows. */
export function applicationRows(otherRows: RowDef[]): RowDef[] {
  return [...HEAD_ROWS, ...RESULT_ROWS_BEFORE_OTHER, ...otherRows, ...TAIL_ROWS];
}

export function applicationsTable(otherRows: RowDef[]): TableDef {
  return {
    id: 'applications',
    section: 3,
    heading: '收到和处理政府信息公开申请情况',
    marker: '本年新收政府信息公开申请数量',
    keyPattern: 'applications.{row}.{col}',
    layout: 'labelled_rows',
    api: {
      type: 'ApplicationTable',
      perEdition: false,
      fields: 'rows',
      rowType: 'ApplicantCounts',
      description:
        'Section 三. Rows of another edition are null; derived rows (denied, unavailable, unprocessed, otherAll) are sums of their reasons.',
    },
    blocks: [{ rows: applicationRows(otherRows), columns: APPLICANT_COLUMNS }],
  };
}

const CASE_COLUMNS = [
  ['upheld', '结果维持'],
  ['corrected', '结果纠正'],
  ['other', '其他结果'],
  ['pending', '尚未审结'],
  ['total', '总计'],
] as const;
export const LAWSUIT_GROUPS = [
  ['review', '行政复议'],
  ['litigation_direct', '行政诉讼·未经复议直接起诉'],
  ['litigation_after_review', '行政诉讼·复议后起诉'],
] as const;

/** Section 四: one data row of 15 cells, keyed `group.column`. */
export const LAWSUITS_TABLE: TableDef = {
  id: 'lawsuits',
  section: 4,
  heading: '政府信息公开行政复议、行政诉讼情况',
  marker: '行政复议',
  keyPattern: '{col}',
  layout: 'single_row',
  api: {
    type: 'LawsuitTable',
    perEdition: false,
    fields: 'column_groups',
    rowType: 'CaseOutcomes',
    description: 'Section 四, by review and lawsuit kind.',
  },
  blocks: [
    {
      rows: [{ key: 'cases', label: '' }],
      columns: LAWSUIT_GROUPS.flatMap(([g, gl]) =>
        CASE_COLUMNS.map(([c, cl]) => ({ key: `${g}.${c}`, label: `${gl}·${cl}`, unit: 'count' as const })),
      ),
      // Some reports print each group as a row of five under its caption ("行政诉讼（复议后起诉）").
      columnGroups: LAWSUIT_GROUPS.map(([g, gl]) => ({ key: g, label: gl, columns: CASE_COLUMNS.map(([c]) => `${g}.${c}`) })),
    },
  ],
};

/** Reason rows whose sum is （七）总计, for an edition's （六） rows. */
export function resultRowKeys(otherRows: RowDef[]): string[] {
  return [...RESULT_ROWS_BEFORE_OTHER, ...otherRows].map((r) => r.key);
}

/** Rules of sections 三 and 四; a legacy row standing for （六）'s rows is summed in their place when printed. */
export function applicationRules(otherRows: RowDef[], legacyRows: LegacyRowDef[] = []): RuleDecl[] {
  const parts = resultRowKeys(otherRows);
  const alternatives = legacyRows
    .filter((l) => l.table === 'applications' && l.replaces.every((k) => parts.includes(k)))
    .map((l) => ({ parts: l.replaces, by: l.key }));
  return [
    {
      code: 'APPLICATIONS_BALANCE',
      kind: 'balance',
      table: 'applications',
      left: ['new', 'carried_over'],
      right: ['processed_total', 'carried_forward'],
      message: '本年新收加上年结转应等于办理结果总计加结转下年度',
    },
    {
      code: 'APPLICATIONS_PROCESSED_TOTAL',
      kind: 'row_sum',
      table: 'applications',
      total: 'processed_total',
      parts,
      ...(alternatives.length ? { alternatives } : {}),
      message: '（七）总计应等于各项办理结果之和',
    },
    {
      code: 'APPLICATIONS_APPLICANT_TOTAL',
      kind: 'column_sum',
      table: 'applications',
      total: 'total',
      parts: APPLICANT_COLUMNS.filter((c) => c.key !== 'total').map((c) => c.key),
      message: '总计应等于六类申请人之和',
    },
    ...LAWSUIT_GROUPS.map(([g, gl]) => ({
      code: 'LAWSUITS_TOTAL',
      kind: 'column_sum' as const,
      table: 'lawsuits' as const,
      total: `${g}.total`,
      parts: CASE_COLUMNS.filter(([c]) => c !== 'total').map(([c]) => `${g}.${c}`),
      message: `${gl}总计应等于结果维持、结果纠正、其他结果、尚未审结之和`,
    })),
  ];
}

/** Derived rows of section 三; a legacy row standing for a group's rows is one more part of it (blank when not printed). */
export function derivedApplicationRows(otherRows: RowDef[], legacyRows: LegacyRowDef[] = []): DerivedRowDef[] {
  const rows = applicationRows(otherRows);
  return APPLICATION_GROUPS.map((g) => {
    const parts = rows.filter((r) => r.group === g.key).map((r) => r.key);
    const legacy = legacyRows.filter((l) => l.table === 'applications' && l.replaces.some((k) => parts.includes(k))).map((l) => l.key);
    return { table: 'applications' as const, key: g.key, label: g.label, parts: [...parts, ...legacy] };
  });
}
