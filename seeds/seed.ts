import { readFileSync } from 'fs';
import { join } from 'path';
import type { DataSource } from 'typeorm';
import { Agency, Region } from '../entities';
import { SYSTEM } from '../src/auth/viewer';
import { DataVersionRepository } from '../src/data/data-version.repository';
import { createRequestContext } from '../src/graphql/request-context';
import type { ImportService } from '../src/services/import.service';
import { regionsFromChinaDivision } from './regions.seed';

export const SEED_REPORT = join(__dirname, '000_1dfd185abb919a16.txt');

/** The sample report's chain: the Jining city centre and its Wenshang branch. */
const SEED_AGENCIES = [
  { name: '济宁市公共资源交易服务中心', kind: 'PUBLIC_INSTITUTION', regionCode: '370800', parent: null },
  { name: '济宁市公共资源交易服务中心汶上分中心', kind: 'BRANCH_CENTRE', regionCode: '370830', parent: '济宁市公共资源交易服务中心' },
] as const;

/** Regions under each prefix, each region once, parents before children. */
export async function seedRegions(db: DataSource, ...prefixes: string[]): Promise<number> {
  const byCode = new Map<string, Region>();
  for (const p of prefixes) for (const r of regionsFromChinaDivision(p)) byCode.set(r.code, r);
  const regions = [...byCode.values()].sort((a, b) => a.depth - b.depth || a.code.localeCompare(b.code));
  const repo = db.getRepository(Region);
  for (let i = 0; i < regions.length; i += 500) await repo.insert(regions.slice(i, i + 500));
  await new DataVersionRepository(db).bump();
  return regions.length;
}

export async function seedAgencies(db: DataSource): Promise<void> {
  const repo = db.getRepository(Agency);
  const ids = new Map<string, number>();
  for (const a of SEED_AGENCIES) {
    const region = await db.getRepository(Region).findOneByOrFail({ code: a.regionCode });
    const saved = await repo.save(
      repo.create({ name: a.name, kind: a.kind, regionCode: region.code, regionPath: region.path, parentId: a.parent ? ids.get(a.parent)! : null }),
    );
    ids.set(a.name, saved.id);
  }
  await new DataVersionRepository(db).bump();
}

/** First start on an empty database: regions, the seed agencies, and the sample report. */
export async function seedIfEmpty(db: DataSource, importer: ImportService, prefix = '37'): Promise<boolean> {
  if ((await db.getRepository(Region).count()) > 0) return false;
  // The seed chain's city is always loaded, whatever else REGION_SEED asks for.
  await seedRegions(db, prefix, '3708');
  await seedAgencies(db);
  await importer.importReport(createRequestContext(db, SYSTEM), { bytes: readFileSync(SEED_REPORT), fileName: 'seeds/000_1dfd185abb919a16.txt' });
  return true;
}
