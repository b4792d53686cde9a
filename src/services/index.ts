import type { TransactionalConnection } from '../data/transactional-connection';
import { RollupService } from '../rollup/rollup.service';
import { RollupWriteHook } from '../rollup/rollup-write.hook';
import { AccountService } from './account.service';
import { AgencyService } from './agency.service';
import { ComplianceService } from './compliance.service';
import { FindingService } from './finding.service';
import { ImportService, type ReportWriteHook } from './import.service';
import { RegionService } from './region.service';
import { ReportService } from './report.service';

/** Stateless services, built once per process over one connection and shared by every request. */
export function createServices(connection: TransactionalConnection, hooks: ReportWriteHook[] = [new RollupWriteHook(connection)]) {
  const findings = new FindingService(connection);
  return {
    regions: new RegionService(connection),
    agencies: new AgencyService(connection),
    findings,
    reports: new ReportService(connection),
    imports: new ImportService(connection, hooks, findings),
    compliance: new ComplianceService(connection),
    rollups: new RollupService(connection),
    accounts: new AccountService(connection),
  };
}

export type Services = ReturnType<typeof createServices>;
