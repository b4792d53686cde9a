import { InitialSchema1764000000000 } from './1764000000000-initial-schema';
import { RegionRollup1765000000000 } from './1765000000000-region-rollup';
import { DataVersion1766000000000 } from './1766000000000-data-version';
import { Accounts1767000000000 } from './1767000000000-accounts';
import { CellSource1767100000000 } from './1767100000000-cell-source';
import { FilingWorkflow1768000000000 } from './1768000000000-filing-workflow';
import { RollupPending1769000000000 } from './1769000000000-rollup-pending';
import { SharedBudgets1770000000000 } from './1770000000000-shared-budgets';
import { LoginThrottle1771000000000 } from './1771000000000-login-throttle';

/** In order; listed explicitly so that tsx, jest and a compiled build all find them. */
export const MIGRATIONS = [
  InitialSchema1764000000000,
  RegionRollup1765000000000,
  DataVersion1766000000000,
  Accounts1767000000000,
  CellSource1767100000000,
  FilingWorkflow1768000000000,
  RollupPending1769000000000,
  SharedBudgets1770000000000,
  LoginThrottle1771000000000,
];
