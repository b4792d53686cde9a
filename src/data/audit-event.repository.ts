import { AuditEvent } from '../../entities';
import type { Db } from './engine';
import { EntitySql } from './entity-sql';
import { inSubtree } from './subtree';

const AUDIT_SQL = new EntitySql(AuditEvent);

export interface AuditQuery {
  /** Events of agencies (or accounts) anywhere under this path; null: everywhere. */
  regionPath: string | null;
  agencyId?: number | null;
  reportId?: number | null;
  action?: string | null;
  /** ISO instants, inclusive. */
  from?: string | null;
  to?: string | null;
  afterId?: number | null;
  limit: number;
}

/** The audit log: appended in the transaction of the change it records, read newest last by id. */
export class AuditEventRepository {
  constructor(private readonly db: Db) {}

  private get repo() {
    return this.db.getRepository(AuditEvent);
  }

  async insert(event: Omit<AuditEvent, 'id'>): Promise<void> {
    await AUDIT_SQL.insert(this.db, [event]);
  }

  private filtered(q: AuditQuery) {
    const qb = this.repo.createQueryBuilder('e');
    if (q.regionPath) qb.andWhere(...inSubtree('e.region_path', q.regionPath));
    if (q.agencyId != null) qb.andWhere('e.agency_id = :agencyId', { agencyId: q.agencyId });
    if (q.reportId != null) qb.andWhere('e.report_id = :reportId', { reportId: q.reportId });
    if (q.action) qb.andWhere('e.action = :action', { action: q.action });
    if (q.from) qb.andWhere('e.at >= :from', { from: q.from });
    if (q.to) qb.andWhere('e.at <= :to', { to: q.to });
    return qb;
  }

  async page(q: AuditQuery): Promise<{ rows: AuditEvent[]; total: number }> {
    const pageQb = this.filtered(q).orderBy('e.id', 'ASC').take(q.limit + 1);
    if (q.afterId != null) pageQb.andWhere('e.id > :afterId', { afterId: q.afterId });
    const [rows, total] = await Promise.all([pageQb.getMany(), this.filtered(q).getCount()]);
    return { rows, total };
  }
}
