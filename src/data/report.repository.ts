import { In } from 'typeorm';
import { engineOf, type Db } from './engine';
import { Finding, Report, ReportCell, ReportNarrative } from '../../entities';
import type { ReportScope } from '../../entities/report.entity';
import { encodeCellSource } from '../../entities/cell-source.transformer';
import { canonical } from '../shared/decimal';
import { EntitySql } from './entity-sql';
import { insertRows } from './write-batch';
import { inSubtree } from './subtree';
import {
  hangsOffReadable,
  latestVisible,
  PUBLISHED_ONLY,
  readableLatest,
  readableRevisions,
  visibleRevisions,
  type ReportReader,
  type ReportVisibility,
} from './report-visibility';

/** Rows per multi-row INSERT: 5 parameters a cell stay far below either engine's limit. */
const CELL_ROWS = 1000;

export interface ReportQuery {
  agencyId?: number | null;
  regionPath?: string | null;
  year?: number | null;
  fromYear?: number | null;
  toYear?: number | null;
  edition?: string | null;
  scope?: ReportScope | null;
  currentOnly: boolean;
  /** Whose view: the revisions it may see, and which one is "the report" of a series (src/data/report-visibility.ts). */
  visibility?: ReportVisibility;
  afterId?: number | null;
  limit: number;
}

/** Report metadata without the (large) source text; that is loaded only when asked for. */
const LIST_COLUMNS: (keyof Report)[] = [
  'id',
  'agencyId',
  'year',
  'edition',
  'scope',
  'revision',
  'current',
  'state',
  'publishedCurrent',
  'reason',
  'returnComment',
  'returnedFindings',
  'title',
  'period',
  'publishedOn',
  'sourceFormat',
  'sourceName',
  'sourceHash',
  'importedAt',
];
const REPORT_SQL = new EntitySql(Report);
const NARRATIVE_SQL = new EntitySql(ReportNarrative);
const LIST_SELECT = Object.fromEntries(LIST_COLUMNS.map((c) => [c, true])) as Record<keyof Report, true>;

export class ReportRepository {
  constructor(private readonly db: Db) {}

  private get repo() {
    return this.db.getRepository(Report);
  }

  /** "The report" of each series of the given agencies as `reader` sees it; all years unless `year` is given. */
  latestOf(agencyIds: readonly number[], year: number | undefined, reader: ReportReader): Promise<Report[]> {
    const qb = this.listQb()
      .where('r.agency_id IN (:...ids)', { ids: [...agencyIds] })
      .andWhere(...readableLatest(reader));
    if (year !== undefined) qb.andWhere('r.year = :year', { year });
    return qb.orderBy('r.year', 'DESC').addOrderBy('r.id', 'ASC').getMany();
  }

  /** Reports by id, only those `reader` may read. */
  readableByIds(ids: readonly number[], reader: ReportReader): Promise<Report[]> {
    const qb = this.listQb().where('r.id IN (:...ids)', { ids: [...ids] });
    const clause = readableRevisions(reader);
    if (clause) qb.andWhere(...clause);
    return qb.getMany();
  }

  private listQb() {
    return this.repo.createQueryBuilder('r').select(LIST_COLUMNS.map((c) => `r.${c}`));
  }

  /** Every import asks this first: a plain statement (src/data/entity-sql.ts). */
  revisionsOf(agencyId: number, year: number, scope: ReportScope): Promise<Report[]> {
    return REPORT_SQL.select(this.db, 'agency_id = ? AND year = ? AND scope = ?', [agencyId, year, scope], {
      columns: LIST_COLUMNS,
      orderBy: 'revision',
    });
  }

  /** Every revision `reader` may read of several (agency, year, scope) series in one statement, oldest first. */
  revisionsOfMany(agencyIds: readonly number[], years: readonly number[], reader: ReportReader): Promise<Report[]> {
    const qb = this.listQb()
      .where('r.agency_id IN (:...ids)', { ids: [...agencyIds] })
      .andWhere('r.year IN (:...years)', { years: [...years] });
    const clause = readableRevisions(reader);
    if (clause) qb.andWhere(...clause);
    return qb.orderBy('r.revision', 'ASC').getMany();
  }

  /**
   * The current revisions of a series in the given years with their cell values, in one statement
   * (the carry-over check reads the year before and the year after).
   */
  async currentValuesIn(
    agencyId: number,
    years: number[],
    scope: ReportScope,
  ): Promise<Map<number, { report: Pick<Report, 'id' | 'edition'>; values: Record<string, string | null> }>> {
    const out = new Map<number, { report: Pick<Report, 'id' | 'edition'>; values: Record<string, string | null> }>();
    if (!years.length) return out;
    const rows: Array<{ id: number; year: number; edition: string; cell_key: string | null; value: string | number | null }> =
      await this.db.query(
        `SELECT r.id, r.year, r.edition, c.cell_key, c.value FROM report r LEFT JOIN report_cell c ON c.report_id = r.id
        WHERE r.agency_id = ? AND r.scope = ? AND r.current = 1 AND r.year IN (${years.map(() => '?').join(', ')})`,
        [agencyId, scope, ...years],
      );
    for (const r of rows) {
      const year = Number(r.year);
      let e = out.get(year);
      if (!e) out.set(year, (e = { report: { id: Number(r.id), edition: r.edition }, values: {} }));
      if (r.cell_key !== null) e.values[r.cell_key] = canonical(r.value);
    }
    return out;
  }

  /** The current revision of a series with its cell values (the carry-over check reads the neighbouring years). */
  async currentValues(
    agencyId: number,
    year: number,
    scope: ReportScope,
  ): Promise<{ report: Report; values: Record<string, string | null> } | null> {
    const report = await this.repo.findOne({ select: { id: true, edition: true }, where: { agencyId, year, scope, current: true } });
    if (!report) return null;
    const cells = await this.cellsOf([report.id]);
    return { report, values: Object.fromEntries(cells.map((c) => [c.key, c.value])) };
  }

  /** A new revision; the caller supersedes the previous one first (one current revision per series). */
  async insert(report: Omit<Report, 'id' | 'importedAt'>): Promise<Report> {
    const [saved] = await REPORT_SQL.insert(this.db, [report], ['id', 'importedAt']);
    return saved;
  }

  async supersede(id: number): Promise<void> {
    await this.repo.update({ id }, { current: false });
  }

  /** A revision's workflow state (and what goes with it), in the caller's transaction. */
  async setState(
    id: number,
    patch: Partial<Pick<Report, 'state' | 'publishedCurrent' | 'returnComment' | 'returnedFindings'>>,
  ): Promise<void> {
    await this.repo.update({ id }, patch);
  }

  /** The series' latest published revision, if any (the one roll-ups hold). */
  publishedCurrentOf(agencyId: number, year: number, scope: ReportScope): Promise<Report | null> {
    return this.repo.findOne({ select: LIST_SELECT, where: { agencyId, year, scope, publishedCurrent: true } });
  }

  /**
   * A revision `reader` may read, with a row lock on MariaDB (SQLite serialises writers): two
   * transitions of one report never interleave, and one the reader may not see is never touched.
   */
  async lockById(id: number, reader: ReportReader): Promise<Report | null> {
    const qb = this.listQb().where('r.id = :id', { id });
    const clause = readableRevisions(reader);
    if (clause) qb.andWhere(...clause);
    if (engineOf(this.db) === 'mysql') qb.setLock('pessimistic_write');
    return qb.getOne();
  }

  /** A report's cells in one multi-row INSERT (per 1,000 cells), provenance as compact JSON. */
  async insertCells(
    cells: Array<Pick<ReportCell, 'reportId' | 'key' | 'value' | 'raw'> & { source?: ReportCell['source'] }>,
  ): Promise<void> {
    const rows = cells.map((c) => [c.reportId, c.key, c.value, c.raw, encodeCellSource(c.source)]);
    await insertRows(this.db, 'report_cell', ['report_id', 'cell_key', 'value', 'raw', 'source'], rows, CELL_ROWS, {
      reportId: cells[0]?.reportId ?? null,
      keyColumn: 1,
    });
  }

  async insertNarratives(narratives: Array<Omit<ReportNarrative, 'id'>>): Promise<void> {
    await NARRATIVE_SQL.insert(this.db, narratives, [], { keys: narratives.map((n) => `第 ${n.section} 部分`) });
  }

  /** The file's text as read, if `reader` may read the revision ('' otherwise). */
  async sourceText(id: number, reader: ReportReader): Promise<string> {
    const qb = this.repo.createQueryBuilder('r').select(['r.id', 'r.sourceText']).where('r.id = :id', { id });
    const clause = readableRevisions(reader);
    if (clause) qb.andWhere(...clause);
    return (await qb.getOne())?.sourceText ?? '';
  }

  /** Cells of revisions written in the caller's transaction (write paths: publication, checks); reads go through readableCellsOf. */
  cellsOf(reportIds: readonly number[]): Promise<ReportCell[]> {
    return this.db.getRepository(ReportCell).find({ where: { reportId: In([...reportIds]) } });
  }

  /** Findings of a revision the caller has already found (filings, returns: inside their transaction); reads go through readableFindingsOf. */
  findingsOf(reportIds: readonly number[]): Promise<Finding[]> {
    return this.db.getRepository(Finding).find({ where: { reportId: In([...reportIds]) }, order: { id: 'ASC' } });
  }

  /** Rows of `entity` hanging off the given reports that `reader` may read, in one statement. */
  private readableOf<T extends object>(entity: new () => T, reportIds: readonly number[], reader: ReportReader, orderBy?: string) {
    const qb = this.db
      .getRepository(entity)
      .createQueryBuilder('x')
      .where('x.report_id IN (:...ids)', { ids: [...reportIds] });
    const clause = hangsOffReadable('x.report_id', reader);
    if (clause) qb.andWhere(...clause);
    if (orderBy) qb.orderBy(orderBy, 'ASC');
    return qb.getMany();
  }

  readableCellsOf(reportIds: readonly number[], reader: ReportReader): Promise<ReportCell[]> {
    return this.readableOf(ReportCell, reportIds, reader);
  }

  readableNarrativesOf(reportIds: readonly number[], reader: ReportReader): Promise<ReportNarrative[]> {
    return this.readableOf(ReportNarrative, reportIds, reader, 'x.section');
  }

  readableFindingsOf(reportIds: readonly number[], reader: ReportReader): Promise<Finding[]> {
    return this.readableOf(Finding, reportIds, reader, 'x.id');
  }

  private filtered(q: Omit<ReportQuery, 'afterId' | 'limit'>) {
    const qb = this.listQb();
    const visibility = q.visibility ?? PUBLISHED_ONLY;
    const clause = q.currentOnly ? latestVisible(visibility) : visibleRevisions(visibility);
    if (clause) qb.andWhere(...clause);
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
    const pageQb = this.filtered(q)
      .orderBy('r.id', 'ASC')
      .take(q.limit + 1);
    if (q.afterId != null) pageQb.andWhere('r.id > :afterId', { afterId: q.afterId });
    const [rows, total] = await Promise.all([pageQb.getMany(), this.filtered(q).getCount()]);
    return { rows, total };
  }
}
