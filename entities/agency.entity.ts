import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const AGENCY_KINDS = [
  'GOVERNMENT',
  'GOVERNMENT_OFFICE',
  'DEPARTMENT',
  'PUBLIC_INSTITUTION',
  'TOWNSHIP',
  'BRANCH_CENTRE',
  'DEVELOPMENT_ZONE',
  'OTHER',
] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

/** An organ that publishes reports; sits in a region and, optionally, under an organisational parent. */
@Entity('agency')
@Index('uq_agency_region_name', ['regionCode', 'name'], { unique: true })
export class Agency {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 24 })
  kind: AgencyKind;

  @Column({ name: 'region_code', type: 'varchar', length: 12 })
  regionCode: string;

  /** Copy of the region's path so that subtree filters need no join. */
  @Index('idx_agency_region_path')
  @Column({ name: 'region_path', type: 'varchar', length: 80 })
  regionPath: string;

  @Index('idx_agency_parent')
  @Column({ name: 'parent_id', type: 'int', nullable: true })
  parentId: number | null;

  /** Not expected to file (merged, abolished, or excused by the supervisor). */
  @Column({ type: 'boolean', default: false })
  exempt: boolean;

  @Column({ type: 'boolean', default: true })
  active: boolean;
}
