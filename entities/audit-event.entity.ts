import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One recorded change or login (README "Filing workflow"): who, when, what, the revision or finding
 * touched, before and after. Written in the transaction of the change it records.
 */
@Entity('audit_event')
@Index('idx_audit_region', ['regionPath', 'id'])
@Index('idx_audit_report', ['reportId'])
@Index('idx_audit_agency', ['agencyId'])
@Index('uq_audit_aggregate', ['aggregateKey'], { unique: true })
export class AuditEvent {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  /** ISO instant (text: no engine or time zone shifts it). */
  @Column({ type: 'varchar', length: 30 })
  at: string;

  @Column({ name: 'actor_id', type: 'int', nullable: true })
  actorId: number | null;

  @Column({ name: 'actor_name', type: 'varchar', length: 100 })
  actorName: string;

  @Column({ type: 'varchar', length: 12 })
  role: string;

  @Column({ type: 'varchar', length: 32 })
  action: string;

  @Column({ name: 'report_id', type: 'int', nullable: true })
  reportId: number | null;

  @Column({ name: 'finding_id', type: 'int', nullable: true })
  findingId: number | null;

  @Column({ name: 'agency_id', type: 'int', nullable: true })
  agencyId: number | null;

  /** The agency's region path, else the account's: supervisors read the events of their subtree by it. */
  @Column({ name: 'region_path', type: 'varchar', length: 120, nullable: true })
  regionPath: string | null;

  /** JSON text (BEFORE is a reserved word of MariaDB: the columns say what they hold). */
  @Column({ name: 'before_json', type: 'text', nullable: true })
  before: string | null;

  @Column({ name: 'after_json', type: 'text', nullable: true })
  after: string | null;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  detail: string | null;

  /**
   * Set only on an event counted in place (failed logins: one row per name, address and window,
   * `after.attempts` the count): the digest that names the row. Null for every other event.
   */
  @Column({ name: 'aggregate_key', type: 'varchar', length: 64, nullable: true })
  aggregateKey?: string | null;
}
