import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

/** Query budgets shared by several servers (entities/budget-spend.entity.ts). */
export class SharedBudgets1770000000000 implements MigrationInterface {
  name = 'SharedBudgets1770000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'budget_spend',
        columns: [
          { name: 'caller', type: 'varchar', length: '160', isPrimary: true },
          { name: 'bucket', type: 'bigint', isPrimary: true },
          { name: 'points', type: 'bigint' },
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('budget_spend');
  }
}
