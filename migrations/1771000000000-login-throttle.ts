import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Login throttling shared by every server (entities/login-throttle.entity.ts), and failed logins
 * counted in one audit row per name, address and window: `aggregate_key` names the row a repeated
 * event is counted in (null for every other event; both engines let a unique index hold many nulls).
 */
export class LoginThrottle1771000000000 implements MigrationInterface {
  name = 'LoginThrottle1771000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'login_throttle',
        columns: [
          { name: 'throttle_key', type: 'varchar', length: '160', isPrimary: true },
          { name: 'window_start', type: 'bigint' },
          { name: 'failures', type: 'int' },
          { name: 'last_failure_at', type: 'bigint' },
        ],
        indices: [{ name: 'idx_login_throttle_last', columnNames: ['last_failure_at'] }],
      }),
    );
    await q.addColumn('audit_event', new TableColumn({ name: 'aggregate_key', type: 'varchar', length: '64', isNullable: true }));
    await q.createIndex('audit_event', new TableIndex({ name: 'uq_audit_aggregate', columnNames: ['aggregate_key'], isUnique: true }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('audit_event', 'uq_audit_aggregate');
    await q.dropColumn('audit_event', 'aggregate_key');
    await q.dropTable('login_throttle');
  }
}
