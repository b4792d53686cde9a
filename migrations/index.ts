import { InitialSchema1764000000000 } from './1764000000000-initial-schema';
import { RegionRollup1765000000000 } from './1765000000000-region-rollup';
import { DataVersion1766000000000 } from './1766000000000-data-version';

/** In order; listed explicitly so that tsx, jest and a compiled build all find them. */
export const MIGRATIONS = [InitialSchema1764000000000, RegionRollup1765000000000, DataVersion1766000000000];
