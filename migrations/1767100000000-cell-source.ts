import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Where each cell was read (page and position, line, or table/row/cell), as compact JSON: about
 * 30 bytes a cell, null for cells read before provenance was kept and for cells the source does
 * not print.
 */
export class CellSource1767100000000 implements MigrationInterface {
  name = 'CellSource1767100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('report_cell', new TableColumn({ name: 'source', type: 'varchar', length: '200', isNullable: true }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('report_cell', 'source');
  }
}
