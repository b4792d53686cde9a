import type { EditionDef } from './edition.types';

/**
 * The editions in use, by id. The built-in ones are registered by index.ts; another edition is one
 * `registerEdition(def)` before the parser, checks, schema or renderer first ask for it.
 */
const registry = new Map<string, EditionDef>();
/** Live view by id (for code that indexes editions); prefer allEditions() / getEdition(). */
export const EDITIONS: Readonly<Record<string, EditionDef>> = {};
let ordered: EditionDef[] = [];
let generation = 0;

export function registerEdition(def: EditionDef): void {
  const known = registry.get(def.id);
  if (known === def) return;
  if (known) throw new Error(`edition ${def.id} is already registered`);
  if ([...registry.values()].some((e) => e.years.from === def.years.from))
    throw new Error(`edition ${def.id}: another edition starts in ${def.years.from}`);
  registry.set(def.id, def);
  (EDITIONS as Record<string, EditionDef>)[def.id] = def;
  ordered = [...registry.values()].sort((a, b) => a.years.from - b.years.from);
  generation++;
}

/** Every registered edition, oldest first. */
export function allEditions(): readonly EditionDef[] {
  return ordered;
}

/** Bumped by every registration: lets module-level caches over all editions notice a new one. */
export function editionsGeneration(): number {
  return generation;
}

export function findEdition(id: string): EditionDef | undefined {
  return registry.get(id);
}

export function getEdition(id: string): EditionDef {
  const e = registry.get(id);
  if (!e) throw new Error(`unknown edition ${id}`);
  return e;
}

/**
 * The years an edition is in force: as declared, an open end (`to` null) closing the year before
 * the next edition starts.
 */
export function editionYears(edition: EditionDef): { from: number; to: number | null } {
  const next = ordered.find((e) => e.years.from > edition.years.from);
  const to = edition.years.to ?? (next ? next.years.from - 1 : null);
  return { from: edition.years.from, to };
}

/** The edition in force for a report year: the latest one started by then (years before the first take the first). */
export function editionForYear(year: number): EditionDef {
  if (ordered.length === 0) throw new Error('no edition registered');
  return [...ordered].reverse().find((e) => e.years.from <= year) ?? ordered[0];
}

/** A value computed over all editions, recomputed when an edition is registered. */
export function perGeneration<T>(compute: () => T): () => T {
  let at = -1;
  let value: T;
  return () => {
    if (at !== generation) [value, at] = [compute(), generation];
    return value;
  };
}
