import { In } from 'typeorm';
import type { Db } from './engine';
import { Finding, Report, ReportCell, ReportNarrative } from '../../entities';
import type { ReportScope } from '../../entities/report.entity';
import { inSubtree } from './subtree';

export interface ReportQuery {
  agencyId?: number | null;
  regionPath?: string | null;
  year?: number | null;
  fromYear?: number | null;
  toYear?: number | null;
  edition?: string | null;
  scope?: ReportScope | null;
  currentOnly: boolean;
  afterId?: number | null;
  limit: number;
}

/** Report metadata without the (large) source text; that is loaded only when asked for. */
const LIST_COLUMNS: (keyof Report)[] = [
  'id', 'agencyId', 'year', 'edition', 'scope', 'revision', 'current', 'title', 'period', 'publishedOn',
  'sourceFormat', 'sourceName', 'sourceHash', 'importedAt',
];
const LIST_SELECT = Object.fromEntries(LIST_COLUMNS.map((c) => [c, true])) as Record<keyof Report, true>;

export class ReportRepository {
  constructor(private readonly db: Db) {}

  private get repo() {
    return this.db.getRepository(Report);
  }

  byIds(ids: readonly number[]): Promise<Report[]> {
    return this.repo.find({ select: LIST_SELECT, where: { id: In([...ids]) } });
  }

  /** Current revisions of the given agencies; all years unless `year` is given. */
  currentOf(agencyIds: readonly number[], year?: number): Promise<Report[]> {
    return this.repo.find({
      select: LIST_SELECT,
      where: { agencyId: In([...agencyIds]), current: true, ...(year !== undefined ? { year } : {}) },
      order: { year: 'DESC', id: 'ASC' },
    });
  }

  revisionsOf(agencyId: number, year: number, scope: ReportScope): Promise<Report[]> {
    return this.repo.find({
      select: LIST_SELECT,
      where: { agencyId, year, scope },
      order: { revision: 'ASC' },
    });
  }

  /** Every revision of several (agency, year, scope) series in one statement, oldest first. */
  revisionsOfMany(agencyIds: readonly number[], years: readonly number[]): Promise<Report[]> {
    return this.repo.find({ select: LIST_SELECT, where: { agencyId: In([...agencyIds]), year: In([...years]) }, order: { revision: 'ASC' } });
  }

  /** The current revision of a series with its cell values (the carry-over check reads the neighbouring years). */
  async currentValues(agencyId: number, year: number, scope: ReportScope): Promise<{ report: Report; values: Record<string, string | null> } | null> {
    const report = await this.repo.findOne({ select: { id: true, edition: true }, where: { agencyId, year, scope, current: true } });
    if (!report) return null;
    const cells = await this.cellsOf([report.id]);
    return { report, values: Object.fromEntries(cells.map((c) => [c.key, c.value])) };
  }

  /** A new revision; the caller supersedes the previous one first (one current revision per series). */
  insert(report: Omit<Report, 'id' | 'importedAt'>): Promise<Report> {
    return this.repo.save(this.repo.create(report));
  }

  async supersede(id: number): Promise<void> {
    await this.repo.update({ id }, { current: false });
  }

  async insertCells(cells: Array<Pick<ReportCell, 'reportId' | 'key' | 'value' | 'raw'>>): Promise<void> {
    for (let i = 0; i < cells.length; i += 250) await this.db.getRepository(ReportCell).insert(cells.slice(i, i + 250));
  }

  async insertNarratives(narratives: Array<Omit<ReportNarrative, 'id'>>): Promise<void> {
    if (narratives.length) await this.db.getRepository(ReportNarrative).insert(narratives);
  }

  async sourceText(id: number): Promise<string> {
    const r = await this.repo.findOne({ select: { id: true, sourceText: true }, where: { id } });
    return r?.sourceText ?? '';
  }

  cellsOf(reportIds: readonly number[]): Promise<ReportCell[]> {
    return this.db.getRepository(ReportCell).find({ where: { reportId: In([...reportIds]) } });
  }

  narrativesOf(reportIds: readonly number[]): Promise<ReportNarrative[]> {
    return this.db.getRepository(ReportNarrative).find({ where: { reportId: In([...reportIds]) }, order: { section: 'ASC' } });
  }

  findingsOf(reportIds: readonly number[]): Promise<Finding[]> {
    return this.db.getRepository(Finding).find({ where: { reportId: In([...reportIds]) }, order: { id: 'ASC' } });
  }

  private filtered(q: Omit<ReportQuery, 'afterId' | 'limit'>) {
    const qb = this.repo.createQueryBuilder('r').select(LIST_COLUMNS.map((c) => `r.${c}`));
    if (q.currentOnly) qb.andWhere('r.current = :cur', { cur: true });
    if (q.agencyId != null) qb.andWhere('r.agency_id = :agencyId', { agencyId: q.agencyId });
    if (q.year != null) qb.andWhere('r.year = :year', { year: q.year });
    if (q.fromYear != null) qb.andWhere('r.year >= :fromYear', { fromYear: q.fromYear });
    if (q.toYear != null) qb.andWhere('r.year <= :toYear', { toYear: q.toYear });
    if (q.edition) qb.andWhere('r.edition = :edition', { edition: q.edition });
    if (q.scope) qb.andWhere('r.scope = :scope', { scope: q.scope });
    if (q.regionPath) {
      const [cond, params] = inSubtree('a.region_path', q.regionPath);
      qb.andWhere(`r.agency_id IN (SELECT a.id FROM agency a WHERE ${cond})`, params);
    }
    return qb;
  }

  async page(q: ReportQuery): Promise<{ rows: Report[]; total: number }> {
    const pageQb = this.filtered(q).orderBy('r.id', 'ASC').take(q.limit + 1);
    if (q.afterId != null) pageQb.andWhere('r.id > :afterId', { afterId: q.afterId });
    const [rows, total] = await Promise.all([pageQb.getMany(), this.filtered(q).getCount()]);
    return { rows, total };
  }
}
