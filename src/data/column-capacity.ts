import { getMetadataArgsStorage } from 'typeorm';
import * as entities from '../../entities';

/**
 * How many characters an entity's text column holds, read from the entities' TypeORM declarations
 * (no connection needed): a varchar its declared length; a TEXT 65,535 bytes on MariaDB, that is
 * 16,383 characters of four bytes (utf8mb4) at most. SQLite holds any length, so these are the
 * limits both engines keep alike. Read by the schema's startup check of `@maxLength` (src/graphql/
 * access/text-limits.ts) and by services guarding their own writes for callers that are not the API.
 */
const TEXT_TYPES: Record<string, number> = {
  tinytext: Math.floor(255 / 4),
  text: Math.floor(65_535 / 4),
  mediumtext: Math.floor(16_777_215 / 4),
  longtext: Math.floor(4_294_967_295 / 4),
};

export type ColumnCapacity = { kind: 'text'; characters: number } | { kind: 'not-text'; type: string } | { kind: 'unknown'; why: string };

const ENTITY_CLASSES = new Map<string, unknown>(Object.entries(entities).filter(([, v]) => typeof v === 'function'));

/** The capacity of `Entity.property` (the entity's class name and property, as entities/ spell them). */
export function columnCapacity(entityName: string, property: string): ColumnCapacity {
  const target = ENTITY_CLASSES.get(entityName);
  if (!target) return { kind: 'unknown', why: `no entity ${entityName} in entities/` };
  const column = getMetadataArgsStorage().columns.find((c) => c.target === target && c.propertyName === property);
  if (!column) return { kind: 'unknown', why: `entity ${entityName} has no column ${property}` };
  const type = String(column.options.type ?? '');
  if (type === 'varchar' || type === 'char' || type === 'nvarchar') {
    const length = Number(column.options.length);
    return Number.isInteger(length) && length > 0
      ? { kind: 'text', characters: length }
      : { kind: 'unknown', why: `${entityName}.${property} declares no length` };
  }
  if (type in TEXT_TYPES) return { kind: 'text', characters: TEXT_TYPES[type] };
  return { kind: 'not-text', type };
}

/** The characters a text column holds; throws when `Entity.property` is not a text column (a programming error). */
export function textCapacity(entityName: string, property: string): number {
  const c = columnCapacity(entityName, property);
  if (c.kind !== 'text') throw new Error(`${entityName}.${property}: ${c.kind === 'unknown' ? c.why : `a ${c.type} column, not text`}`);
  return c.characters;
}
