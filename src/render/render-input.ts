import type { EditionDef, EditionId } from '../shared/editions';

export interface RenderCell {
  /** Exact decimal text, or null for a blank. */
  value: string | null;
  /** The text as published; written instead of the value when it reads back as the same value. */
  raw?: string | null;
}

export interface RenderNarrative {
  section: number;
  heading?: string;
  text: string;
}

/** Any report, stored or generated, in the shape the renderer lays out. */
export interface RenderInput {
  edition: EditionId | EditionDef;
  year: number;
  agencyName: string;
  title?: string | null;
  /** Keyed as in docs/format.md; a key left out renders blank. */
  cells: Record<string, RenderCell>;
  narratives: RenderNarrative[];
}
