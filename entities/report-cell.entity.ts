import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CellSource } from '../src/ingest/report-document';
import { CELL_SOURCE } from './cell-source.transformer';
import { DECIMAL_TEXT } from './decimal-text.transformer';

/** One table cell: null value for a blank or no-figure cell, the published text always kept. */
@Entity('report_cell')
export class ReportCell {
  @PrimaryColumn({ name: 'report_id', type: 'int' })
  reportId: number;

  @PrimaryColumn({ name: 'cell_key', type: 'varchar', length: 64 })
  key: string;

  /** Exact decimal (DECIMAL(20,6)), read back as canonical text on both engines. */
  @Column({ type: 'decimal', precision: 20, scale: 6, nullable: true, transformer: DECIMAL_TEXT })
  value: string | null;

  @Column({ type: 'varchar', length: 500 })
  raw: string;

  /** Where the cell was read (page and position, line, or table/row/cell); null when not known. */
  @Column({ type: 'varchar', length: 200, nullable: true, transformer: CELL_SOURCE })
  source: CellSource | null;
}
