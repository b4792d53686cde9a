import { readFileSync } from 'fs';
import { join } from 'path';
import type { Region } from '../entities';
import type { App } from '../src/app';
import { SYSTEM } from '../src/auth/viewer';
import type { TransactionalConnection } from '../src/data/transactional-connection';
import { createRequestContext } from '../src/context/request-context';
import { regionsFromChinaDivision } from './regions.seed';

export const SEED_REPORT = join(__dirname, '000_1dfd185abb919a16.txt');

/** The sample report's chain: the Jining city centre and its Wenshang branch. */
export const SEED_AGENCIES = [
  { name: '济宁市公共资源交易服务中心', kind: 'PUBLIC_INSTITUTION', regionCode: '370800', parent: null },
  { name: '济宁市公共资源交易服务中心汶上分中心', kind: 'BRANCH_CENTRE', regionCode: '370830', parent: '济宁市公共资源交易服务中心' },
] as const;

/** Regions under each prefix, each region once, parents before children. */
export async function seedRegions(connection: TransactionalConnection, ...prefixes: string[]): Promise<number> {
  const byCode = new Map<string, Region>();
  for (const p of prefixes) for (const r of regionsFromChinaDivision(p)) byCode.set(r.code, r);
  const regions = [...byCode.values()].sort((a, b) => a.depth - b.depth || a.code.localeCompare(b.code));
  const repos = connection.repos();
  await repos.regions.insertMany(regions);
  await repos.dataVersions.bump();
  return regions.length;
}

export async function seedAgencies(connection: TransactionalConnection): Promise<void> {
  const repos = connection.repos();
  const ids = new Map<string, number>();
  for (const a of SEED_AGENCIES) {
    const [region] = await repos.regions.byCodes([a.regionCode]);
    if (!region) throw new Error(`seed agency ${a.name}: region ${a.regionCode} is not loaded`);
    const saved = await repos.agencies.insert({
      name: a.name,
      kind: a.kind,
      regionCode: region.code,
      regionPath: region.path,
      parentId: a.parent ? ids.get(a.parent)! : null,
    });
    ids.set(a.name, saved.id);
  }
  await repos.dataVersions.bump();
}

/** First start on an empty database: regions, the seed agencies, and the sample report. */
export async function seedIfEmpty(app: Pick<App, 'connection' | 'services'>, prefix = '37'): Promise<boolean> {
  if ((await app.connection.repos().regions.count()) > 0) return false;
  // The seed chain's city is always loaded, whatever else REGION_SEED asks for.
  await seedRegions(app.connection, prefix, '3708');
  await seedAgencies(app.connection);
  await app.services.imports.importReport(createRequestContext(app.connection, SYSTEM), {
    bytes: readFileSync(SEED_REPORT),
    fileName: 'seeds/000_1dfd185abb919a16.txt',
  });
  return true;
}
