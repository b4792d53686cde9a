import { AgencyRepository } from './agency.repository';
import { ApiTokenRepository } from './api-token.repository';
import { AuditEventRepository } from './audit-event.repository';
import { BudgetRepository } from './budget.repository';
import { BulkReportRepository } from './bulk-report.repository';
import { ComplianceRepository } from './compliance.repository';
import { DataVersionRepository } from './data-version.repository';
import type { Db } from './engine';
import { FindingRepository } from './finding.repository';
import { LoginThrottleRepository } from './login-throttle.repository';
import { RegionRepository } from './region.repository';
import { ReportRepository } from './report.repository';
import { RollupPendingRepository } from './rollup-pending.repository';
import { RollupReadRepository } from './rollup-read.repository';
import { RollupRepository } from './rollup.repository';
import { UserRepository } from './user.repository';

/**
 * The one factory of repositories, bound to the pool or to one transaction. Only
 * TransactionalConnection calls it: everything else asks `connection.repos(ctx)`.
 */
export function createRepositories(db: Db) {
  return {
    regions: new RegionRepository(db),
    agencies: new AgencyRepository(db),
    reports: new ReportRepository(db),
    findings: new FindingRepository(db),
    compliance: new ComplianceRepository(db),
    rollups: new RollupRepository(db),
    rollupReads: new RollupReadRepository(db),
    rollupPending: new RollupPendingRepository(db),
    dataVersions: new DataVersionRepository(db),
    bulk: new BulkReportRepository(db),
    users: new UserRepository(db),
    apiTokens: new ApiTokenRepository(db),
    audit: new AuditEventRepository(db),
    budgets: new BudgetRepository(db),
    loginThrottle: new LoginThrottleRepository(db),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;
