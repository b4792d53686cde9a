import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Query points spent by one caller (account or address) in one minute: budgets shared by several servers (BUDGET_STORE=database). */
@Entity('budget_spend')
export class BudgetSpend {
  @PrimaryColumn({ type: 'varchar', length: 160 })
  caller: string;

  /** The minute's start, ms since the epoch. */
  @PrimaryColumn({ type: 'bigint' })
  bucket: string;

  @Column({ type: 'bigint' })
  points: string;
}
