import { AuditEvent } from '../../entities';
import { engineOf, type Db } from './engine';
import { EntitySql } from './entity-sql';
import { hangsOffReadable, type ReportReader } from './report-visibility';
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
  /** Events of a revision this reader may not read are left out, whatever their action; absent: none (administrators). */
  reportReader?: ReportReader | null;
  /** Actions left out whatever their revision's state (a supervisor's view of an agency's private drafting). */
  withoutActions?: readonly string[];
}

/** The audit log: appended in the transaction of the change it records, read newest last by id. */
export class AuditEventRepository {
  constructor(private readonly db: Db) {}

  private get repo() {
    return this.db.getRepository(AuditEvent);
  }

  async insert(event: Omit<AuditEvent, 'id'>): Promise<void> {
    await AUDIT_SQL.insert(this.db, [event], [], { row: event.action });
  }

  /**
   * An event counted in place: the first of its `aggregateKey` is inserted with `after` holding
   * `attempts: 1`; each further one adds 1 to `after.attempts` and sets `after.lastAt` in the same
   * row, in one statement under the row's lock, so concurrent writers from any server lose no count.
   */
  async countInPlace(event: Omit<AuditEvent, 'id' | 'aggregateKey'>, aggregateKey: string, lastAt: string): Promise<void> {
    const mysql = engineOf(this.db) === 'mysql';
    const bump = mysql
      ? "ON DUPLICATE KEY UPDATE after_json = JSON_SET(after_json, '$.attempts', CAST(JSON_VALUE(after_json, '$.attempts') AS SIGNED) + 1, '$.lastAt', ?)"
      : "ON CONFLICT(aggregate_key) DO UPDATE SET after_json = json_set(after_json, '$.attempts', json_extract(after_json, '$.attempts') + 1, '$.lastAt', ?)";
    const e = event;
    await this.db.query(
      `INSERT INTO audit_event (at, actor_id, actor_name, role, action, report_id, finding_id, agency_id, region_path, before_json, after_json, detail, aggregate_key)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ${bump}`,
      [
        e.at,
        e.actorId,
        e.actorName,
        e.role,
        e.action,
        e.reportId,
        e.findingId,
        e.agencyId,
        e.regionPath,
        e.before,
        e.after,
        e.detail,
        aggregateKey,
        lastAt,
      ],
    );
  }

  private filtered(q: AuditQuery) {
    const qb = this.repo.createQueryBuilder('e');
    if (q.regionPath) qb.andWhere(...inSubtree('e.region_path', q.regionPath));
    if (q.agencyId != null) qb.andWhere('e.agency_id = :agencyId', { agencyId: q.agencyId });
    if (q.reportId != null) qb.andWhere('e.report_id = :reportId', { reportId: q.reportId });
    if (q.action) qb.andWhere('e.action = :action', { action: q.action });
    if (q.from) qb.andWhere('e.at >= :from', { from: q.from });
    if (q.to) qb.andWhere('e.at <= :to', { to: q.to });
    // Confined in the statement, so the page, its cursor and totalCount agree on what the viewer may see.
    const readable = q.reportReader ? hangsOffReadable('e.report_id', q.reportReader) : null;
    if (readable) qb.andWhere(`(e.report_id IS NULL OR ${readable[0]})`, readable[1]);
    if (q.withoutActions?.length) qb.andWhere('e.action NOT IN (:...withoutActions)', { withoutActions: [...q.withoutActions] });
    return qb;
  }

  async page(q: AuditQuery): Promise<{ rows: AuditEvent[]; total: number }> {
    const pageQb = this.filtered(q)
      .orderBy('e.id', 'ASC')
      .take(q.limit + 1);
    if (q.afterId != null) pageQb.andWhere('e.id > :afterId', { afterId: q.afterId });
    const [rows, total] = await Promise.all([pageQb.getMany(), this.filtered(q).getCount()]);
    return { rows, total };
  }
}
