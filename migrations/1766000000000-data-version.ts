import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

/** One counter that every write bumps inside its transaction: cached answers are keyed by it. */
export class DataVersion1766000000000 implements MigrationInterface {
  name = 'DataVersion1766000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'data_version',
        columns: [
          { name: 'id', type: 'int', isPrimary: true },
          { name: 'version', type: 'bigint', default: 0 },
        ],
      }),
    );
    await q.query('INSERT INTO data_version (id, version) VALUES (1, 0)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('data_version');
  }
}
