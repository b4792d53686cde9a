import { join, relative, sep } from 'path';

/**
 * Where the derived corpus lives and what its truth files hold. Shared by the script that makes
 * the corpus (derive-corpus.ts) and the test that scores the readers on it (derived-corpus.spec.ts).
 */
export const REPO_ROOT = join(__dirname, '..', '..');
export const DERIVED_DIR = join(REPO_ROOT, 'tests', 'fixtures', 'derived');
/** The renderer's reports the corpus is derived from (sources, kept with their full truth). */
export const GENERATED_DIR = join(DERIVED_DIR, 'generated');
export const MANIFEST_FILE = join(DERIVED_DIR, 'manifest.json');

/** Kinds of derived file, one folder each under tests/fixtures/derived. */
export const KINDS = ['chromium-pdf', 'chromium-text', 'lo-docx', 'lo-pdf', 'lo-doc', 'lo-txt'] as const;
export type DerivedKind = (typeof KINDS)[number];

/** Format the readers should report for a derived file. */
export const KIND_FORMAT: Record<DerivedKind, string> = {
  'chromium-pdf': 'pdf',
  'chromium-text': 'text',
  'lo-docx': 'docx',
  'lo-pdf': 'pdf',
  'lo-doc': 'doc',
  'lo-txt': 'text',
};

/** The hand-checked (or generated) truth of a report, as in ../shared/fixtures/README.md. */
export interface Truth {
  year: number | null;
  edition: string;
  format: string;
  values: Record<string, number | null>;
  raw?: Record<string, string>;
}

/**
 * `<derived>.truth.json`. For a real fixture it only points at the source's truth (`source`,
 * relative to the repository root; ../shared may be absent, then the case is skipped). For a
 * generated report it also holds the truth itself (`values`, `raw`, `edition`, `year`).
 */
export interface DerivedTruth {
  source: string;
  sourceFile: string;
  derivedBy: string;
  /** Format the readers should report for this file. */
  format: string;
  edition?: string;
  year?: number | null;
  values?: Record<string, number | null>;
  raw?: Record<string, string>;
  /** Cells the conversion lost (tests/corpus/lost-in-conversion.ts): reported and excluded from the score. */
  lostInConversion?: Record<string, string>;
  lostNote?: string;
  /** The reader must reject this file with a message matching this pattern (its lost cells leave a table incomplete). */
  rejects?: string;
}

/** A path relative to the repository root, with forward slashes (as stored in truth files). */
export function repoPath(abs: string): string {
  return relative(REPO_ROOT, abs).split(sep).join('/');
}

export function fromRepoPath(p: string): string {
  return join(REPO_ROOT, ...p.split('/'));
}
