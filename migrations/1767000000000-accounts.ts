import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

/** Accounts and their API tokens, on both engines from one definition. */
export class Accounts1767000000000 implements MigrationInterface {
  name = 'Accounts1767000000000';

  async up(q: QueryRunner): Promise<void> {
    const stamp = (name: string, isNullable = false) => ({ name, type: 'varchar', length: '30', isNullable });
    await q.createTable(
      new Table({
        name: 'user_account',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'name', type: 'varchar', length: '100' },
          { name: 'role', type: 'varchar', length: '12' },
          { name: 'region_code', type: 'varchar', length: '12', isNullable: true },
          { name: 'agency_id', type: 'int', isNullable: true },
          { name: 'password_hash', type: 'varchar', length: '255' },
          { name: 'disabled', type: 'boolean', default: false },
          stamp('created_at'),
        ],
        indices: [{ name: 'uq_user_account_name', columnNames: ['name'], isUnique: true }],
        foreignKeys: [
          { columnNames: ['region_code'], referencedTableName: 'region', referencedColumnNames: ['code'] },
          { columnNames: ['agency_id'], referencedTableName: 'agency', referencedColumnNames: ['id'] },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'api_token',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'user_id', type: 'int' },
          { name: 'name', type: 'varchar', length: '100' },
          { name: 'prefix', type: 'varchar', length: '16' },
          { name: 'token_hash', type: 'varchar', length: '64' },
          stamp('created_at'),
          stamp('expires_at', true),
          stamp('last_used_at', true),
          stamp('revoked_at', true),
        ],
        indices: [
          { name: 'uq_api_token_hash', columnNames: ['token_hash'], isUnique: true },
          { name: 'idx_api_token_prefix', columnNames: ['prefix'] },
          { name: 'idx_api_token_user', columnNames: ['user_id'] },
        ],
        foreignKeys: [{ columnNames: ['user_id'], referencedTableName: 'user_account', referencedColumnNames: ['id'] }],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('api_token');
    await q.dropTable('user_account');
  }
}
