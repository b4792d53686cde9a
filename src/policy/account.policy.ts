import type { Role, Viewer } from '../auth/viewer';
import { ForbiddenError, UnauthenticatedError } from '../common/errors';
import { isPrivileged } from './viewer.policy';

/** Accounts and API tokens (README "Accounts and roles"). */

/** Account administration: ADMIN (over the API) or the system (the user CLI). */
export function mayAdminister(viewer: Viewer): boolean {
  return isPrivileged(viewer);
}

export function assertMayAdminister(viewer: Viewer): void {
  if (!mayAdminister(viewer)) throw new ForbiddenError('only an administrator may manage accounts');
}

/** The account behind the viewer; UNAUTHENTICATED for a caller without one (anonymous, the system). */
export function signedInUserId(viewer: Viewer): number {
  if (!viewer.userId) throw new UnauthenticatedError('sign in first: this needs an account');
  return viewer.userId;
}

/** Revoking an API token: its owner, or an administrator (anyone else is told it does not exist). */
export function mayRevokeToken(viewer: Viewer, token: { userId: number }): boolean {
  return token.userId === viewer.userId || isPrivileged(viewer);
}

/** Only these roles may act without a region: every other account is confined to its city, county or agency. */
export function mayBeUnconfined(role: Role): boolean {
  return role === 'ADMIN' || role === 'ANALYST';
}
