import type { Viewer } from '../auth/viewer';
import { ForbiddenError } from '../common/errors';
import { isPrivileged } from './viewer.policy';

/**
 * The audit log (README "Filing workflow"): administrators everything, a supervisor its region's
 * events but none of an agency's drafts, an agency its own events; nobody else. The statement
 * applies the confinement these decide (src/services/audit.service.ts).
 */

export function mayReadAudit(viewer: Viewer): boolean {
  return isPrivileged(viewer) || viewer.role === 'SUPERVISOR' || viewer.role === 'AGENCY';
}

export function assertMayReadAudit(viewer: Viewer): void {
  if (!mayReadAudit(viewer))
    throw new ForbiddenError('the audit log is for administrators, supervisors of the region and the agency itself');
}

/** The agency whose events are listed: an agency's own, whatever it asks (another is refused); anyone else's as asked. */
export function auditAgencyOf(viewer: Viewer, asked: number | null): number | null {
  if (viewer.role !== 'AGENCY') return asked;
  if (asked !== null && asked !== viewer.agencyId) throw new ForbiddenError(`agencyId ${asked}: an agency reads its own events only`);
  return viewer.agencyId;
}

/** Events of any revision, drafts included (otherwise only of revisions the viewer may read). */
export function auditSeesEveryRevision(viewer: Viewer): boolean {
  return isPrivileged(viewer);
}

/** A supervisor never sees an agency's private drafting (PRIVATE_DRAFT_ACTIONS), even once submitted. */
export function auditHidesPrivateDrafts(viewer: Viewer): boolean {
  return viewer.role === 'SUPERVISOR';
}
