import { InitialSchema1764000000000 } from './1764000000000-initial-schema';

/** In order; listed explicitly so that tsx, jest and a compiled build all find them. */
export const MIGRATIONS = [InitialSchema1764000000000];
