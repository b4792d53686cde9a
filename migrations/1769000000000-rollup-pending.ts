import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

/** Publications waiting to be folded into region_rollup (entities/rollup-pending.entity.ts). */
export class RollupPending1769000000000 implements MigrationInterface {
  name = 'RollupPending1769000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'rollup_pending',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'report_id', type: 'int' },
          { name: 'sign', type: 'smallint' },
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('rollup_pending');
  }
}
