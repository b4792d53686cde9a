import type { DataSource } from 'typeorm';
import { ANONYMOUS, type Viewer } from '../auth/viewer';
import { createRepositories, type Repositories } from '../data/repositories';
import { createServices, type Services } from '../services';
import { createLoaders, type Loaders } from './loaders';

/** Everything a resolver and service needs for one request. */
export interface RequestContext {
  viewer: Viewer;
  db: DataSource;
  repos: Repositories;
  loaders: Loaders;
  services: Services;
}

let defaultServices: Services | undefined;

export function createRequestContext(db: DataSource, viewer: Viewer = ANONYMOUS, services?: Services): RequestContext {
  const repos = createRepositories(db);
  return { viewer, db, repos, loaders: createLoaders(repos), services: services ?? (defaultServices ??= createServices()) };
}
