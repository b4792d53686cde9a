import type { ColumnDef, EditionDef, TableDef, TableId } from './edition.types';
import { columnGroups } from './index';

/**
 * The GraphQL types of the tabled sections, written from the editions so that the API cannot
 * drift from the template: per-edition tables (二) become one object type per edition and a union
 * (ActiveDisclosure = ActiveDisclosure2019 | …), shared tables (三, 四) one type over the rows of
 * every edition. Field names are the camel-cased row and column keys. The runtime schema and
 * codegen both read this, so a registered edition is in the schema without any SDL edit.
 */

export const camelKey = (key: string): string => key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

const describe = (text: string, indent = ''): string => (text ? `${indent}"""${text.replace(/"""/g, '\\"""')}"""\n` : '');

function columnText(c: ColumnDef): string {
  return c.unit === 'wan_yuan' && !c.label.includes('万元') ? `${c.label}（万元）` : c.label;
}

/** Object types accumulate fields in first-seen order; a field seen again keeps its first description. */
class TypeSet {
  private readonly types = new Map<string, { description: string; fields: Map<string, { type: string; description: string }> }>();

  field(typeName: string, typeDescription: string, field: string, type: string, description: string): void {
    let t = this.types.get(typeName);
    if (!t) this.types.set(typeName, (t = { description: typeDescription, fields: new Map() }));
    if (!t.fields.has(field)) t.fields.set(field, { type, description });
  }

  describeField(typeName: string, field: string, more: string): void {
    const f = this.types.get(typeName)?.fields.get(field);
    if (f) f.description = `${f.description} ${more}`.trim();
  }

  sdl(): string[] {
    return [...this.types].map(
      ([name, t]) =>
        `${describe(t.description)}type ${name} {\n${[...t.fields].map(([f, d]) => `${describe(d.description, '  ')}  ${f}: ${d.type}`).join('\n')}\n}\n`,
    );
  }
}

function perEditionTable(out: TypeSet, unions: string[], id: TableId, editions: readonly EditionDef[]): void {
  const members: string[] = [];
  for (const e of editions) {
    const table = e.tables.find((t) => t.id === id);
    if (!table) continue;
    const typeName = `${table.api.type}${e.id}`;
    members.push(typeName);
    for (const block of table.blocks) {
      const rowType = `${block.typeName ?? `${camelKey(`${table.id}_${block.rows[0].key}`)}Row`}${e.id}`;
      for (const c of block.columns) out.field(rowType, '', camelKey(c.key), 'Float', columnText(c));
      for (const row of block.rows)
        out.field(typeName, `${table.api.description} Edition ${e.id}.`, camelKey(row.key), `${rowType}!`, row.label);
    }
  }
  const api = editions.flatMap((e) => e.tables).find((t) => t.id === id)!.api;
  unions.push(`${describe(api.description)}union ${api.type} = ${members.join(' | ')}\n`);
}

function sharedTable(out: TypeSet, id: TableId, editions: readonly EditionDef[]): void {
  const tables = editions
    .map((e) => ({ e, table: e.tables.find((t) => t.id === id) }))
    .filter((x): x is { e: EditionDef; table: TableDef } => !!x.table);
  const api = tables[0].table.api;
  const rowType = api.rowType ?? `${api.type}Row`;
  const seenIn = new Map<string, string[]>();
  const seen = (field: string, e: EditionDef) => seenIn.set(field, [...(seenIn.get(field) ?? []), e.id]);
  for (const { e, table } of tables) {
    if (api.fields === 'column_groups') {
      for (const g of columnGroups(table)) {
        const label = g.columns[0].column.label.split('·').slice(0, -1).join('·');
        out.field(api.type, api.description, camelKey(g.group), `${rowType}!`, label);
        seen(camelKey(g.group), e);
        for (const { field, column } of g.columns) out.field(rowType, '', camelKey(field), 'Float', column.label.split('·').pop() ?? '');
      }
      continue;
    }
    const derived = e.derivedRows.filter((d) => d.table === id);
    for (const row of [...table.blocks.flatMap((b) => b.rows), ...derived]) {
      out.field(api.type, api.description, camelKey(row.key), `${rowType}!`, 'parts' in row ? `${row.label}（各项之和）` : row.label);
      seen(camelKey(row.key), e);
    }
    for (const c of table.blocks.flatMap((b) => b.columns))
      out.field(rowType, `One row of ${api.type}, by column.`, camelKey(c.key), 'Float', columnText(c));
  }
  // A field not every edition has reads as nulls in the others: say whose it is.
  for (const [field, ids] of seenIn)
    if (ids.length < tables.length) out.describeField(api.type, field, `Only in edition${ids.length > 1 ? 's' : ''} ${ids.join(', ')}.`);
}

/** SDL of the section types of these editions (the runtime schema passes allEditions()). */
export function editionTypeDefs(editions: readonly EditionDef[]): string {
  const out = new TypeSet();
  const unions: string[] = [];
  const ids = [...new Set(editions.flatMap((e) => e.tables.map((t) => t.id)))];
  for (const id of ids) {
    const api = editions.flatMap((e) => e.tables).find((t) => t.id === id)!.api;
    if (api.perEdition) perEditionTable(out, unions, id, editions);
    else sharedTable(out, id, editions);
  }
  return `# Generated from src/shared/editions by editionTypeDefs: do not edit.\n\n${[...unions, ...out.sdl()].join('\n')}`;
}
