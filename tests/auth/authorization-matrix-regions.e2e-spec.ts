import { describeEachEngine } from '../support/test-app';
import { AUTH_ENV } from './test-accounts';
import { CITY, codeOf, COUNTY, covered, KEY, OTHER, pathOf, readable, useMatrix, YEAR } from './authorization-matrix-support';

/**
 * The authorisation matrix, what a viewer's region confines: every viewer (authorization-matrix-support.ts)
 * asks for lists and counts, lookups by id, region and agency roll-ups, comparisons and findings by region,
 * each answer held against the stored rows summed by brute force over what the viewer may read.
 */
describeEachEngine(
  'authorisation matrix: regions',
  (app) => {
    const m = useMatrix(app);
    const { ask, each } = m;

    each('lists and their counts: confined inside the statement, and never capped by the page (Hasura #1837, #7603)', async (w) => {
      const res = await ask(
        w,
        `{ agencies(first: 1) { totalCount nodes { id } } reports(filter: { year: ${YEAR} }, first: 1) { totalCount } findings(filter: { year: ${YEAR} }, first: 1) { totalCount byRule { count } } }`,
      );
      expect(res.errors).toBeUndefined();
      const p = w.path ?? '/';
      expect(res.data.agencies.totalCount).toBe(await m.b.agencies(p));
      expect(res.data.agencies.nodes).toHaveLength(1);
      expect(res.data.reports.totalCount).toBe(await m.b.reports(p));
      expect(res.data.findings.totalCount).toBe(await m.b.findings(p));
      expect(res.data.findings.byRule.reduce((s: number, r: { count: number }) => s + r.count, 0)).toBe(await m.b.findings(p));
      for (const code of [CITY, COUNTY, OTHER]) {
        const r = await ask(w, `query($c: String!) { agencies(filter: { regionCode: $c }, first: 0) { totalCount } }`, { c: code });
        const part = covered(w, pathOf(code));
        if (part === undefined) expect({ code, error: codeOf(r) }).toEqual({ code, error: 'FORBIDDEN' });
        else expect({ code, n: r.data.agencies.totalCount }).toEqual({ code, n: await m.b.agencies(part) });
      }
    });

    each('lookups by id, and nested fields', async (w) => {
      for (const id of [m.crossParent, m.crossChild, m.city.id]) {
        const [row] = await app().db.query('SELECT name, region_path FROM agency WHERE id = ?', [id]);
        const res = await ask(w, `query($id: ID!) { agency(id: $id) { name branches { id } parent { id } } }`, { id: String(id) });
        expect(res.errors).toBeUndefined();
        expect({ id, name: res.data.agency?.name ?? null }).toEqual({ id, name: readable(w, row.region_path) ? row.name : null });
      }
      const parent = (await ask(w, `{ agency(id: "${m.crossParent}") { branches { id } } }`)).data.agency;
      if (parent)
        expect(parent.branches.map((x: { id: string }) => Number(x.id))).toEqual(readable(w, pathOf(OTHER)) ? [m.crossChild] : []);
      const child = (await ask(w, `{ agency(id: "${m.crossChild}") { parent { id } } }`)).data.agency;
      // The organisational parent sits in 汶上: shown only to those who may read it.
      if (child) expect(child.parent).toEqual(readable(w, pathOf(COUNTY)) ? { id: String(m.crossParent) } : null);
    });

    each('region roll-ups: the region named, summed whole, or refused (never narrowed under its name)', async (w) => {
      for (const code of [CITY, COUNTY, OTHER]) {
        const res = await ask(
          w,
          `query($c: String!) { region(code: $c) { code rollup(year: ${YEAR}) { reportCount agencyCount v: value(key: "${KEY}") } } }`,
          { c: code },
        );
        if (!readable(w, pathOf(code))) {
          expect({ code, region: res.data?.region }).toEqual({ code, region: null });
          continue;
        }
        const s = await m.b.rollup('a.region_path LIKE ?', [`${pathOf(code)}%`]);
        expect({ code, ...res.data.region.rollup }).toEqual({
          code,
          reportCount: s.reportCount,
          agencyCount: await m.b.active(pathOf(code)),
          v: s.value,
        });
      }
      // Through `parent`: the city reached from the county is the city's figure, or nothing.
      const up = await ask(w, `{ region(code: "${COUNTY}") { parent { code rollup(year: ${YEAR}) { reportCount } } } }`);
      if (!readable(w, pathOf(COUNTY))) expect(up.data.region).toBeNull();
      else if (readable(w, pathOf(CITY)))
        expect(up.data.region.parent.rollup.reportCount).toBe((await m.b.rollup('a.region_path LIKE ?', [`${pathOf(CITY)}%`])).reportCount);
      else {
        expect(codeOf(up)).toBe('FORBIDDEN');
        expect(up.data?.region?.parent ?? null).toBeNull();
      }
    });

    each('agency roll-ups sum the members the viewer may read, as `branches` lists them', async (w) => {
      const res = await ask(
        w,
        `{ agency(id: "${m.crossParent}") { rollup(year: ${YEAR}) { reportCount agencyCount v: value(key: "${KEY}") } } }`,
      );
      if (!readable(w, pathOf(COUNTY))) return expect(res.data.agency).toBeNull();
      const members = readable(w, pathOf(OTHER)) ? [m.crossParent, m.crossChild] : [m.crossParent];
      const s = await m.b.rollup(`a.id IN (${members.join(',')})`, []);
      expect(res.data.agency.rollup).toEqual({ reportCount: s.reportCount, agencyCount: members.length, v: s.value });
    });

    each(
      'comparisons, trends and group-bys: rows labelled by what they sum; a whole-region figure refused when partly outside',
      async (w) => {
        const q = (by: string) =>
          ask(
            w,
            `{ compare(regionCode: "${CITY}", year: ${YEAR}, by: ${by}, keys: ["${KEY}"]) { regionCode agencyId reportCount values { value } } }`,
          );
        const child = await q('CHILD_REGION');
        if (!covered(w, pathOf(CITY))) expect(codeOf(child)).toBe('FORBIDDEN');
        else {
          const expected = (await m.b.children(CITY)).filter((c: string) => readable(w, pathOf(c)));
          expect(child.data.compare.map((r: { regionCode: string }) => r.regionCode).sort()).toEqual(expected);
          for (const row of child.data.compare)
            expect(row.reportCount).toBe((await m.b.rollup('a.region_path LIKE ?', [`${pathOf(row.regionCode)}%`])).reportCount);
        }
        const kind = await q('AGENCY_KIND');
        const trend = await ask(
          w,
          `{ trend(regionCode: "${CITY}", keys: ["${KEY}"], fromYear: ${YEAR}, toYear: ${YEAR}) { points { value } } }`,
        );
        const agg = await ask(
          w,
          `{ aggregate(filter: { regionCode: "${CITY}", fromYear: ${YEAR}, toYear: ${YEAR} }, groupBy: [YEAR], keys: ["${KEY}"]) { reportCount } }`,
        );
        const byRegion = await ask(
          w,
          `{ aggregate(filter: { regionCode: "${CITY}", fromYear: ${YEAR}, toYear: ${YEAR} }, groupBy: [REGION], keys: ["${KEY}"]) { regionCode reportCount } }`,
        );
        const perAgency = await q('AGENCY');
        const whole = await m.b.rollup('a.region_path LIKE ?', [`${pathOf(CITY)}%`]);
        if (readable(w, pathOf(CITY))) {
          expect(kind.data.compare.reduce((s: number, r: { reportCount: number }) => s + r.reportCount, 0)).toBe(whole.reportCount);
          expect(trend.data.trend[0].points[0].value).toBe(whole.value);
          expect(agg.data.aggregate[0].reportCount).toBe(whole.reportCount);
          expect(byRegion.data.aggregate).toHaveLength((await m.b.children(CITY)).length);
        } else if (covered(w, pathOf(CITY))) {
          for (const r of [kind, trend, agg]) expect(codeOf(r)).toBe('FORBIDDEN');
          expect(byRegion.data.aggregate.map((r: { regionCode: string }) => r.regionCode)).toEqual([
            w.path!.split('/').filter(Boolean).pop(),
          ]);
        }
        if (covered(w, pathOf(CITY))) {
          const part = covered(w, pathOf(CITY))!;
          const rows = perAgency.data.compare as Array<{ agencyId: string; reportCount: number }>;
          const ids = (await app().db.query('SELECT id FROM agency WHERE region_path LIKE ?', [`${part}%`])).map((r: { id: number }) =>
            String(r.id),
          );
          expect(rows.every((r) => ids.includes(r.agencyId))).toBe(true);
          expect(rows.reduce((s, r) => s + r.reportCount, 0)).toBe((await m.b.rollup('a.region_path LIKE ?', [`${part}%`])).reportCount);
        }
      },
    );

    each('findings by region, consolidation checks and compliance name what they count', async (w) => {
      const res = await ask(
        w,
        `{ findings(filter: { regionCode: "${CITY}", year: ${YEAR} }) { totalCount byRegion { key count } } region(code: "${COUNTY}") { consolidationCheck(year: ${YEAR}) { regionCode } } compliance(regionCode: "${CITY}", year: ${YEAR}) { region { code } coveredRegion { code } totals { expected } } }`,
      );
      if (!covered(w, pathOf(CITY))) return;
      const part = covered(w, pathOf(CITY))!;
      expect(res.data.findings.totalCount).toBe(await m.b.findings(part));
      for (const r of res.data.findings.byRegion) {
        expect(readable(w, pathOf(r.key))).toBe(true);
        expect(r.count).toBe(await m.b.findings(pathOf(r.key)));
      }
      expect(res.data.compliance.region.code).toBe(CITY);
      expect(res.data.compliance.coveredRegion.code).toBe(part.split('/').filter(Boolean).pop());
      if (res.data.region) for (const f of res.data.region.consolidationCheck) expect(readable(w, pathOf(f.regionCode))).toBe(true);
    });
  },
  { seed: true, env: AUTH_ENV },
);
