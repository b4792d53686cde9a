import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type RegionLevel = 'PROVINCE' | 'CITY' | 'COUNTY' | 'TOWNSHIP';
/** Each GB/T 2260 level's depth in the region tree (`Region.depth`). */
export const LEVEL_DEPTH: Readonly<Record<RegionLevel, number>> = { PROVINCE: 1, CITY: 2, COUNTY: 3, TOWNSHIP: 4 };

/** An administrative region by its GB/T 2260 code (townships: the 9-digit statistical code). */
@Entity('region')
export class Region {
  @PrimaryColumn({ type: 'varchar', length: 12 })
  code: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 10 })
  level: RegionLevel;

  @Index('idx_region_parent')
  @Column({ name: 'parent_code', type: 'varchar', length: 12, nullable: true })
  parentCode: string | null;

  /** Materialised path "/370000/370800/370830/": a subtree is one indexed prefix range. */
  @Index('idx_region_path')
  @Column({ type: 'varchar', length: 80 })
  path: string;

  @Column({ type: 'int' })
  depth: number;
}
