/** ADMIN, SUPERVISOR, AGENCY and ANALYST are accounts' roles; SYSTEM is the platform's own jobs (CLI imports, seeds), never a caller's. */
export type Role = 'ANONYMOUS' | 'ANALYST' | 'SUPERVISOR' | 'AGENCY' | 'ADMIN' | 'SYSTEM';

/**
 * Who asks. `regionPath` confines every read and roll-up to a subtree (null: everywhere, which only
 * ADMIN, SYSTEM, anonymous readers of published data and an explicitly unconfined ANALYST have);
 * `agencyId` is the agency an AGENCY viewer may edit; `userId` is the account behind a signed-in
 * viewer, `id` the name shown as a reviewer. Who may do what with it: src/policy/.
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
