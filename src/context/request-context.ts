import { ANONYMOUS, type Viewer } from '../auth/viewer';
import type { DataContext, TransactionalConnection } from '../data/transactional-connection';
import { rollupFolderOf } from '../rollup/rollup-folder';
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
  // Roll-ups are read after the publications queued before this request are folded in: once per request, on its first roll-up read.
  const folder = rollupFolderOf(connection);
  let folded: Promise<void> | undefined;
  const beforeRollupRead = () => (folded ??= folder.ensureFolded({ transaction: null }));
  return { viewer, loaders: createLoaders(connection.repos(), viewer, beforeRollupRead), transaction: null, clientAddress };
}
