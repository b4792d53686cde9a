/**
 * The annual-report template as data: parser, checks, API, renderer and docs/format.md all read
 * these shapes. An edition is an open id ("2019", "2021", …) registered in edition-registry.ts, so
 * a new template edition is one more definition file.
 */
export type EditionId = string;

/** `count` cells are whole non-negative numbers; `signed_count` may be negative (本年增/减); `wan_yuan` is money in 万元. */
export type Unit = 'count' | 'signed_count' | 'wan_yuan';

export interface ColumnDef {
  key: string;
  label: string;
  /** Other spellings seen in published reports (matched after normalisation). */
  variants?: string[];
  unit: Unit;
}

export interface RowDef {
  key: string;
  label: string;
  variants?: string[];
  /** Section 三: the （三）…（六） block a reason row belongs to; derived rows sum a group. */
  group?: string;
}

/**
 * Columns printed under one caption (四: 行政复议 | 行政诉讼·未经复议直接起诉 | 行政诉讼·复议后起诉). A
 * `single_row` table may print each group as its own row of figures under its caption; the rows are
 * joined in template order (docs/format.md).
 */
export interface ColumnGroupDef {
  key: string;
  /** The caption, its levels joined by `·` as in the column labels. */
  label: string;
  variants?: string[];
  /** The group's column keys, in template order. */
  columns: string[];
}

export interface BlockDef {
  /** Section 二 caption row (第二十条第（一）项); absent for 三 and 四. */
  caption?: string;
  /** GraphQL object type of this block's rows, before the edition id ("DocumentCounts" → DocumentCounts2019); blocks may share one. */
  typeName?: string;
  rows: RowDef[];
  columns: ColumnDef[];
  /** The columns' groups, where a report may print them as captioned rows (四). */
  columnGroups?: ColumnGroupDef[];
}

/** The three tabled sections of the template; code reaches a table by this role, never by position. */
export type TableId = 'active' | 'applications' | 'lawsuits';

/**
 * How a source table is read: `labelled_rows` — every data row starts with its row label and the
 * values follow in column order (二, 三); `single_row` — one unlabelled row of values under header
 * rows, in column order (四).
 */
export type TableLayout = 'labelled_rows' | 'single_row';

/** How a table appears in the GraphQL API (edition-sdl.ts writes the SDL from this). */
export interface TableApiDef {
  /** Object type name; per edition the edition id is appended and `type` becomes a union of them. */
  type: string;
  perEdition: boolean;
  /** `rows`: a field per row (derived rows too); `column_groups`: a field per `group` of `group.field` column keys. */
  fields: 'rows' | 'column_groups';
  /** Object type of one field for shared tables (per-edition tables name theirs on each block). */
  rowType?: string;
  description: string;
}

export interface TableDef {
  id: TableId;
  /** Report section number: 2, 3 or 4. */
  section: number;
  heading: string;
  headingVariants?: string[];
  /** Text only this table holds: places a source table when the headings around it are missing. */
  marker: string;
  /** How a cell key is spelt: `{row}` and `{col}` are replaced by the row and column keys. */
  keyPattern: string;
  layout: TableLayout;
  api: TableApiDef;
  blocks: BlockDef[];
}

export interface GroupDef {
  key: string;
  label: string;
}

export interface SectionDef {
  number: number;
  heading: string;
  variants?: string[];
}

/** Declarative arithmetic; `expandRules` turns these into cell-level rules. */
export type RuleDecl =
  | {
      code: string;
      kind: 'balance';
      table: TableId;
      /** Σ left rows = Σ right rows, in every column. */
      left: string[];
      right: string[];
      message: string;
    }
  | {
      code: string;
      kind: 'row_sum';
      table: TableId;
      /** total row = Σ part rows, in every column. */
      total: string;
      parts: string[];
      /**
       * Parts a legacy row may stand for (hybrid tables, LegacyRowDef): where those rows are all
       * blank and the report printed the row `by`, `by` is summed in their place.
       */
      alternatives?: Array<{ parts: string[]; by: string }>;
      message: string;
    }
  | {
      code: string;
      kind: 'column_sum';
      table: TableId;
      /** total column = Σ part columns, in every row (of every block whose columns include them). */
      total: string;
      parts: string[];
      message: string;
    };

export interface DerivedRowDef {
  /** The table whose rows it sums, and whose columns it has. */
  table: TableId;
  key: string;
  label: string;
  /** Rows summed, per column. */
  parts: string[];
}

/**
 * A row of an earlier edition that reports of this edition still print in place of some of its
 * rows (2021 tables keeping the 2019 single row （六）其他处理): stored under the earlier key, the
 * rows it stands for left blank, and said by a notice of `rule` (docs/format.md, "Derived keys").
 */
export interface LegacyRowDef {
  table: TableId;
  /** The earlier edition's row key and label (`other`, （六）其他处理). */
  key: string;
  label: string;
  /** This edition's rows it replaces, in template order; they are stored blank. */
  replaces: string[];
  /** Rule code of the notice every such report gets. */
  rule: string;
  message: string;
}

/** This report's 结转 must equal last year's: `from` row of the previous report = `to` row of this one, per column. */
export interface CarryOverDef {
  table: TableId;
  from: string;
  to: string;
}

/**
 * A figure the narrative states, compared with the tables: `statement` names the prose pattern
 * (narrative.check.ts recognises it and names the rule), `readings` the accepted cell sums, the first being the one reported.
 */
export interface NarrativeComparisonDef {
  statement: 'received' | 'processed' | 'reviews' | 'lawsuits';
  readings: string[][];
  /** What is compared, in the finding's message. */
  what: string;
}

/** A rate of the roll-ups: linear terms (coefficient, key) over cell or derived keys. */
export interface RateDef {
  key: string;
  numerator: Array<[coefficient: number, key: string]>;
  denominator: Array<[coefficient: number, key: string]>;
}

export interface EditionDef {
  id: EditionId;
  title: string;
  /** Report years this edition is used for (inclusive; `to` null = still in use). */
  years: { from: number; to: number | null };
  sections: SectionDef[];
  tables: TableDef[];
  groups: GroupDef[];
  derivedRows: DerivedRowDef[];
  rules: RuleDecl[];
  /** Labels only this edition prints; edition detection counts them. */
  markers: string[];
  /** Printed after the agency name and year in the title ("XXX2021年政府信息公开工作年度报告"). */
  titleSuffix: string;
  carryOver: CarryOverDef[];
  narrativeComparisons: NarrativeComparisonDef[];
  rates: RateDef[];
  /**
   * Sections whose figures compare across editions only from this edition's first year on (二
   * changed meaning in 2021); other rows compare wherever both editions have them.
   */
  breaksComparison: number[];
  /** Rows of an earlier edition accepted in place of this edition's (hybrid tables). */
  legacyRows?: LegacyRowDef[];
}
