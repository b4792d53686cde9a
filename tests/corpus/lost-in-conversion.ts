/**
 * Cells a conversion lost: the derived file does not hold its source's truth for them, so the score
 * test reports and excludes them instead of passing them silently. Each entry names the evidence.
 * derive-corpus.ts copies the entry into the derived file's truth file (`lostInConversion`).
 */
export interface Lost {
  /** What was checked in the derived file, and what it shows. */
  note: string;
  /** Truth keys the derived file cannot hold, each with why. */
  keys: Record<string, string>;
  /**
   * The reader must reject the file with a message matching this (a table whose columns are gone
   * cannot be read without guessing them): the test then checks the rejection instead of the cells.
   */
  rejects?: string;
}

const SECTION3_ROWS = [
  'new',
  'carried_over',
  'granted',
  'partly_granted',
  'denied_state_secret',
  'denied_prohibited',
  'denied_security',
  'denied_third_party',
  'denied_internal',
  'denied_process',
  'denied_enforcement',
  'denied_query',
  'unavailable_not_held',
  'unavailable_needs_creation',
  'unavailable_unclear',
  'unprocessed_petition',
  'unprocessed_repeated',
  'unprocessed_publication',
  'unprocessed_excessive',
  'unprocessed_confirmation',
  'other',
  'processed_total',
  'carried_forward',
];

const offPage = 'section 三 is wider than A4: LibreOffice clips the columns past the right page edge out of the PDF';

export const LOST: Record<string, Lost> = {
  'lo-pdf/shanghai-2019.pdf': {
    note:
      'pdf.js text of pages 2-3 ends at x=596.7 on a 595.3 pt page; the grid of section 三 runs to the page edge (595.5), ' +
      'its header shows 申请人情况 ... "法" (法律服务机构 cut mid-word) and no 其他 or 总计; pdftotext -layout shows the same. ' +
      'The values of those columns are in the HTML and absent from the PDF.',
    keys: Object.fromEntries(
      SECTION3_ROWS.flatMap((r) => ['legal_service', 'other_org', 'total'].map((c) => [`applications.${r}.${c}`, offPage])),
    ),
    rejects: 'section 三, row .*row cut short',
  },
};
