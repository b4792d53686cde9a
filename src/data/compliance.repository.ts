import type { SelectQueryBuilder } from 'typeorm';
import type { Db } from './engine';
import { Agency, Report } from '../../entities';
import { inSubtree } from './subtree';

/** Agencies expected to file: active, not exempt, anywhere under `regionPath`. */
function expectedUnder<T extends object>(qb: SelectQueryBuilder<T>, regionPath: string): SelectQueryBuilder<T> {
  return qb.andWhere(...inSubtree('a.region_path', regionPath)).andWhere('a.active = :yes AND a.exempt = :no', { yes: true, no: false });
}

/**
 * The two reads behind filing compliance. Both are bounded by the region subtree, not by a list of
 * ids, so a province (~15,000 agencies) costs the same two statements as a county and never hits an
 * engine's bound-parameter limit. Neither sorts: the caller folds in memory anyway.
 */
export class ComplianceRepository {
  constructor(private readonly db: Db) {}

  expectedAgencies(regionPath: string): Promise<Agency[]> {
    return expectedUnder(this.db.getRepository(Agency).createQueryBuilder('a'), regionPath).getMany();
  }

  /**
   * Every published revision for `year` of those same agencies, every scope, without the source
   * text: the latest published one is the report shown, the older ones keep the date it was first
   * published (revisions not yet published are not the public's, README "Filing workflow"). Per agency
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
      .innerJoin(Agency, 'a', "a.id = r.agency_id AND r.year = :year AND r.state = 'PUBLISHED'", { year });
    return expectedUnder(qb, regionPath).getMany();
  }
}
