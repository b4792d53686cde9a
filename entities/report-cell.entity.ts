import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One table cell: null value for a blank or no-figure cell, the published text always kept. */
@Entity('report_cell')
export class ReportCell {
  @PrimaryColumn({ name: 'report_id', type: 'int' })
  reportId: number;

  @PrimaryColumn({ name: 'cell_key', type: 'varchar', length: 64 })
  key: string;

  /** Exact decimal (DECIMAL(20,6)); read back as text and converted at the API edge. */
  @Column({ type: 'decimal', precision: 20, scale: 6, nullable: true })
  value: string | null;

  @Column({ type: 'varchar', length: 500 })
  raw: string;
}
