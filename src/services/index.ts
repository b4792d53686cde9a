import type { TransactionalConnection } from '../data/transactional-connection';
import { RollupService } from '../rollup/rollup.service';
import { RollupWriteHook } from '../rollup/rollup-write.hook';
import { rollupFolderOf } from '../rollup/rollup-folder';
import { AccountService } from './account.service';
import { AgencyService } from './agency.service';
import { AuditService } from './audit.service';
import { ComplianceService } from './compliance.service';
import { FilingService } from './filing.service';
import { FindingService } from './finding.service';
import { ImportService, type ReportWriteHook } from './import.service';
import { ParsePool } from './parse-pool';
import { RegionService } from './region.service';
import { ReportService } from './report.service';
import { WorkflowService } from './workflow.service';

/** Stateless services, built once per process over one connection and shared by every request. */
export function createServices(
  connection: TransactionalConnection,
  hooks: ReportWriteHook[] = [new RollupWriteHook(connection, rollupFolderOf(connection))],
) {
  const findings = new FindingService(connection);
  const audit = new AuditService(connection);
  const imports = new ImportService(connection, hooks, findings, audit);
  // Files sent by requests are read here, never on the thread that answers requests; threads start when first needed.
  const files = new ParsePool();
  const workflow = new WorkflowService(connection, imports, audit, files);
  return {
    regions: new RegionService(connection),
    agencies: new AgencyService(connection),
    findings,
    reports: new ReportService(connection),
    imports,
    audit,
    workflow,
    filing: new FilingService(connection, workflow),
    compliance: new ComplianceService(connection),
    rollups: new RollupService(connection),
    accounts: new AccountService(connection),
  };
}

export type Services = ReturnType<typeof createServices>;
