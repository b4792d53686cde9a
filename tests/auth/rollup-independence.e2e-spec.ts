import fc from 'fast-check';
import { generate } from '../../src/generator/generator';
import { describeEachEngine } from '../support/test-app';
import { AUTH_ENV, bearer, createAccount, logIn } from './test-accounts';

const YEAR = 2021;
const CITY = '370800';
const COUNTY = '370830';
const KEY = 'applications.new.total';
const ROLLUP = `rollup(year: ${YEAR}) { reportCount agencyCount expectedCount v: value(key: "${KEY}") r: value(key: "grant_rate") }`;

/**
 * A roll-up is the same whatever else the request asks (issue 9: a branch asked as another root
 * field dropped out of its parent's batch, and the short answer was then cached). Each root field
 * is asked alone first; every random combination must give each field exactly that answer, and
 * the alone answers must still hold after all the combinations (nothing wrong was cached).
 */
describeEachEngine(
  'roll-ups independent of the rest of the request',
  (app) => {
    const fields = new Map<string, string>();
    let parentId = 0;
    let branchIds: number[] = [];
    let supervisor = '';

    beforeAll(async () => {
      await generate(app().connection, { region: CITY, fromYear: YEAR, toYear: YEAR, seed: 3, departments: 1, institutions: 1 });
      const db = app().db;
      [{ id: parentId }] = await db.query(
        `SELECT p.id FROM agency p WHERE p.region_code = ? AND (SELECT COUNT(*) FROM agency c WHERE c.parent_id = p.id) > 3 ORDER BY p.id LIMIT 1`,
        [CITY],
      );
      branchIds = (await db.query('SELECT id FROM agency WHERE parent_id = ? ORDER BY id', [parentId])).map((r: { id: number }) =>
        Number(r.id),
      );
      fields.set('parent', `agency(id: "${parentId}") { ${ROLLUP} }`);
      branchIds.slice(0, 4).forEach((id, i) => fields.set(`branch${i}`, `agency(id: "${id}") { ${ROLLUP} branches { id } }`));
      fields.set('city', `region(code: "${CITY}") { ${ROLLUP} }`);
      fields.set('county', `region(code: "${COUNTY}") { ${ROLLUP} children { code ${ROLLUP} } }`);
      fields.set(
        'compare',
        `compare(regionCode: "${CITY}", year: ${YEAR}, by: CHILD_REGION, keys: ["${KEY}"]) { regionCode reportCount rank values { value } }`,
      );
      fields.set(
        'kinds',
        `compare(regionCode: "${COUNTY}", year: ${YEAR}, by: AGENCY_KIND, keys: ["${KEY}"]) { agencyKind reportCount values { value } }`,
      );
      fields.set(
        'trend',
        `trend(regionCode: "${COUNTY}", keys: ["${KEY}"], fromYear: ${YEAR - 1}, toYear: ${YEAR}) { points { year value } }`,
      );
      fields.set(
        'aggregate',
        `aggregate(filter: { regionCode: "${CITY}", fromYear: ${YEAR}, toYear: ${YEAR} }, groupBy: [REGION, AGENCY_KIND], keys: ["${KEY}"]) { regionCode agencyKind reportCount values { value } }`,
      );
      fields.set('agencies', `agencies(filter: { parentId: "${parentId}" }, first: 2) { totalCount nodes { id ${ROLLUP} } }`);
      const { user, password } = await createAccount(app(), { name: 'indep-county', role: 'SUPERVISOR', regionCode: COUNTY });
      supervisor = await logIn(app(), user.name, password);
    });

    /** The answer's data and error codes (extensions such as a query budget vary between requests). */
    const run = async (names: string[], headers: Record<string, string>) => {
      const res = await app().gql(`{ ${names.map((n) => `${n}: ${fields.get(n)}`).join('\n')} }`, undefined, headers);
      return {
        data: res.data,
        errors: res.errors?.map((e) => ({ path: (e as { path?: unknown }).path, extensions: { code: e.extensions?.code } })),
      };
    };

    it('sums a city institution with every branch, asked alone or beside its branches', async () => {
      const [{ n }] = await app().db.query(
        `SELECT COUNT(*) AS n FROM report r JOIN agency a ON a.id = r.agency_id WHERE (a.id = ? OR a.parent_id = ?) AND r.year = ? AND r.current = 1 AND r.scope = 'OWN'`,
        [parentId, parentId, YEAR],
      );
      const alone = await run(['parent'], {});
      expect(alone.data.parent.rollup.reportCount).toBe(Number(n));
      expect(Number(n)).toBeGreaterThan(branchIds.length / 2);
      const beside = await run(['parent', 'branch0', 'branch1'], {});
      expect(beside.data.parent.rollup.reportCount).toBe(Number(n));
      expect((await run(['parent'], {})).data.parent.rollup.reportCount).toBe(Number(n));
    });

    for (const [who, headers] of [
      ['anonymous', () => ({})],
      ['county supervisor', () => bearer(supervisor)],
    ] as const)
      it(`gives every field its alone answer in any combination (${who})`, async () => {
        const names = [...fields.keys()];
        const alone = new Map<string, unknown>();
        for (const n of names) alone.set(n, await run([n], headers()));
        await fc.assert(
          fc.asyncProperty(fc.shuffledSubarray(names, { minLength: 2 }), async (combo) => {
            const res = await run(combo, headers());
            for (const n of combo) {
              const one = alone.get(n) as { data?: Record<string, unknown>; errors?: Array<{ extensions?: { code?: string } }> };
              expect({ n, value: res.data?.[n] ?? null }).toEqual({ n, value: one.data?.[n] ?? null });
            }
            const codes = (r: { errors?: Array<{ extensions?: Record<string, unknown> }> }) =>
              (r.errors ?? []).map((e) => e.extensions?.code).sort();
            expect(codes(res)).toEqual(combo.flatMap((n) => codes(alone.get(n) as never)).sort());
          }),
          { numRuns: 25, seed: 9 },
        );
        for (const n of names) expect(await run([n], headers())).toEqual(alone.get(n));
      });
  },
  { env: AUTH_ENV },
);
