import { allEditions, cellsOf, derivedKeys, editionYears, findEdition, type EditionDef, type TableDef } from '../../editions';
import type { QueryEditionArgs } from '../../generated/graphql';

/** The template editions are data, not stored rows: these read the registry and need no service. */
export function editionResolvers() {
  return {
    Query: {
      editions: () => allEditions(),
      edition: (_: unknown, { id }: QueryEditionArgs) => findEdition(id) ?? null,
    },
    Edition: {
      fromYear: (e: EditionDef) => editionYears(e).from,
      toYear: (e: EditionDef) => editionYears(e).to,
      keys: (e: EditionDef) => [...cellsOf(e).map((c) => c.key), ...derivedKeys(e)],
    },
    TemplateTable: {
      blocks: (t: TableDef) => t.blocks.map((b) => ({ caption: b.caption ?? null, rows: b.rows, columns: b.columns })),
    },
  };
}
