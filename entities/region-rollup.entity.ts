import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Σ of the current OWN reports of every agency in a region's subtree, per year, agency kind and
 * stored cell key. Consolidated reports never enter. The pseudo key `#reports` counts reports.
 * Kept in step by the roll-up write hook inside each report's transaction.
 */
@Entity('region_rollup')
@Index('idx_region_rollup_year_key', ['year', 'cellKey'])
export class RegionRollup {
  @PrimaryColumn({ name: 'region_code', type: 'varchar', length: 12 })
  regionCode: string;

  @PrimaryColumn({ type: 'int' })
  year: number;

  @PrimaryColumn({ name: 'cell_key', type: 'varchar', length: 64 })
  cellKey: string;

  @PrimaryColumn({ name: 'agency_kind', type: 'varchar', length: 24 })
  agencyKind: string;

  /** Σ of non-blank values (0 when none: `non_null_count` tells a blank sum from a zero). */
  @Column({ type: 'decimal', precision: 20, scale: 6 })
  total: string;

  @Column({ name: 'non_null_count', type: 'int' })
  nonNullCount: number;

  @Column({ name: 'report_count', type: 'int' })
  reportCount: number;
}
