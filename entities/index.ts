import { Agency } from './agency.entity';
import { Finding } from './finding.entity';
import { Region } from './region.entity';
import { RegionRollup } from './region-rollup.entity';
import { ReportCell } from './report-cell.entity';
import { ReportNarrative } from './report-narrative.entity';
import { Report } from './report.entity';

export { Agency, Finding, Region, RegionRollup, Report, ReportCell, ReportNarrative };
export const ENTITIES = [Region, Agency, Report, ReportCell, ReportNarrative, Finding, RegionRollup];
