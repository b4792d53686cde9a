import { EDITION_2019 } from './edition-2019';
import { EDITION_2021 } from './edition-2021';
import { registerEdition } from './edition-registry';
import type { BlockDef, ColumnDef, DerivedRowDef, EditionDef, EditionId, RowDef, TableDef, TableId, Unit } from './edition.types';

export * from './edition.types';
export {
  allEditions,
  editionForYear,
  editionsGeneration,
  editionYears,
  EDITIONS,
  findEdition,
  getEdition,
  perGeneration,
  registerEdition,
} from './edition-registry';

// The built-in editions; a further one is registered by its own module with registerEdition.
registerEdition(EDITION_2019);
registerEdition(EDITION_2021);

export interface CellDef {
  key: string;
  table: TableDef;
  block: BlockDef;
  row: RowDef;
  column: ColumnDef;
  unit: Unit;
}

export function cellKey(table: TableDef, row: string, col: string): string {
  return table.keyPattern.replace('{row}', row).replace('{col}', col);
}

const cellCache = new Map<EditionId, CellDef[]>();
/** Every stored cell of an edition, in template order. */
export function cellsOf(edition: EditionDef): CellDef[] {
  let cells = cellCache.get(edition.id);
  if (!cells) {
    cells = edition.tables.flatMap((table) =>
      table.blocks.flatMap((block) =>
        block.rows.flatMap((row) =>
          block.columns.map((column) => ({ key: cellKey(table, row.key, column.key), table, block, row, column, unit: column.unit })),
        ),
      ),
    );
    cellCache.set(edition.id, cells);
  }
  return cells;
}

const cellIndex = new Map<EditionId, Map<string, CellDef>>();
export function cellDef(edition: EditionDef, key: string): CellDef | undefined {
  let idx = cellIndex.get(edition.id);
  if (!idx) {
    idx = new Map(cellsOf(edition).map((c) => [c.key, c]));
    cellIndex.set(edition.id, idx);
  }
  return idx.get(key);
}

/** The edition's table in a role; every edition has the three tabled sections. */
export function tableOf(edition: EditionDef, id: TableId): TableDef {
  const table = edition.tables.find((t) => t.id === id);
  if (!table) throw new Error(`edition ${edition.id} has no ${id} table`);
  return table;
}

/** `group.field` column keys (section 四) by group, in template order. */
export function columnGroups(table: TableDef): Array<{ group: string; columns: Array<{ field: string; column: ColumnDef }> }> {
  const out = new Map<string, Array<{ field: string; column: ColumnDef }>>();
  for (const column of table.blocks.flatMap((b) => b.columns)) {
    const dot = column.key.indexOf('.');
    const [group, field] = dot < 0 ? ['', column.key] : [column.key.slice(0, dot), column.key.slice(dot + 1)];
    out.set(group, [...(out.get(group) ?? []), { field, column }]);
  }
  return [...out].map(([group, columns]) => ({ group, columns }));
}

/** Derived cell keys (`applications.denied.total` …) of an edition. */
export function derivedKeys(edition: EditionDef): string[] {
  return [...derivedParts(edition).keys()];
}

/** A derived row's cells: its table's columns (of the first block: derived rows sum one block's rows). */
export function derivedColumns(edition: EditionDef, d: DerivedRowDef): { table: TableDef; columns: ColumnDef[] } {
  const table = tableOf(edition, d.table);
  return { table, columns: table.blocks[0].columns };
}

const partsCache = new Map<EditionId, Map<string, string[]>>();
/** For each derived key, the stored keys it sums (computed once per edition). */
export function derivedParts(edition: EditionDef): Map<string, string[]> {
  let out = partsCache.get(edition.id);
  if (!out) {
    out = new Map();
    for (const d of edition.derivedRows) {
      const { table, columns } = derivedColumns(edition, d);
      for (const c of columns)
        out.set(
          cellKey(table, d.key, c.key),
          d.parts.map((p) => cellKey(table, p, c.key)),
        );
    }
    partsCache.set(edition.id, out);
  }
  return out;
}
