import { LEVEL_DEPTH, type Region, type RegionLevel } from '../../entities';
import { mayListRegion, maySeeRegion, readablePath } from '../policy/region.policy';
import { NotFoundError } from '../common/errors';
import type { TransactionalConnection } from '../data/transactional-connection';
import type { RequestContext } from '../context/request-context';
import { pathCodes } from '../data/subtree';

/** Region codes are parsed from their path, so ancestors need no recursive query. */
export function ancestorCodes(region: Region): string[] {
  return pathCodes(region.path).slice(0, -1);
}

export class RegionService {
  constructor(private readonly connection: TransactionalConnection) {}

  async byCode(ctx: RequestContext, code: string): Promise<Region | null> {
    const region = await ctx.loaders.regionByCodeLoader.load(code);
    return region && maySeeRegion(ctx.viewer, region) ? region : null;
  }

  async require(ctx: RequestContext, code: string): Promise<Region> {
    const region = await ctx.loaders.regionByCodeLoader.load(code);
    if (!region) throw new NotFoundError('region', code);
    readablePath(ctx.viewer, region.path);
    return region;
  }

  async list(ctx: RequestContext, level?: string | null, parentCode?: string | null): Promise<Region[]> {
    const rows = await this.connection.repos(ctx).regions.list(level ?? undefined, parentCode);
    return rows.filter((r) => mayListRegion(ctx.viewer, r));
  }

  async ancestors(ctx: RequestContext, region: Region): Promise<Region[]> {
    const found = await ctx.loaders.regionByCodeLoader.loadMany(ancestorCodes(region));
    return found.filter((r): r is Region => !!r && !(r instanceof Error));
  }

  parent(ctx: RequestContext, region: Region): Promise<Region | null> {
    return region.parentCode ? ctx.loaders.regionByCodeLoader.load(region.parentCode) : Promise.resolve(null);
  }

  /**
   * List sizes looked up before pricing (src/graphql/limits/list-bounds.ts): the agencies under a
   * region that the viewer may read, and the regions at a level below one. An unknown region or
   * one outside the viewer's reach lists nothing (execution then refuses it).
   */
  async agencyCountUnder(ctx: RequestContext, code: string): Promise<number> {
    const region = await ctx.loaders.regionByCodeLoader.load(code);
    if (!region || !mayListRegion(ctx.viewer, region)) return 0;
    return this.connection.repos(ctx).agencies.countUnder(readablePath(ctx.viewer, region.path));
  }

  async regionCountBelow(ctx: RequestContext, code: string, level: RegionLevel | null): Promise<number> {
    const region = await ctx.loaders.regionByCodeLoader.load(code);
    const depth = level ? LEVEL_DEPTH[level] : (region?.depth ?? 0) + 1;
    return region && depth > region.depth ? this.connection.repos(ctx).regions.countAtDepth(region.path, depth) : 0;
  }

  async children(ctx: RequestContext, region: Region): Promise<Region[]> {
    const rows = await ctx.loaders.regionChildrenByCodeLoader.load(region.code);
    return rows.filter((r) => maySeeRegion(ctx.viewer, r));
  }
}

/**
 * The region subtree a list may cover: the asked region (NOT_FOUND if unknown) narrowed to the
 * viewer's jurisdiction; null means everywhere.
 */
export async function scopedRegionPath(ctx: RequestContext, regionCode: string | null | undefined): Promise<string | null> {
  let asked: string | null = null;
  if (regionCode) {
    const region = await ctx.loaders.regionByCodeLoader.load(regionCode);
    if (!region) throw new NotFoundError('region', regionCode);
    asked = region.path;
  }
  return readablePath(ctx.viewer, asked);
}
