import { jwtVerify } from 'jose';
import { ForbiddenError, UnauthenticatedError } from '../common/errors';

export type Role = 'ANONYMOUS' | 'ANALYST' | 'SUPERVISOR' | 'AGENCY' | 'SYSTEM';

/**
 * Who asks. `regionPath` confines every read and roll-up to a subtree (null: everywhere);
 * `agencyId` is the agency an AGENCY viewer may edit.
 */
export interface Viewer {
  id: string;
  role: Role;
  regionPath: string | null;
  agencyId: number | null;
}

export const ANONYMOUS: Viewer = { id: 'anonymous', role: 'ANONYMOUS', regionPath: null, agencyId: null };
export const SYSTEM: Viewer = { id: 'system', role: 'SYSTEM', regionPath: null, agencyId: null };

/** Roles a token may claim; SYSTEM is for the platform's own jobs, never for a caller. */
const TOKEN_ROLES: readonly Role[] = ['ANALYST', 'SUPERVISOR', 'AGENCY'];

/**
 * Reads a bearer token signed with JWT_SECRET; no token (or no secret configured) means anonymous.
 * A token that cannot be trusted (malformed, expired, wrongly signed, or naming a role or region
 * that does not exist) is refused as unauthenticated: the caller is not who it claims to be.
 */
export async function viewerFromToken(authorization: string | undefined, secret: string | undefined, pathOf: (code: string) => Promise<string | null>): Promise<Viewer> {
  const token = authorization?.replace(/^Bearer\s+/i, '').trim();
  if (!token || !secret) return ANONYMOUS;
  let payload: Record<string, unknown>;
  try {
    payload = (await jwtVerify(token, new TextEncoder().encode(secret), { algorithms: ['HS256'] })).payload as Record<string, unknown>;
  } catch {
    throw new UnauthenticatedError('invalid or expired token');
  }
  const role = String(payload.role ?? 'ANALYST') as Role;
  if (!TOKEN_ROLES.includes(role)) throw new UnauthenticatedError(`token claims unknown role ${role}`);
  const regionCode = payload.regionCode ? String(payload.regionCode) : null;
  const regionPath = regionCode ? await pathOf(regionCode) : null;
  if (regionCode && !regionPath) throw new UnauthenticatedError(`token names unknown region ${regionCode}`);
  return { id: String(payload.sub ?? 'unknown'), role, regionPath, agencyId: payload.agencyId != null ? Number(payload.agencyId) : null };
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

/** Reviewing findings is for supervisors (within their region) and the system. */
export function assertCanReview(viewer: Viewer, regionPath: string): void {
  if (viewer.role === 'SYSTEM') return;
  if (viewer.role === 'SUPERVISOR' && canRead(viewer, regionPath)) return;
  throw new ForbiddenError('only a supervisor of this region may review its findings');
}

/** Storing a report: the system, or an agency for its own reports. */
export function assertCanImport(viewer: Viewer, agency: { id: number; regionPath: string }): void {
  if (viewer.role === 'SYSTEM') return;
  if (viewer.role === 'AGENCY' && viewer.agencyId === agency.id) return;
  throw new ForbiddenError('only the agency itself may file its reports');
}
