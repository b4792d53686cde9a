/**
 * What a check reports. Only rules that fail or cannot be assessed become findings: a rule that
 * holds is not news, and the output of a clean report stays empty.
 */
export type Severity = 'error' | 'warning' | 'info';

/** `failed`: the figures contradict the rule; `not_assessable`: blank cells (or missing text) leave it open. */
export type FindingStatus = 'failed' | 'not_assessable';

export interface FindingCell {
  key: string;
  /** The cell's figure, null when blank. */
  value: number | null;
}

export interface Finding {
  /** Rule code: an edition rule code (APPLICATIONS_BALANCE …) or one of RULE_CODES. */
  rule: string;
  severity: Severity;
  status: FindingStatus;
  /** The cells the rule compared (for narrative rules, the table cells the text is compared with). */
  cells: FindingCell[];
  /** What the rule says the figure should be, and what it is; null when not a single comparison. */
  expected: number | null;
  actual: number | null;
  /** Chinese, naming rows and columns by their template labels. */
  message: string;
}

/** Rule codes of the checks beside the edition-declared arithmetic codes. */
export const RULE_CODES = {
  nonNegativeInteger: 'NON_NEGATIVE_INTEGER',
  integer: 'INTEGER',
  nonNegativeAmount: 'NON_NEGATIVE_AMOUNT',
  narrativeChannelSum: 'NARRATIVE_CHANNEL_SUM',
  narrativeApplications: 'NARRATIVE_APPLICATIONS',
  narrativeReviews: 'NARRATIVE_REVIEWS',
  narrativeLawsuits: 'NARRATIVE_LAWSUITS',
  yearMismatch: 'YEAR_MISMATCH',
  editionYearMismatch: 'EDITION_YEAR_MISMATCH',
  blankCells: 'BLANK_CELLS',
  carryOverMismatch: 'CARRY_OVER_MISMATCH',
  consolidatedMismatch: 'CONSOLIDATED_MISMATCH',
} as const;

/** Cell values as checks take them: exact decimal text, or null for blank; keyed as in docs/format.md. */
export type CellValues = Record<string, string | null | undefined>;
