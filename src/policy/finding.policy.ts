import type { Viewer } from '../auth/viewer';
import { ForbiddenError } from '../common/errors';
import { readsRecordsOf, type AgencyRef } from './report.policy';
import { isPrivileged, supervises } from './viewer.policy';

/** Findings: computed from published figures and public; their review is not. */

/** May review some findings (the region is checked once the finding is loaded): a supervisor or an administrator. */
export function isReviewer(viewer: Viewer): boolean {
  return isPrivileged(viewer) || viewer.role === 'SUPERVISOR';
}

/** Reviewing the findings of an agency in `regionPath`: a supervisor of that region, an administrator, the system. */
export function mayReview(viewer: Viewer, regionPath: string): boolean {
  return supervises(viewer, regionPath);
}

/** The refusal of a review, also for a finding whose revision is public but out of the viewer's reach. */
export function reviewRefused(): ForbiddenError {
  return new ForbiddenError('only a supervisor of this region may review its findings');
}

export function assertMayReview(viewer: Viewer, regionPath: string): void {
  if (!mayReview(viewer, regionPath)) throw reviewRefused();
}

/** `reviewComment`, `reviewedBy`, `reviewedAt`: a supervisor of the region, an administrator, or the agency whose report it is. */
export function maySeeReviewRecord(viewer: Viewer, agency: AgencyRef | null): boolean {
  return readsRecordsOf(viewer, agency);
}
