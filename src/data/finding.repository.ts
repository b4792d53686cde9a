import { In } from 'typeorm';
import type { Db } from './engine';
import { Finding } from '../../entities';
import type { Finding as CheckFinding } from '../shared/checks';
import { insertRows } from './write-batch';
import { hangsOffReadable, type ReportReader } from './report-visibility';
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
    const rows = findings.map((f) => [
      reportId,
      f.rule,
      f.severity,
      f.status,
      JSON.stringify(f.cells),
      f.expected === null ? null : String(f.expected),
      f.actual === null ? null : String(f.actual),
      f.message.slice(0, 1000),
    ]);
    // Multi-row INSERTs (500 findings each); nothing is read back (review takes its default).
    await insertRows(this.db, 'finding', ['report_id', 'rule', 'severity', 'status', 'cells', 'expected', 'actual', 'message'], rows, 500, {
      reportId,
      keyColumn: 1,
    });
  }

  async deleteRule(reportIds: number[], rule: string): Promise<void> {
    if (reportIds.length) await this.repo.delete({ reportId: In(reportIds), rule });
  }

  /** A finding by id, if `reader` may read its report (src/data/report-visibility.ts); null otherwise, as for no such id. */
  readableById(id: number, reader: ReportReader): Promise<Finding | null> {
    const qb = this.repo.createQueryBuilder('f').where('f.id = :id', { id });
    const clause = hangsOffReadable('f.report_id', reader);
    if (clause) qb.andWhere(...clause);
    return qb.getOne();
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
    const pageQb = this.base(q)
      .orderBy('f.id', 'ASC')
      .take(q.limit + 1);
    if (q.afterId != null) pageQb.andWhere('f.id > :afterId', { afterId: q.afterId });
    const [rows, total, byRule, byPath] = await Promise.all([
      pageQb.getMany(),
      this.base(q).getCount(),
      this.base(q)
        .select('f.rule', 'key')
        .addSelect('COUNT(*)', 'n')
        .groupBy('f.rule')
        .orderBy('f.rule')
        .getRawMany<{ key: string; n: string | number }>(),
      this.base(q)
        .select('a.region_path', 'key')
        .addSelect('COUNT(*)', 'n')
        .groupBy('a.region_path')
        .getRawMany<{ key: string; n: string | number }>(),
    ]);
    return { rows, total, byRule, byPath };
  }
}
