import { ANONYMOUS, type Viewer } from '../auth/viewer';
import type { DataContext, TransactionalConnection } from '../data/transactional-connection';
import { createLoaders, type Loaders } from './request-loaders';

/**
 * Request state only: who asks, the request's DataLoaders, and (from DataContext) the transaction it
 * runs in, if any. Services are built once at start-up and are not in here.
 */
export interface RequestContext extends DataContext {
  readonly viewer: Viewer;
  readonly loaders: Loaders;
  /** The client's network address as the server saw it (logins are throttled by it); absent outside HTTP (CLI, tests of services). */
  readonly clientAddress?: string | null;
  /** When the request's time runs out (epoch ms; REQUEST_DEADLINE_MS after it started): long work checks it and stops. Absent outside HTTP. */
  readonly deadline?: number;
}

export function createRequestContext(
  connection: TransactionalConnection,
  viewer: Viewer = ANONYMOUS,
  clientAddress: string | null = null,
): RequestContext {
  // Reads only: a roll-up read adds the publications still queued on the fly, it never folds them (README "Roll-ups").
  return { viewer, loaders: createLoaders(connection.repos(), viewer), transaction: null, clientAddress };
}
