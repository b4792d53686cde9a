import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The prose of one section (一 总体情况, 五 问题及改进, 六 其他 …) as published. */
@Entity('report_narrative')
export class ReportNarrative {
  @PrimaryColumn({ name: 'report_id', type: 'int' })
  reportId: number;

  @PrimaryColumn({ type: 'int' })
  section: number;

  @Column({ type: 'varchar', length: 300 })
  heading: string;

  @Column({ type: 'text' })
  text: string;
}
