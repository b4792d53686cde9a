import { allEditions, cellsOf, derivedKeys, editionYears } from '../../shared/editions';
import type { EditionResolvers, QueryResolvers, TemplateTableResolvers } from '../../generated/graphql';

/**
 * The template editions are data, not stored rows: these read the registry and need no service
 * (codegen.ts maps Edition and TemplateTable onto EditionDef and TableDef).
 */
export function editionResolvers(): { Query: QueryResolvers; Edition: EditionResolvers; TemplateTable: TemplateTableResolvers } {
  return {
    Query: {
      editions: () => [...allEditions()],
      // Compared with each registered id, so no inherited name ("__proto__") can match.
      edition: (_, { id }) => allEditions().find((e) => e.id === id) ?? null,
    },
    Edition: {
      fromYear: (e) => editionYears(e).from,
      toYear: (e) => editionYears(e).to,
      keys: (e) => [...cellsOf(e).map((c) => c.key), ...derivedKeys(e)],
    },
    TemplateTable: {
      blocks: (t) => t.blocks.map((b) => ({ caption: b.caption ?? null, rows: b.rows, columns: b.columns })),
    },
  };
}
