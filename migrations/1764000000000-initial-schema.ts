import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

/** Both engines from one definition; only the large-text type differs. */
export class InitialSchema1764000000000 implements MigrationInterface {
  name = 'InitialSchema1764000000000';

  async up(q: QueryRunner): Promise<void> {
    const mysql = q.connection.options.type === 'mysql';
    const bigText = mysql ? 'longtext' : 'text';
    const decimal = { type: 'decimal', precision: 20, scale: 6, isNullable: true };
    await q.createTable(
      new Table({
        name: 'region',
        columns: [
          { name: 'code', type: 'varchar', length: '12', isPrimary: true },
          { name: 'name', type: 'varchar', length: '100' },
          { name: 'level', type: 'varchar', length: '10' },
          { name: 'parent_code', type: 'varchar', length: '12', isNullable: true },
          { name: 'path', type: 'varchar', length: '80' },
          { name: 'depth', type: 'int' },
        ],
        indices: [
          { name: 'idx_region_parent', columnNames: ['parent_code'] },
          { name: 'idx_region_path', columnNames: ['path'] },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'agency',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'name', type: 'varchar', length: '200' },
          { name: 'kind', type: 'varchar', length: '24' },
          { name: 'region_code', type: 'varchar', length: '12' },
          { name: 'region_path', type: 'varchar', length: '80' },
          { name: 'parent_id', type: 'int', isNullable: true },
          { name: 'exempt', type: 'boolean', default: false },
          { name: 'active', type: 'boolean', default: true },
        ],
        indices: [
          { name: 'uq_agency_region_name', columnNames: ['region_code', 'name'], isUnique: true },
          { name: 'idx_agency_region_path', columnNames: ['region_path'] },
          { name: 'idx_agency_parent', columnNames: ['parent_id'] },
        ],
        foreignKeys: [
          { columnNames: ['region_code'], referencedTableName: 'region', referencedColumnNames: ['code'] },
          { columnNames: ['parent_id'], referencedTableName: 'agency', referencedColumnNames: ['id'] },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'report',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'agency_id', type: 'int' },
          { name: 'year', type: 'int' },
          { name: 'edition', type: 'varchar', length: '4' },
          { name: 'scope', type: 'varchar', length: '12' },
          { name: 'revision', type: 'int' },
          { name: 'current', type: 'boolean' },
          { name: 'title', type: 'varchar', length: '300', isNullable: true },
          { name: 'period', type: 'varchar', length: '100', isNullable: true },
          { name: 'published_on', type: 'varchar', length: '10', isNullable: true },
          { name: 'source_format', type: 'varchar', length: '8' },
          { name: 'source_name', type: 'varchar', length: '500' },
          { name: 'source_hash', type: 'varchar', length: '64' },
          { name: 'source_text', type: bigText },
          { name: 'imported_at', type: 'datetime', default: mysql ? 'CURRENT_TIMESTAMP' : "(datetime('now'))" },
        ],
        indices: [
          { name: 'uq_report_revision', columnNames: ['agency_id', 'year', 'scope', 'revision'], isUnique: true },
          { name: 'idx_report_year_current', columnNames: ['year', 'current', 'agency_id'] },
        ],
        foreignKeys: [{ columnNames: ['agency_id'], referencedTableName: 'agency', referencedColumnNames: ['id'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'report_cell',
        columns: [
          { name: 'report_id', type: 'int', isPrimary: true },
          { name: 'cell_key', type: 'varchar', length: '64', isPrimary: true },
          { name: 'value', ...decimal },
          { name: 'raw', type: 'varchar', length: '500' },
        ],
        foreignKeys: [{ columnNames: ['report_id'], referencedTableName: 'report', referencedColumnNames: ['id'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'report_narrative',
        columns: [
          { name: 'report_id', type: 'int', isPrimary: true },
          { name: 'section', type: 'int', isPrimary: true },
          { name: 'heading', type: 'varchar', length: '300' },
          { name: 'text', type: bigText },
        ],
        foreignKeys: [{ columnNames: ['report_id'], referencedTableName: 'report', referencedColumnNames: ['id'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'finding',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'report_id', type: 'int' },
          { name: 'rule', type: 'varchar', length: '48' },
          { name: 'severity', type: 'varchar', length: '8' },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'cells', type: bigText },
          { name: 'expected', ...decimal },
          { name: 'actual', ...decimal },
          { name: 'message', type: 'varchar', length: '1000' },
          { name: 'review', type: 'varchar', length: '10', default: "'OPEN'" },
          { name: 'review_comment', type: 'varchar', length: '2000', isNullable: true },
          { name: 'reviewed_by', type: 'varchar', length: '200', isNullable: true },
          { name: 'reviewed_at', type: 'varchar', length: '30', isNullable: true },
        ],
        indices: [
          { name: 'idx_finding_report', columnNames: ['report_id'] },
          { name: 'idx_finding_rule', columnNames: ['rule', 'severity'] },
        ],
        foreignKeys: [{ columnNames: ['report_id'], referencedTableName: 'report', referencedColumnNames: ['id'] }],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['finding', 'report_narrative', 'report_cell', 'report', 'agency', 'region']) await q.dropTable(t);
  }
}
