import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The filing workflow (README "Filing workflow"): a state per revision with the series' latest
 * published one flagged, a correction's reason and a return's comment and findings; and the audit
 * log. Every report stored so far came from published sources: PUBLISHED, its current revision the
 * published one.
 */
export class FilingWorkflow1768000000000 implements MigrationInterface {
  name = 'FilingWorkflow1768000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('report', [
      new TableColumn({ name: 'state', type: 'varchar', length: '10', default: "'PUBLISHED'" }),
      new TableColumn({ name: 'published_current', type: 'boolean', default: false }),
      new TableColumn({ name: 'reason', type: 'varchar', length: '2000', isNullable: true }),
      new TableColumn({ name: 'return_comment', type: 'varchar', length: '2000', isNullable: true }),
      new TableColumn({ name: 'returned_findings', type: 'varchar', length: '2000', isNullable: true }),
    ]);
    await q.query('UPDATE report SET published_current = current');
    await q.createIndex(
      'report',
      new TableIndex({ name: 'idx_report_year_published', columnNames: ['year', 'published_current', 'agency_id'] }),
    );
    await q.createTable(
      new Table({
        name: 'audit_event',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'at', type: 'varchar', length: '30' },
          { name: 'actor_id', type: 'int', isNullable: true },
          { name: 'actor_name', type: 'varchar', length: '100' },
          { name: 'role', type: 'varchar', length: '12' },
          { name: 'action', type: 'varchar', length: '32' },
          { name: 'report_id', type: 'int', isNullable: true },
          { name: 'finding_id', type: 'int', isNullable: true },
          { name: 'agency_id', type: 'int', isNullable: true },
          { name: 'region_path', type: 'varchar', length: '120', isNullable: true },
          { name: 'before_json', type: 'text', isNullable: true },
          { name: 'after_json', type: 'text', isNullable: true },
          { name: 'detail', type: 'varchar', length: '2000', isNullable: true },
        ],
        indices: [
          { name: 'idx_audit_region', columnNames: ['region_path', 'id'] },
          { name: 'idx_audit_report', columnNames: ['report_id'] },
          { name: 'idx_audit_agency', columnNames: ['agency_id'] },
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('audit_event');
    await q.dropIndex('report', 'idx_report_year_published');
    for (const c of ['returned_findings', 'return_comment', 'reason', 'published_current', 'state']) await q.dropColumn('report', c);
  }
}
