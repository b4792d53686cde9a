import type { DataSource, EntityManager } from 'typeorm';
import { AgencyRepository } from './agency.repository';
import { RegionRepository } from './region.repository';
import { ReportRepository } from './report.repository';
import { RollupRepository } from './rollup.repository';

/** The data-access layer: the only code that reaches the database. */
export function createRepositories(db: DataSource | EntityManager) {
  return {
    regions: new RegionRepository(db),
    agencies: new AgencyRepository(db),
    reports: new ReportRepository(db),
    rollups: new RollupRepository(db),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;
