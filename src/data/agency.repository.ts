import { Brackets, In } from 'typeorm';
import { engineOf, type Db } from './engine';
import { Agency } from '../../entities';
import { EntitySql } from './entity-sql';
import { inSubtree } from './subtree';

const AGENCY_SQL = new EntitySql(Agency);

export interface AgencyQuery {
  nameContains?: string | null;
  regionPath?: string | null;
  kind?: string | null;
  parentId?: number | null;
  afterId?: number | null;
  limit: number;
}

/** Escapes LIKE wildcards so that a name search is a plain substring match ('!' escapes on both engines). */
export function likeEscape(s: string): string {
  return s.replace(/[!%_]/g, (c) => '!' + c);
}

export class AgencyRepository {
  constructor(private readonly db: Db) {}

  private get repo() {
    return this.db.getRepository(Agency);
  }

  byIds(ids: readonly number[]): Promise<Agency[]> {
    return this.repo.find({ where: { id: In([...ids]) } });
  }

  /**
   * The agency, its row locked for the transaction on MariaDB (SQLite has one writer at a time):
   * two filings for one agency are serialised, so revision numbers never collide.
   */
  lockById(id: number): Promise<Agency | null> {
    const qb = this.repo.createQueryBuilder('a').where('a.id = :id', { id });
    if (engineOf(this.db) === 'mysql') qb.setLock('pessimistic_write');
    return qb.getOne();
  }

  childrenOf(parentIds: readonly number[]): Promise<Agency[]> {
    return this.repo.find({ where: { parentId: In([...parentIds]) }, order: { id: 'ASC' } });
  }

  /** Every import asks this: a plain statement (src/data/entity-sql.ts). */
  byName(name: string): Promise<Agency[]> {
    return AGENCY_SQL.select(this.db, 'name = ?', [name], { orderBy: 'id' });
  }

  private filtered(q: Omit<AgencyQuery, 'afterId' | 'limit'>) {
    const qb = this.repo.createQueryBuilder('a');
    if (q.nameContains) qb.andWhere("a.name LIKE :name ESCAPE '!'", { name: `%${likeEscape(q.nameContains)}%` });
    if (q.regionPath) qb.andWhere(...inSubtree('a.region_path', q.regionPath));
    if (q.kind) qb.andWhere('a.kind = :kind', { kind: q.kind });
    if (q.parentId != null) qb.andWhere('a.parent_id = :parentId', { parentId: q.parentId });
    return qb;
  }

  /** Agencies in the subtree of `path`: the rows a comparison by agency can have. */
  countUnder(path: string | null): Promise<number> {
    return this.filtered({ regionPath: path }).getCount();
  }

  /** One page in id order (plus one row to tell whether more follow) and the total; keyset pagination keeps deep pages cheap. */
  async page(q: AgencyQuery): Promise<{ rows: Agency[]; total: number }> {
    const pageQb = this.filtered(q)
      .orderBy('a.id', 'ASC')
      .take(q.limit + 1);
    if (q.afterId != null) pageQb.andWhere(new Brackets((b) => b.where('a.id > :afterId', { afterId: q.afterId })));
    const [rows, total] = await Promise.all([pageQb.getMany(), this.filtered(q).getCount()]);
    return { rows, total };
  }

  /** A new agency, read back whole (id and defaults) in the same statement. */
  async insert(agency: Partial<Agency>): Promise<Agency> {
    const [saved] = await AGENCY_SQL.insert(
      this.db,
      [agency],
      ['id', 'name', 'kind', 'regionCode', 'regionPath', 'parentId', 'exempt', 'active'],
    );
    return saved;
  }
}
