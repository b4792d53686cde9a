import { In } from 'typeorm';
import { engineOf, type Db } from './engine';
import { Finding } from '../../entities';
import type { Finding as CheckFinding } from '../checks';
import { sqlInt, sqlString } from './sql-literal';
import { deferWrite } from './write-batch';
import { inSubtree } from './subtree';

export interface FindingQuery {
  regionPath?: string | null;
  year?: number | null;
  rule?: string | null;
  severity?: string | null;
  status?: string | null;
  review?: string | null;
  afterId?: number | null;
  limit: number;
}

export class FindingRepository {
  constructor(private readonly db: Db) {}

  private get repo() {
    return this.db.getRepository(Finding);
  }

  async insertFor(reportId: number, findings: CheckFinding[]): Promise<void> {
    const rows = findings.map((f) => ({
      reportId,
      rule: f.rule,
      severity: f.severity,
      status: f.status,
      cells: JSON.stringify(f.cells),
      expected: f.expected === null ? null : String(f.expected),
      actual: f.actual === null ? null : String(f.actual),
      message: f.message.slice(0, 1000),
    }));
    // One multi-row INSERT (per 500 findings); nothing is read back (review takes its default).
    const engine = engineOf(this.db);
    const s = (v: string | null) => sqlString(engine, v);
    for (let i = 0; i < rows.length; i += 500) {
      const chunk = rows.slice(i, i + 500);
      if (engine === 'mysql') {
        // Literal values (escaped), as report cells: see ReportRepository.insertCells.
        await deferWrite(this.db, `INSERT INTO finding (report_id, rule, severity, status, cells, expected, actual, message) VALUES ${chunk.map((r) => `(${sqlInt(r.reportId)}, ${s(r.rule)}, ${s(r.severity)}, ${s(r.status)}, ${s(r.cells)}, ${s(r.expected)}, ${s(r.actual)}, ${s(r.message)})`).join(', ')}`);
        continue;
      }
      await this.db.query(
        `INSERT INTO finding (report_id, rule, severity, status, cells, expected, actual, message) VALUES ${chunk.map(() => '(?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
        chunk.flatMap((r) => [r.reportId, r.rule, r.severity, r.status, r.cells, r.expected, r.actual, r.message]),
      );
    }
  }

  async deleteRule(reportIds: number[], rule: string): Promise<void> {
    if (reportIds.length) await this.repo.delete({ reportId: In(reportIds), rule });
  }

  byId(id: number): Promise<Finding | null> {
    return this.repo.findOneBy({ id });
  }

  save(f: Finding): Promise<Finding> {
    return this.repo.save(f);
  }

  /** Findings of the latest published revisions matching the filter: a page, the total, and counts by rule and by agency region path. */
  private base(q: FindingQuery) {
    const qb = this.repo
      .createQueryBuilder('f')
      .innerJoin('report', 'r', 'r.id = f.report_id AND r.published_current = :pub', { pub: true })
      .innerJoin('agency', 'a', 'a.id = r.agency_id');
    if (q.regionPath) qb.andWhere(...inSubtree('a.region_path', q.regionPath));
    if (q.year != null) qb.andWhere('r.year = :year', { year: q.year });
    if (q.rule) qb.andWhere('f.rule = :rule', { rule: q.rule });
    if (q.severity) qb.andWhere('f.severity = :severity', { severity: q.severity });
    if (q.status) qb.andWhere('f.status = :status', { status: q.status });
    if (q.review) qb.andWhere('f.review = :review', { review: q.review });
    return qb;
  }

  async page(q: FindingQuery) {
    const pageQb = this.base(q).orderBy('f.id', 'ASC').take(q.limit + 1);
    if (q.afterId != null) pageQb.andWhere('f.id > :afterId', { afterId: q.afterId });
    const [rows, total, byRule, byPath] = await Promise.all([
      pageQb.getMany(),
      this.base(q).getCount(),
      this.base(q).select('f.rule', 'key').addSelect('COUNT(*)', 'n').groupBy('f.rule').orderBy('f.rule').getRawMany<{ key: string; n: string | number }>(),
      this.base(q).select('a.region_path', 'key').addSelect('COUNT(*)', 'n').groupBy('a.region_path').getRawMany<{ key: string; n: string | number }>(),
    ]);
    return { rows, total, byRule, byPath };
  }
}
