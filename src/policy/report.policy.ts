import type { Viewer } from '../auth/viewer';
import { editsAgency, isPrivileged, supervises } from './viewer.policy';

/**
 * Reports' unpublished records: a return's comment and findings, a finding's review record. Which
 * revisions a viewer reaches at all is decided in the statements (src/services/visible-reports.ts,
 * src/data/report-visibility.ts).
 */

/** The agency a record belongs to, as its policy needs it; null when the viewer cannot reach the report. */
export interface AgencyRef {
  id: number;
  regionPath: string;
}

/** An administrator, a supervisor of the agency's region, or the agency itself. */
export function readsRecordsOf(viewer: Viewer, agency: AgencyRef | null): boolean {
  if (isPrivileged(viewer)) return true;
  if (!agency) return false;
  if (viewer.role === 'SUPERVISOR') return supervises(viewer, agency.regionPath);
  return editsAgency(viewer, agency.id);
}

/**
 * The answer of readsRecordsOf when the role alone decides it (undefined: the agency is needed), so
 * that a field rule loads nothing for the many viewers who can never see a record.
 */
export function readsRecordsByRole(viewer: Viewer): boolean | undefined {
  if (isPrivileged(viewer)) return true;
  return viewer.role === 'SUPERVISOR' || viewer.role === 'AGENCY' ? undefined : false;
}

/** `Report.returnComment` and `returnedFindings`: between the agency and its supervisors, never public. */
export function maySeeReturnRecord(viewer: Viewer, agency: AgencyRef | null): boolean {
  return readsRecordsOf(viewer, agency);
}
