import type { Viewer } from '../auth/viewer';
import { ForbiddenError } from '../common/errors';
import type { AgencyRef } from './report.policy';
import { editsAgency, isPrivileged, supervises } from './viewer.policy';

/** The filing workflow (README "Filing workflow"): agencies file, supervisors return, accept and publish. */

/** May file for some agency (which one is checked once it is loaded): an agency account or an administrator. */
export function isFiler(viewer: Viewer): boolean {
  return isPrivileged(viewer) || viewer.role === 'AGENCY';
}

/** May return, accept or publish somewhere (the report's region is checked once it is loaded). */
export function isWorkflowSupervisor(viewer: Viewer): boolean {
  return isPrivileged(viewer) || viewer.role === 'SUPERVISOR';
}

/** Filing, correcting, submitting a draft: the agency itself (its AGENCY account) or an administrator. */
export function mayFile(viewer: Viewer, agency: AgencyRef): boolean {
  return isPrivileged(viewer) || editsAgency(viewer, agency.id);
}

/** Returning, accepting, publishing: a supervisor of the agency's region, or an administrator. */
export function maySupervise(viewer: Viewer, agency: AgencyRef): boolean {
  return supervises(viewer, agency.regionPath);
}

/** A filing over the API (`file`: the file's name, said first in the refusal). */
export function assertMayFile(viewer: Viewer, agency: AgencyRef, file: string): void {
  if (!mayFile(viewer, agency))
    throw new ForbiddenError(`${file}: only agency ${agency.id} itself or an administrator may file its reports`);
}

/** Storing a report by the import (CLI, seed) or a filing: the system, an administrator, or the agency itself. */
export function assertMayImport(viewer: Viewer, agency: AgencyRef): void {
  if (!mayFile(viewer, agency)) throw new ForbiddenError('only the agency itself may file its reports');
}

/** Who takes a step: the filer (submitting a draft) or a supervisor (return, accept, publish). */
export type StepActor = 'filer' | 'supervisor';

export function mayStep(viewer: Viewer, agency: AgencyRef, by: StepActor): boolean {
  return by === 'filer' ? mayFile(viewer, agency) : maySupervise(viewer, agency);
}

export function assertMayStep(viewer: Viewer, agency: AgencyRef, by: StepActor, reportId: number): void {
  if (mayStep(viewer, agency, by)) return;
  throw new ForbiddenError(
    by === 'filer'
      ? `report ${reportId}: only agency ${agency.id} itself or an administrator may do this`
      : `report ${reportId}: only a supervisor of its region or an administrator may do this`,
  );
}
