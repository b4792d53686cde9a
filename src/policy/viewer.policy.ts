import type { Viewer } from '../auth/viewer';

/**
 * The predicates every domain's policy is built from. They live here rather than in
 * src/auth/viewer.ts so that src/policy/ is the one folder that says who may do what; src/auth only
 * establishes who asks (tokens, passwords, the Viewer itself).
 */

/** The platform itself or an administrator: may do anything, everywhere. */
export function isPrivileged(viewer: Viewer): boolean {
  return viewer.role === 'SYSTEM' || viewer.role === 'ADMIN';
}

/** A caller with an account (or the system), as opposed to an anonymous reader. */
export function isSignedIn(viewer: Viewer): boolean {
  return viewer.role !== 'ANONYMOUS';
}

/** The viewer's jurisdiction holds the whole subtree at `regionPath` (null jurisdiction: everywhere). */
export function canRead(viewer: Viewer, regionPath: string): boolean {
  return !viewer.regionPath || regionPath.startsWith(viewer.regionPath);
}

/**
 * A supervisor of the region at `regionPath`, or an administrator. A supervisor always has a region
 * (src/services/account.service.ts refuses one without), so a SUPERVISOR is never unconfined here.
 */
export function supervises(viewer: Viewer, regionPath: string): boolean {
  return isPrivileged(viewer) || (viewer.role === 'SUPERVISOR' && !!viewer.regionPath && canRead(viewer, regionPath));
}

/** The editor of that agency (an AGENCY account of it). */
export function editsAgency(viewer: Viewer, agencyId: number): boolean {
  return viewer.role === 'AGENCY' && viewer.agencyId === agencyId;
}
