import { In } from 'typeorm';
import type { Db } from './engine';
import { Region } from '../../entities';
import { EntitySql } from './entity-sql';
import { subtreeRange } from './subtree';

const REGION_SQL = new EntitySql(Region);

export class RegionRepository {
  constructor(private readonly db: Db) {}

  private get repo() {
    return this.db.getRepository(Region);
  }

  byCodes(codes: readonly string[]): Promise<Region[]> {
    if (!codes.length) return Promise.resolve([]);
    return REGION_SQL.select(this.db, `code IN (${codes.map(() => '?').join(', ')})`, [...codes]);
  }

  childrenOf(codes: readonly string[]): Promise<Region[]> {
    return this.repo.find({ where: { parentCode: In([...codes]) }, order: { code: 'ASC' } });
  }

  list(level?: string, parentCode?: string | null): Promise<Region[]> {
    const where: Record<string, unknown> = {};
    if (level) where.level = level;
    if (parentCode) where.parentCode = parentCode;
    if (!level && !parentCode) where.depth = 1;
    return this.repo.find({ where, order: { code: 'ASC' } });
  }

  /** Every region code held: the generator inserts only the regions missing. */
  async codes(): Promise<Set<string>> {
    return new Set((await this.repo.find({ select: { code: true } })).map((r) => r.code));
  }

  count(): Promise<number> {
    return this.repo.count();
  }

  /** Regions at `depth` in the subtree of `path` (an index range on path): the groups a group-by region can have. */
  countAtDepth(path: string, depth: number): Promise<number> {
    const [lo, hi] = subtreeRange(path);
    return this.repo.createQueryBuilder('r').where('r.path >= :lo AND r.path < :hi AND r.depth = :depth', { lo, hi, depth }).getCount();
  }

  async insertMany(regions: Region[]): Promise<void> {
    for (let i = 0; i < regions.length; i += 500) await this.repo.insert(regions.slice(i, i + 500));
  }
}
