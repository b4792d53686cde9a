import { Agency } from './agency.entity';
import { ApiToken } from './api-token.entity';
import { AuditEvent } from './audit-event.entity';
import { BudgetSpend } from './budget-spend.entity';
import { Finding } from './finding.entity';
import { LoginThrottle } from './login-throttle.entity';
import { Region } from './region.entity';
export { LEVEL_DEPTH, type RegionLevel } from './region.entity';
import { RegionRollup } from './region-rollup.entity';
import { ReportCell } from './report-cell.entity';
import { RollupPending } from './rollup-pending.entity';
import { ReportNarrative } from './report-narrative.entity';
import { Report } from './report.entity';
import { User } from './user.entity';

export {
  Agency,
  ApiToken,
  AuditEvent,
  BudgetSpend,
  Finding,
  LoginThrottle,
  Region,
  RegionRollup,
  Report,
  ReportCell,
  ReportNarrative,
  RollupPending,
  User,
};
export const ENTITIES = [
  Region,
  Agency,
  Report,
  ReportCell,
  ReportNarrative,
  Finding,
  RegionRollup,
  RollupPending,
  User,
  ApiToken,
  AuditEvent,
  BudgetSpend,
  LoginThrottle,
];
