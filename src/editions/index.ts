import { EDITION_2019 } from './edition-2019';
import { EDITION_2021 } from './edition-2021';
import type { BlockDef, ColumnDef, EditionDef, EditionId, RowDef, TableDef, Unit } from './edition.types';

export * from './edition.types';

export const EDITIONS: Record<EditionId, EditionDef> = { '2019': EDITION_2019, '2021': EDITION_2021 };

export function getEdition(id: string): EditionDef {
  const e = (EDITIONS as Record<string, EditionDef>)[id];
  if (!e) throw new Error(`unknown edition ${id}`);
  return e;
}

/** The edition in force for a report year. */
export function editionForYear(year: number): EditionDef {
  return year <= (EDITION_2019.years.to ?? Infinity) ? EDITION_2019 : EDITION_2021;
}

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

export function tableOf(edition: EditionDef, id: TableDef['id']): TableDef {
  return edition.tables.find((t) => t.id === id)!;
}

/** Derived cell keys (`applications.denied.total` …) of an edition. */
export function derivedKeys(edition: EditionDef): string[] {
  const table = tableOf(edition, 'applications');
  const cols = table.blocks[0].columns;
  return edition.derivedRows.flatMap((d) => cols.map((c) => cellKey(table, d.key, c.key)));
}

const partsCache = new Map<EditionId, Map<string, string[]>>();
/** For each derived key, the stored keys it sums (computed once per edition). */
export function derivedParts(edition: EditionDef): Map<string, string[]> {
  let out = partsCache.get(edition.id);
  if (!out) {
    const table = tableOf(edition, 'applications');
    const cols = table.blocks[0].columns;
    out = new Map();
    for (const d of edition.derivedRows)
      for (const c of cols) out.set(cellKey(table, d.key, c.key), d.parts.map((p) => cellKey(table, p, c.key)));
    partsCache.set(edition.id, out);
  }
  return out;
}
