import { AgencyService } from './agency.service';
import { ComplianceService } from './compliance.service';
import { FindingService } from './finding.service';
import { ImportService, type ReportWriteHook } from './import.service';
import { RegionService } from './region.service';
import { ReportService } from './report.service';
import { RollupService } from '../rollup/rollup.service';
import { RollupWriteHook } from '../rollup/rollup-write.hook';

/** Stateless services, built once per process and shared by every request. */
export function createServices(hooks: ReportWriteHook[] = [new RollupWriteHook()]) {
  return {
    regions: new RegionService(),
    agencies: new AgencyService(),
    findings: new FindingService(),
    reports: new ReportService(),
    imports: new ImportService(hooks),
    compliance: new ComplianceService(),
    rollups: new RollupService(),
  };
}

export type Services = ReturnType<typeof createServices>;
