import type { CarryOverDef, NarrativeComparisonDef, RateDef } from './edition.types';
import { LAWSUIT_GROUPS } from './common-tables';

/**
 * What both editions declare beside their tables: the year-to-year carry-over, the figures the
 * narrative is compared with, and the rates of the roll-ups (docs/format.md lists them per edition).
 */

/** Printed after the agency name and year in every report title. */
export const TITLE_SUFFIX = '政府信息公开工作年度报告';

/** 四、结转下年度继续办理 of last year's report is 二、上年结转… of this year's. */
export const APPLICATION_CARRY_OVER: CarryOverDef[] = [{ table: 'applications', from: 'carried_forward', to: 'carried_over' }];

export const NARRATIVE_COMPARISONS: NarrativeComparisonDef[] = [
  // "收到申请N件" is read as new applications, or new plus carried over (both usages are common).
  {
    statement: 'received',
    readings: [['applications.new.total'], ['applications.new.total', 'applications.carried_over.total']],
    what: '收到的申请数',
  },
  { statement: 'processed', readings: [['applications.processed_total.total']], what: '办结的申请数' },
  { statement: 'reviews', readings: [['review.total']], what: '行政复议数' },
  // Some reports count only lawsuits filed directly, leaving 复议后起诉 to the review count.
  {
    statement: 'lawsuits',
    readings: [['litigation_direct.total', 'litigation_after_review.total'], ['litigation_direct.total']],
    what: '行政诉讼数',
  },
];

const processed: RateDef['denominator'] = [[1, 'applications.processed_total.total']];

export const APPLICATION_RATES: RateDef[] = [
  {
    key: 'grant_rate',
    numerator: [
      [1, 'applications.granted.total'],
      [1, 'applications.partly_granted.total'],
    ],
    denominator: processed,
  },
  { key: 'full_grant_rate', numerator: [[1, 'applications.granted.total']], denominator: processed },
  { key: 'denial_rate', numerator: [[1, 'applications.denied.total']], denominator: processed },
  { key: 'unavailable_rate', numerator: [[1, 'applications.unavailable.total']], denominator: processed },
  {
    key: 'carry_forward_rate',
    numerator: [[1, 'applications.carried_forward.total']],
    denominator: [
      [1, 'applications.new.total'],
      [1, 'applications.carried_over.total'],
    ],
  },
  // Corrections among decided cases: pending ones have no outcome yet.
  ...LAWSUIT_GROUPS.map(([g]): RateDef => ({
    key: `${g}_correction_rate`,
    numerator: [[1, `${g}.corrected`]],
    denominator: [
      [1, `${g}.total`],
      [-1, `${g}.pending`],
    ],
  })),
  {
    key: 'legal_person_share',
    numerator: [
      [1, 'applications.new.total'],
      [-1, 'applications.new.natural_person'],
    ],
    denominator: [[1, 'applications.new.total']],
  },
  { key: 'natural_person_share', numerator: [[1, 'applications.new.natural_person']], denominator: [[1, 'applications.new.total']] },
];
