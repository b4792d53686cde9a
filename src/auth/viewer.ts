import { ForbiddenError } from '../common/errors';

/** ADMIN, SUPERVISOR, AGENCY and ANALYST are accounts' roles; SYSTEM is the platform's own jobs (CLI imports, seeds), never a caller's. */
export type Role = 'ANONYMOUS' | 'ANALYST' | 'SUPERVISOR' | 'AGENCY' | 'ADMIN' | 'SYSTEM';

/**
 * Who asks. `regionPath` confines every read and roll-up to a subtree (null: everywhere, which only
 * ADMIN, SYSTEM, anonymous readers of published data and an explicitly unconfined ANALYST have);
 * `agencyId` is the agency an AGENCY viewer may edit; `userId` is the account behind a signed-in
 * viewer, `id` the name shown as a reviewer.
 */
export interface Viewer {
  id: string;
  role: Role;
  regionPath: string | null;
  agencyId: number | null;
  userId?: number | null;
}

export const ANONYMOUS: Viewer = { id: 'anonymous', role: 'ANONYMOUS', regionPath: null, agencyId: null, userId: null };
export const SYSTEM: Viewer = { id: 'system', role: 'SYSTEM', regionPath: null, agencyId: null, userId: null };

/** The platform itself or an administrator: may do anything, everywhere. */
export function isPrivileged(viewer: Viewer): boolean {
  return viewer.role === 'SYSTEM' || viewer.role === 'ADMIN';
}

/** The subtree a viewer may read; throws when the asked region lies outside it. */
export function readablePath(viewer: Viewer, askedPath: string | null): string | null {
  if (!viewer.regionPath) return askedPath;
  if (!askedPath) return viewer.regionPath;
  if (askedPath.startsWith(viewer.regionPath)) return askedPath;
  if (viewer.regionPath.startsWith(askedPath)) return viewer.regionPath;
  throw new ForbiddenError('that region is outside your jurisdiction');
}

export function canRead(viewer: Viewer, regionPath: string): boolean {
  return !viewer.regionPath || regionPath.startsWith(viewer.regionPath);
}

/**
 * A figure of one region or agency (a roll-up, a trend, a group) is shown only to a viewer who may
 * read all of it: summed over the readable part, it would carry another region's name.
 */
export function assertReadsWhole(viewer: Viewer, path: string, what: string): void {
  if (!canRead(viewer, path))
    throw new ForbiddenError(`${what} lies partly outside your jurisdiction: its figures cover more than you may read`);
}

/** Reviewing findings is for supervisors (within their region), administrators and the system. */
export function assertCanReview(viewer: Viewer, regionPath: string): void {
  if (isPrivileged(viewer)) return;
  // A supervisor always has a region (src/services/account.service.ts refuses one without): never unconfined.
  if (viewer.role === 'SUPERVISOR' && viewer.regionPath && canRead(viewer, regionPath)) return;
  throw new ForbiddenError('only a supervisor of this region may review its findings');
}

/** Storing a report: the system, an administrator, or an agency for its own reports. */
export function assertCanImport(viewer: Viewer, agency: { id: number; regionPath: string }): void {
  if (isPrivileged(viewer)) return;
  if (viewer.role === 'AGENCY' && viewer.agencyId === agency.id) return;
  throw new ForbiddenError('only the agency itself may file its reports');
}

/** Account administration: ADMIN (over the API) or the system (the user CLI). */
export function assertCanAdminister(viewer: Viewer): void {
  if (!isPrivileged(viewer)) throw new ForbiddenError('only an administrator may manage accounts');
}
