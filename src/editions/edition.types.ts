/** The annual-report template as data: parser, checks, API and dashboard all read these shapes. */
export type EditionId = '2019' | '2021';
export const EDITION_IDS: readonly EditionId[] = ['2019', '2021'];

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

export interface BlockDef {
  /** Section 二 caption row (第二十条第（一）项); absent for 三 and 四. */
  caption?: string;
  rows: RowDef[];
  columns: ColumnDef[];
}

export type TableId = 'active' | 'applications' | 'lawsuits';

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
  key: string;
  label: string;
  /** Rows summed, per column. */
  parts: string[];
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
}
