import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

/** Pre-aggregated roll-ups; the key order serves "these regions, this year, these keys" lookups. */
export class RegionRollup1765000000000 implements MigrationInterface {
  name = 'RegionRollup1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'region_rollup',
        columns: [
          { name: 'region_code', type: 'varchar', length: '12', isPrimary: true },
          { name: 'year', type: 'int', isPrimary: true },
          { name: 'cell_key', type: 'varchar', length: '64', isPrimary: true },
          { name: 'agency_kind', type: 'varchar', length: '24', isPrimary: true },
          { name: 'total', type: 'decimal', precision: 20, scale: 6 },
          { name: 'non_null_count', type: 'int' },
          { name: 'report_count', type: 'int' },
        ],
        indices: [{ name: 'idx_region_rollup_year_key', columnNames: ['year', 'cell_key'] }],
      }),
    );
    // Agency counts per subtree read only the index: (region_path, active, exempt) covers them.
    await q.query('CREATE INDEX idx_agency_path_flags ON agency (region_path, active, exempt)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      q.connection.options.type === 'mysql' ? 'DROP INDEX idx_agency_path_flags ON agency' : 'DROP INDEX idx_agency_path_flags',
    );
    await q.dropTable('region_rollup');
  }
}
