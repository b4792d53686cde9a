import type { DataSource, EntityManager } from 'typeorm';
import { Agency, Report } from '../../entities';
import { likeEscape } from './agency.repository';

/**
 * The two reads behind filing compliance. Both are bounded by the region subtree, not by a list of
 * ids, so a province (~15,000 agencies) costs the same two statements as a county and never hits an
 * engine's bound-parameter limit.
 */
export class ComplianceRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  /** Agencies expected to file: active, not exempt, anywhere under `regionPath` (idx_agency_region_path range). */
  expectedAgencies(regionPath: string): Promise<Agency[]> {
    return this.db
      .getRepository(Agency)
      .createQueryBuilder('a')
      .where("a.region_path LIKE :path ESCAPE '!'", { path: `${likeEscape(regionPath)}%` })
      .andWhere('a.active = :yes AND a.exempt = :no', { yes: true, no: false })
      .orderBy('a.id', 'ASC')
      .getMany();
  }

  /**
   * Current revisions for `year` of those same agencies, every scope, without the source text.
   * The join lets the engine walk idx_report_year_current (year, current, agency_id) per agency.
   */
  currentReports(regionPath: string, year: number): Promise<Report[]> {
    const columns = this.db
      .getRepository(Report)
      .metadata.columns.map((c) => c.propertyName)
      .filter((p) => p !== 'sourceText');
    return this.db
      .getRepository(Report)
      .createQueryBuilder('r')
      .select(columns.map((c) => `r.${c}`))
      .innerJoin(Agency, 'a', 'a.id = r.agency_id')
      .where('r.year = :year AND r.current = :cur', { year, cur: true })
      .andWhere("a.region_path LIKE :path ESCAPE '!'", { path: `${likeEscape(regionPath)}%` })
      .andWhere('a.active = :yes AND a.exempt = :no', { yes: true, no: false })
      .orderBy('r.id', 'ASC')
      .getMany();
  }
}
