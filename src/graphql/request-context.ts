import { ANONYMOUS, type Viewer } from '../auth/viewer';
import type { DataContext, TransactionalConnection } from '../data/transactional-connection';
import { rollupFolderOf } from '../rollup/rollup-folder';
import { createLoaders, type Loaders } from './loaders';

/**
 * Request state only: who asks, the request's DataLoaders, and (from DataContext) the transaction it
 * runs in, if any. Services are built once at start-up and are not in here.
 */
export interface RequestContext extends DataContext {
  readonly viewer: Viewer;
  readonly loaders: Loaders;
}

export function createRequestContext(connection: TransactionalConnection, viewer: Viewer = ANONYMOUS): RequestContext {
  // Roll-ups are read after the publications queued before this request are folded in: once per request, on its first roll-up read.
  const folder = rollupFolderOf(connection);
  let folded: Promise<void> | undefined;
  const beforeRollupRead = () => (folded ??= folder.ensureFolded({ transaction: null }));
  return { viewer, loaders: createLoaders(connection.repos(), viewer, beforeRollupRead), transaction: null };
}
