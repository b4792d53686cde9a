import type { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { Agency, Report } from '../../entities';
import { likeEscape } from './agency.repository';

/**
 * Agencies expected to file: active, not exempt, anywhere under `regionPath`. The LIKE is the exact
 * prefix test; the redundant range beside it is what lets SQLite use idx_agency_region_path (its
 * LIKE optimisation does not apply to a case-sensitive column), MariaDB uses either.
 */
function expectedUnder<T extends object>(qb: SelectQueryBuilder<T>, regionPath: string): SelectQueryBuilder<T> {
  const upper = regionPath.slice(0, -1) + String.fromCharCode(regionPath.charCodeAt(regionPath.length - 1) + 1);
  return qb
    .andWhere('a.region_path >= :lo AND a.region_path < :hi', { lo: regionPath, hi: upper })
    .andWhere("a.region_path LIKE :path ESCAPE '!'", { path: `${likeEscape(regionPath)}%` })
    .andWhere('a.active = :yes AND a.exempt = :no', { yes: true, no: false });
}

/**
 * The two reads behind filing compliance. Both are bounded by the region subtree, not by a list of
 * ids, so a province (~15,000 agencies) costs the same two statements as a county and never hits an
 * engine's bound-parameter limit. Neither sorts: the caller folds in memory anyway.
 */
export class ComplianceRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  expectedAgencies(regionPath: string): Promise<Agency[]> {
    return expectedUnder(this.db.getRepository(Agency).createQueryBuilder('a'), regionPath).getMany();
  }

  /**
   * Every revision for `year` of those same agencies, every scope, without the source text: the
   * current one is the report shown, the older ones keep the date it was first published. Per agency
   * of the path range the join is a lookup in uq_report_revision (agency_id, year, …).
   */
  revisionsOfYear(regionPath: string, year: number): Promise<Report[]> {
    const columns = this.db
      .getRepository(Report)
      .metadata.columns.map((c) => c.propertyName)
      .filter((p) => p !== 'sourceText');
    const qb = this.db
      .getRepository(Report)
      .createQueryBuilder('r')
      .select(columns.map((c) => `r.${c}`))
      .innerJoin(Agency, 'a', 'a.id = r.agency_id AND r.year = :year', { year });
    return expectedUnder(qb, regionPath).getMany();
  }
}
