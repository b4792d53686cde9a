import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A publication not yet folded into region_rollup: +1 for the revision that became its series'
 * published one, −1 for the one it superseded. Written in the publication's own transaction (one
 * row each, never an update), folded in batches by src/rollup/rollup-folder.ts before any roll-up
 * is read: concurrent filings, and the nodes of a Galera cluster, never contend for roll-up rows.
 */
@Entity('rollup_pending')
export class RollupPending {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ name: 'report_id', type: 'int' })
  reportId: number;

  /** +1 or −1. */
  @Column({ type: 'smallint' })
  sign: number;
}
