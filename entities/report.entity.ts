import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { EditionId } from '../src/shared/editions';
import type { SourceFormat } from '../src/ingest/report-document';

export type ReportScope = 'OWN' | 'CONSOLIDATED';

/** The filing workflow (README "Filing workflow"): each revision has one state. */
export const REPORT_STATES = ['DRAFT', 'SUBMITTED', 'RETURNED', 'ACCEPTED', 'PUBLISHED'] as const;
export type ReportState = (typeof REPORT_STATES)[number];

/**
 * One revision of an agency's report for a year. Corrections add a revision; the newest is
 * `current`; the newest PUBLISHED one is `publishedCurrent`, the only one roll-ups and the public read.
 */
@Entity('report')
@Index('uq_report_revision', ['agencyId', 'year', 'scope', 'revision'], { unique: true })
@Index('idx_report_year_current', ['year', 'current', 'agencyId'])
@Index('idx_report_year_published', ['year', 'publishedCurrent', 'agencyId'])
export class Report {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ name: 'agency_id', type: 'int' })
  agencyId: number;

  @Column({ type: 'int' })
  year: number;

  @Column({ type: 'varchar', length: 4 })
  edition: EditionId;

  @Column({ type: 'varchar', length: 12 })
  scope: ReportScope;

  @Column({ type: 'int' })
  revision: number;

  @Column({ type: 'boolean' })
  current: boolean;

  @Column({ type: 'varchar', length: 10, default: 'PUBLISHED' })
  state: ReportState;

  /** The series' latest PUBLISHED revision, kept in the transaction that publishes (one per series at most). */
  @Column({ name: 'published_current', type: 'boolean', default: false })
  publishedCurrent: boolean;

  /** Why this revision corrects the one before (required of a correction filed over the API). */
  @Column({ type: 'varchar', length: 2000, nullable: true })
  reason: string | null;

  /** The supervisor's comment when the revision was returned. */
  @Column({ name: 'return_comment', type: 'varchar', length: 2000, nullable: true })
  returnComment: string | null;

  /** JSON array of the finding ids the supervisor asked to be fixed. */
  @Column({ name: 'returned_findings', type: 'varchar', length: 2000, nullable: true })
  returnedFindings: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  title: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  period: string | null;

  /** yyyy-mm-dd; kept as text so that no engine or time zone shifts the day. */
  @Column({ name: 'published_on', type: 'varchar', length: 10, nullable: true })
  publishedOn: string | null;

  @Column({ name: 'source_format', type: 'varchar', length: 8 })
  sourceFormat: SourceFormat;

  @Column({ name: 'source_name', type: 'varchar', length: 500 })
  sourceName: string;

  @Column({ name: 'source_hash', type: 'varchar', length: 64 })
  sourceHash: string;

  /** The source as received (text and HTML verbatim; DOCX and PDF as their extracted text). */
  @Column({ name: 'source_text', type: 'text' })
  sourceText: string;

  @CreateDateColumn({ name: 'imported_at' })
  importedAt: Date;
}
