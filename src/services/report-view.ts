import {
  allEditions,
  cellDef,
  cellKey,
  cellsOf,
  columnGroups,
  derivedColumns,
  derivedKeys,
  derivedParts,
  getEdition,
  tableOf,
  type EditionDef,
} from '../shared/editions';
import { camelKey as camel } from '../shared/editions/edition-sdl';
import type { ReportCell } from '../../entities';
import type { CellSource } from '../ingest/report-document';
import { canonical, sumDecimals, toNumber } from '../shared/decimal';

export interface CellView {
  key: string;
  value: number | null;
  decimal: string | null;
  raw: string | null;
  section: number;
  row: string;
  column: string;
  source: CellSource | null;
}

/** A report's cells as the API shows them: stored cells with their labels, derived rows summed. */
export class ReportCells {
  private readonly stored = new Map<string, ReportCell>();
  private readonly edition: EditionDef;

  constructor(editionId: string, cells: ReportCell[]) {
    this.edition = getEdition(editionId);
    for (const c of cells) this.stored.set(c.key, c);
  }

  decimal(key: string): string | null {
    const c = this.stored.get(key);
    if (c) return canonical(c.value);
    const parts = derivedParts(this.edition).get(key);
    return parts ? sumDecimals(parts.map((p) => this.decimal(p))) : null;
  }

  value(key: string): number | null {
    return toNumber(this.decimal(key));
  }

  raw(key: string): string | null {
    return this.stored.get(key)?.raw ?? null;
  }

  cell(key: string): CellView | null {
    const def = cellDef(this.edition, key);
    if (def) {
      const source = this.stored.get(key)?.source ?? null;
      return {
        key,
        value: this.value(key),
        decimal: this.decimal(key),
        raw: this.raw(key),
        section: def.table.section,
        row: def.row.label,
        column: def.column.label,
        source,
      };
    }
    if (!derivedParts(this.edition).has(key)) return null;
    for (const derived of this.edition.derivedRows) {
      const { table, columns } = derivedColumns(this.edition, derived);
      for (const col of columns)
        if (cellKey(table, derived.key, col.key) === key)
          return {
            key,
            value: this.value(key),
            decimal: this.decimal(key),
            raw: null,
            section: table.section,
            row: derived.label,
            column: col.label,
            source: null,
          };
    }
    return null;
  }

  /** Stored cells in template order, then derived ones. */
  cells(prefix?: string | null): CellView[] {
    const keys = [...cellsOf(this.edition).map((c) => c.key), ...derivedKeys(this.edition)];
    return keys.filter((k) => !prefix || k.startsWith(prefix)).map((k) => this.cell(k)!);
  }

  /** Section 二 as the edition's typed object (`ActiveDisclosure2019` …, named as edition-sdl.ts names it). */
  active(): Record<string, unknown> {
    const table = tableOf(this.edition, 'active');
    const out: Record<string, unknown> = { __typename: `${table.api.type}${this.edition.id}` };
    for (const block of table.blocks)
      for (const row of block.rows)
        out[camel(row.key)] = Object.fromEntries(block.columns.map((c) => [camel(c.key), this.value(cellKey(table, row.key, c.key))]));
    return out;
  }

  /** Section 三 over the rows of every edition, so that a row of the other edition reads as nulls. */
  applications(): Record<string, Record<string, number | null>> {
    const out: Record<string, Record<string, number | null>> = {};
    for (const e of allEditions()) {
      const table = tableOf(e, 'applications');
      const cols = table.blocks[0].columns;
      for (const row of [...table.blocks[0].rows, ...e.derivedRows.filter((d) => d.table === table.id)])
        out[camel(row.key)] = Object.fromEntries(cols.map((c) => [camel(c.key), this.value(cellKey(table, row.key, c.key))]));
    }
    return out;
  }

  /** Section 四 grouped by review / litigation kind. */
  lawsuits(): Record<string, Record<string, number | null>> {
    const out: Record<string, Record<string, number | null>> = {};
    const table = tableOf(this.edition, 'lawsuits');
    for (const g of columnGroups(table))
      out[camel(g.group)] = Object.fromEntries(
        g.columns.map(({ field, column }) => [camel(field), this.value(cellKey(table, table.blocks[0].rows[0].key, column.key))]),
      );
    return out;
  }
}
