import { cellsOf, derivedKeys, EDITIONS, type EditionDef } from '../../editions';

export const editionResolvers = {
  Query: {
    editions: () => Object.values(EDITIONS),
    edition: (_: unknown, { id }: { id: string }) => (EDITIONS as Record<string, EditionDef>)[id] ?? null,
  },
  Edition: {
    fromYear: (e: EditionDef) => e.years.from,
    toYear: (e: EditionDef) => e.years.to,
    keys: (e: EditionDef) => [...cellsOf(e).map((c) => c.key), ...derivedKeys(e)],
  },
  TemplateTable: {
    blocks: (t: EditionDef['tables'][number]) => t.blocks.map((b) => ({ caption: b.caption ?? null, rows: b.rows, columns: b.columns })),
  },
};
