import type { ValueTransformer } from 'typeorm';
import type { CellSource } from '../src/ingest/report-document';

const FIELDS = ['page', 'x', 'y', 'line', 'table', 'row', 'cell'] as const satisfies ReadonlyArray<keyof CellSource>;

/** Compact JSON of the fields that are set (PDF positions to 0.1 pt): about 30 bytes a cell. */
export function encodeCellSource(s: CellSource | null | undefined): string | null {
  if (!s) return null;
  const out: Record<string, number> = {};
  for (const f of FIELDS) {
    const v = s[f];
    if (typeof v === 'number' && Number.isFinite(v)) out[f] = f === 'x' || f === 'y' ? Math.round(v * 10) / 10 : v;
  }
  return Object.keys(out).length ? JSON.stringify(out) : null;
}

export function decodeCellSource(text: string | null | undefined): CellSource | null {
  return text ? (JSON.parse(text) as CellSource) : null;
}

export const CELL_SOURCE: ValueTransformer = { from: decodeCellSource, to: encodeCellSource };
