import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DECIMAL_TEXT } from './decimal-text.transformer';

export type FindingReview = 'OPEN' | 'CONFIRMED' | 'DISMISSED';

/** A check's result on one report revision, with its review by a supervisor. */
@Entity('finding')
@Index('idx_finding_report', ['reportId'])
@Index('idx_finding_rule', ['rule', 'severity'])
export class Finding {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ name: 'report_id', type: 'int' })
  reportId: number;

  @Column({ type: 'varchar', length: 48 })
  rule: string;

  @Column({ type: 'varchar', length: 8 })
  severity: 'error' | 'warning' | 'info';

  @Column({ type: 'varchar', length: 16 })
  status: 'failed' | 'not_assessable';

  /** JSON: [{ key, value }] — the cells the rule read, with their values. */
  @Column({ type: 'text' })
  cells: string;

  @Column({ type: 'decimal', precision: 20, scale: 6, nullable: true, transformer: DECIMAL_TEXT })
  expected: string | null;

  @Column({ type: 'decimal', precision: 20, scale: 6, nullable: true, transformer: DECIMAL_TEXT })
  actual: string | null;

  @Column({ type: 'varchar', length: 1000 })
  message: string;

  @Column({ type: 'varchar', length: 10, default: 'OPEN' })
  review: FindingReview;

  @Column({ name: 'review_comment', type: 'varchar', length: 2000, nullable: true })
  reviewComment: string | null;

  @Column({ name: 'reviewed_by', type: 'varchar', length: 200, nullable: true })
  reviewedBy: string | null;

  @Column({ name: 'reviewed_at', type: 'varchar', length: 30, nullable: true })
  reviewedAt: string | null;
}
