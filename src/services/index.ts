import { AgencyService } from './agency.service';
import { ComplianceService } from './compliance.service';
import { FindingService } from './finding.service';
import { ImportService, type ReportWriteHook } from './import.service';
import { RegionService } from './region.service';
import { ReportService } from './report.service';

/** Stateless services, built once per process and shared by every request. */
export function createServices(hooks: ReportWriteHook[] = []) {
  return {
    regions: new RegionService(),
    agencies: new AgencyService(),
    findings: new FindingService(),
    reports: new ReportService(),
    imports: new ImportService(hooks),
    compliance: new ComplianceService(),
  };
}

export type Services = ReturnType<typeof createServices>;
