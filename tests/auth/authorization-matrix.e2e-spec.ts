import { readFileSync } from 'fs';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { SEED_REPORT } from '../../seeds/seed';
import { allEditions } from '../../src/shared/editions';
import { editionTypeDefs } from '../../src/shared/editions/edition-sdl';
import { generate } from '../../src/generator/generator';
import { accessRules, ruleOf } from '../../src/graphql/access/access-rules';
import { applyAccess, fieldsWithoutRule, schemaFields } from '../../src/graphql/access/apply-access';
import { loadTypeDefs } from '../../src/graphql/schema';
import { describeEachEngine, type TestApp } from '../support/test-app';
import { AUTH_ENV, bearer, createAccount, logIn } from './test-accounts';

const YEAR = 2020;
const CITY = '370800';
const COUNTY = '370830'; // 汶上县
const OTHER = '370811'; // 任城区
const KEY = 'applications.new.total';

/** One viewer of the matrix: its token (none: anonymous), the subtree it may read (null: everywhere), what it may do. */
interface Who {
  name: string;
  token: string | null;
  path: string | null;
  reviews: (regionPath: string) => boolean;
  seesReviewOf: (agencyId: number, regionPath: string) => boolean;
  admin: boolean;
  /** May file (and preview) this agency's reports. */
  files?: (agencyId: number) => boolean;
}

const pathOf = (code: string) => (code === CITY ? `/370000/${CITY}/` : `/370000/${CITY}/${code}/`);
const readable = (w: Who, path: string) => !w.path || path.startsWith(w.path);
/** The region of `path` the viewer may read: the asked one, or the viewer's own inside it; undefined when disjoint. */
const covered = (w: Who, path: string) => (readable(w, path) ? path : w.path!.startsWith(path) ? w.path! : undefined);

/** Brute force over the stored rows: the figures every answer is held against. */
function brute(app: TestApp) {
  const one = async (sql: string, params: unknown[]) => Number(Object.values((await app.db.query(sql, params))[0])[0] ?? 0);
  const like = (p: string) => `${p}%`;
  return {
    agencies: (p: string) => one('SELECT COUNT(*) FROM agency WHERE region_path LIKE ?', [like(p)]),
    reports: (p: string) =>
      one('SELECT COUNT(*) FROM report r JOIN agency a ON a.id = r.agency_id WHERE a.region_path LIKE ? AND r.year = ? AND r.current = 1', [
        like(p),
        YEAR,
      ]),
    findings: (p: string) =>
      one(
        'SELECT COUNT(*) FROM finding f JOIN report r ON r.id = f.report_id JOIN agency a ON a.id = r.agency_id WHERE a.region_path LIKE ? AND r.year = ? AND r.current = 1',
        [like(p), YEAR],
      ),
    /** Σ over current OWN reports of the given agencies or region (the roll-up's definition, README). */
    rollup: async (where: string, params: unknown[]) => {
      const [r] = await app.db.query(
        `SELECT COUNT(DISTINCT r.id) AS n, SUM(c.value) AS v FROM report r JOIN agency a ON a.id = r.agency_id LEFT JOIN report_cell c ON c.report_id = r.id AND c.cell_key = ?
          WHERE ${where} AND r.year = ? AND r.current = 1 AND r.scope = 'OWN'`,
        [KEY, ...params, YEAR],
      );
      return { reportCount: Number(r.n), value: r.v === null ? null : Number(r.v) };
    },
    active: (p: string) => one('SELECT COUNT(*) FROM agency WHERE region_path LIKE ? AND active = 1', [like(p)]),
    children: async (code: string) =>
      (await app.db.query('SELECT code FROM region WHERE parent_code = ? ORDER BY code', [code])).map((r: { code: string }) => r.code),
  };
}

const sdl = (...extra: string[]) => makeExecutableSchema({ typeDefs: [...loadTypeDefs(), editionTypeDefs(allEditions()), ...extra] });

describe('every field of the schema declares its access rule', () => {
  it('leaves no field of the served schema without a rule, and names no field that does not exist', () => {
    const schema = sdl();
    expect(fieldsWithoutRule(schema)).toEqual([]);
    const fields = new Set(schemaFields(schema).map((f) => `${f.type}.${f.field}`));
    const declared = Object.entries(accessRules()).flatMap(([type, rules]) =>
      Object.keys(rules)
        .filter((f) => f !== '*')
        .map((f) => `${type}.${f}`),
    );
    expect(declared.filter((f) => !fields.has(f))).toEqual([]);
    expect(ruleOf(accessRules(), 'Finding', 'reviewComment')?.name).toBe('REVIEW_RECORD');
    // A preview is a filing that stores nothing: filed by whoever may file, its answer theirs.
    expect([ruleOf(accessRules(), 'Mutation', 'previewReport')?.name, ruleOf(accessRules(), 'ReportPreview', 'sourceText')?.name]).toEqual([
      'FILER',
      'FILER',
    ]);
  });

  it.each([
    ['a root field', 'extend type Query { leak: String }', 'Query.leak'],
    ['a mutation', 'extend type Mutation { leak: Boolean }', 'Mutation.leak'],
    ['a report field (drafts, later)', 'extend type Report { draftText: String }', 'Report.draftText'],
    ['a finding field', 'extend type Finding { reviewerEmail: String }', 'Finding.reviewerEmail'],
    ['a new type', 'type Secret { x: Int } extend type Query { secret: Secret }', 'Query.secret, Secret.x'],
  ])('refuses to build a schema with %s that has no rule', (_, extra, named) => {
    expect(() => applyAccess(sdl(extra))).toThrow(`no access rule for ${named}`);
  });
});

describeEachEngine(
  'authorisation matrix',
  (app) => {
    const viewers: Who[] = [];
    /** A department of the county given a branch in another county (an organisational link across regions). */
    let crossParent = 0;
    let crossChild = 0;
    /** The city institution with a branch centre in every county, and its 汶上 branch. */
    const city = { id: 0, branch: 0 };
    let countyFinding = { id: '', agencyId: 0 };
    let otherFinding = { id: '', agencyId: 0 };
    let b: ReturnType<typeof brute>;
    const ask = (w: Who, query: string, variables?: Record<string, unknown>) => app().gql(query, variables, w.token ? bearer(w.token) : {});
    const codeOf = (res: { errors?: Array<{ extensions?: Record<string, any> }> }) => res.errors?.[0]?.extensions?.code;

    beforeAll(async () => {
      await generate(app().connection, { region: CITY, fromYear: YEAR, toYear: YEAR, seed: 9, departments: 2, institutions: 1 });
      b = brute(app());
      const db = app().db;
      const first = async (sql: string, params: unknown[]) => Number((await db.query(sql, params))[0].id);
      [crossParent, crossChild] = [
        await first(`SELECT id FROM agency WHERE region_code = ? AND kind = 'DEPARTMENT' ORDER BY id LIMIT 1`, [COUNTY]),
        await first(`SELECT id FROM agency WHERE region_code = ? AND kind = 'DEPARTMENT' AND parent_id IS NULL ORDER BY id LIMIT 1`, [
          OTHER,
        ]),
      ];
      await db.query('UPDATE agency SET parent_id = ? WHERE id = ?', [crossParent, crossChild]);
      city.id = await first(
        `SELECT p.id FROM agency p WHERE p.region_code = ? AND (SELECT COUNT(*) FROM agency c WHERE c.parent_id = p.id) > 3 ORDER BY p.id LIMIT 1`,
        [CITY],
      );
      city.branch = await first('SELECT id FROM agency WHERE parent_id = ? AND region_code = ?', [city.id, COUNTY]);
      // The generator stores no findings: the seed report's (in 汶上) are real; one of them is copied onto a 任城 report.
      const [seedF] = await db.query(
        `SELECT f.id FROM finding f JOIN report r ON r.id = f.report_id JOIN agency a ON a.id = r.agency_id WHERE a.region_path LIKE ? AND r.current = 1 ORDER BY f.id LIMIT 1`,
        [`${pathOf(COUNTY)}%`],
      );
      const otherReport = await first(
        `SELECT r.id FROM report r JOIN agency a ON a.id = r.agency_id WHERE a.region_code = ? AND r.current = 1 AND r.year = ? ORDER BY r.id LIMIT 1`,
        [OTHER, YEAR],
      );
      await db.query(
        `INSERT INTO finding (report_id, rule, severity, status, cells, expected, actual, message, review) SELECT ?, rule, severity, status, cells, expected, actual, message, 'OPEN' FROM finding WHERE id = ?`,
        [otherReport, seedF.id],
      );
      const findingIn = async (code: string) => {
        const [f] = await db.query(
          'SELECT f.id, r.agency_id FROM finding f JOIN report r ON r.id = f.report_id JOIN agency a ON a.id = r.agency_id WHERE a.region_path LIKE ? AND r.current = 1 ORDER BY f.id LIMIT 1',
          [`${pathOf(code)}%`],
        );
        return { id: String(f.id), agencyId: Number(f.agency_id) };
      };
      countyFinding = await findingIn(COUNTY);
      otherFinding = await findingIn(OTHER);
      const account = async (
        name: string,
        role: 'ADMIN' | 'SUPERVISOR' | 'AGENCY' | 'ANALYST',
        extra: { regionCode?: string; agencyId?: number } = {},
      ) => {
        const { user, password } = await createAccount(app(), { name, role, ...extra });
        return logIn(app(), user.name, password);
      };
      const never = () => false;
      viewers.push(
        { name: 'anonymous', token: null, path: null, reviews: never, seesReviewOf: never, admin: false },
        { name: 'admin', token: await account('m-admin', 'ADMIN'), path: null, reviews: () => true, seesReviewOf: () => true, admin: true },
        {
          name: 'city supervisor',
          token: await account('m-city', 'SUPERVISOR', { regionCode: CITY }),
          path: pathOf(CITY),
          reviews: (p) => p.startsWith(pathOf(CITY)),
          seesReviewOf: (_, p) => p.startsWith(pathOf(CITY)),
          admin: false,
        },
        {
          name: 'county supervisor',
          token: await account('m-county', 'SUPERVISOR', { regionCode: COUNTY }),
          path: pathOf(COUNTY),
          reviews: (p) => p.startsWith(pathOf(COUNTY)),
          seesReviewOf: (_, p) => p.startsWith(pathOf(COUNTY)),
          admin: false,
        },
        {
          name: 'other county supervisor',
          token: await account('m-other', 'SUPERVISOR', { regionCode: OTHER }),
          path: pathOf(OTHER),
          reviews: (p) => p.startsWith(pathOf(OTHER)),
          seesReviewOf: (_, p) => p.startsWith(pathOf(OTHER)),
          admin: false,
        },
        {
          name: 'county agency',
          token: await account('m-agency', 'AGENCY', { agencyId: countyFinding.agencyId }),
          path: pathOf(COUNTY),
          reviews: never,
          seesReviewOf: (a) => a === countyFinding.agencyId,
          admin: false,
          files: (a) => a === countyFinding.agencyId,
        },
        {
          name: 'county analyst',
          token: await account('m-analyst-county', 'ANALYST', { regionCode: COUNTY }),
          path: pathOf(COUNTY),
          reviews: never,
          seesReviewOf: never,
          admin: false,
        },
        {
          name: 'unconfined analyst',
          token: await account('m-analyst', 'ANALYST'),
          path: null,
          reviews: never,
          seesReviewOf: never,
          admin: false,
        },
      );
    });

    const each = (title: string, fn: (w: Who) => Promise<void>) =>
      it(title, async () => {
        for (const w of viewers)
          await fn(w).catch((e) => {
            throw new Error(`${w.name}: ${e.message}`);
          });
      });

    each('lists and their counts: confined inside the statement, and never capped by the page (Hasura #1837, #7603)', async (w) => {
      const res = await ask(
        w,
        `{ agencies(first: 1) { totalCount nodes { id } } reports(filter: { year: ${YEAR} }, first: 1) { totalCount } findings(filter: { year: ${YEAR} }, first: 1) { totalCount byRule { count } } }`,
      );
      expect(res.errors).toBeUndefined();
      const p = w.path ?? '/';
      expect(res.data.agencies.totalCount).toBe(await b.agencies(p));
      expect(res.data.agencies.nodes).toHaveLength(1);
      expect(res.data.reports.totalCount).toBe(await b.reports(p));
      expect(res.data.findings.totalCount).toBe(await b.findings(p));
      expect(res.data.findings.byRule.reduce((s: number, r: { count: number }) => s + r.count, 0)).toBe(await b.findings(p));
      for (const code of [CITY, COUNTY, OTHER]) {
        const r = await ask(w, `query($c: String!) { agencies(filter: { regionCode: $c }, first: 0) { totalCount } }`, { c: code });
        const part = covered(w, pathOf(code));
        if (part === undefined) expect({ code, error: codeOf(r) }).toEqual({ code, error: 'FORBIDDEN' });
        else expect({ code, n: r.data.agencies.totalCount }).toEqual({ code, n: await b.agencies(part) });
      }
    });

    each('lookups by id, and nested fields', async (w) => {
      for (const id of [crossParent, crossChild, city.id]) {
        const [row] = await app().db.query('SELECT name, region_path FROM agency WHERE id = ?', [id]);
        const res = await ask(w, `query($id: ID!) { agency(id: $id) { name branches { id } parent { id } } }`, { id: String(id) });
        expect(res.errors).toBeUndefined();
        expect({ id, name: res.data.agency?.name ?? null }).toEqual({ id, name: readable(w, row.region_path) ? row.name : null });
      }
      const parent = (await ask(w, `{ agency(id: "${crossParent}") { branches { id } } }`)).data.agency;
      if (parent) expect(parent.branches.map((x: { id: string }) => Number(x.id))).toEqual(readable(w, pathOf(OTHER)) ? [crossChild] : []);
      const child = (await ask(w, `{ agency(id: "${crossChild}") { parent { id } } }`)).data.agency;
      // The organisational parent sits in 汶上: shown only to those who may read it.
      if (child) expect(child.parent).toEqual(readable(w, pathOf(COUNTY)) ? { id: String(crossParent) } : null);
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
        const s = await b.rollup('a.region_path LIKE ?', [`${pathOf(code)}%`]);
        expect({ code, ...res.data.region.rollup }).toEqual({
          code,
          reportCount: s.reportCount,
          agencyCount: await b.active(pathOf(code)),
          v: s.value,
        });
      }
      // Through `parent`: the city reached from the county is the city's figure, or nothing.
      const up = await ask(w, `{ region(code: "${COUNTY}") { parent { code rollup(year: ${YEAR}) { reportCount } } } }`);
      if (!readable(w, pathOf(COUNTY))) expect(up.data.region).toBeNull();
      else if (readable(w, pathOf(CITY)))
        expect(up.data.region.parent.rollup.reportCount).toBe((await b.rollup('a.region_path LIKE ?', [`${pathOf(CITY)}%`])).reportCount);
      else {
        expect(codeOf(up)).toBe('FORBIDDEN');
        expect(up.data?.region?.parent ?? null).toBeNull();
      }
    });

    each('agency roll-ups sum the members the viewer may read, as `branches` lists them', async (w) => {
      const res = await ask(
        w,
        `{ agency(id: "${crossParent}") { rollup(year: ${YEAR}) { reportCount agencyCount v: value(key: "${KEY}") } } }`,
      );
      if (!readable(w, pathOf(COUNTY))) return expect(res.data.agency).toBeNull();
      const members = readable(w, pathOf(OTHER)) ? [crossParent, crossChild] : [crossParent];
      const s = await b.rollup(`a.id IN (${members.join(',')})`, []);
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
          const expected = (await b.children(CITY)).filter((c: string) => readable(w, pathOf(c)));
          expect(child.data.compare.map((r: { regionCode: string }) => r.regionCode).sort()).toEqual(expected);
          for (const row of child.data.compare)
            expect(row.reportCount).toBe((await b.rollup('a.region_path LIKE ?', [`${pathOf(row.regionCode)}%`])).reportCount);
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
        const whole = await b.rollup('a.region_path LIKE ?', [`${pathOf(CITY)}%`]);
        if (readable(w, pathOf(CITY))) {
          expect(kind.data.compare.reduce((s: number, r: { reportCount: number }) => s + r.reportCount, 0)).toBe(whole.reportCount);
          expect(trend.data.trend[0].points[0].value).toBe(whole.value);
          expect(agg.data.aggregate[0].reportCount).toBe(whole.reportCount);
          expect(byRegion.data.aggregate).toHaveLength((await b.children(CITY)).length);
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
          expect(rows.reduce((s, r) => s + r.reportCount, 0)).toBe((await b.rollup('a.region_path LIKE ?', [`${part}%`])).reportCount);
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
      expect(res.data.findings.totalCount).toBe(await b.findings(part));
      for (const r of res.data.findings.byRegion) {
        expect(readable(w, pathOf(r.key))).toBe(true);
        expect(r.count).toBe(await b.findings(pathOf(r.key)));
      }
      expect(res.data.compliance.region.code).toBe(CITY);
      expect(res.data.compliance.coveredRegion.code).toBe(part.split('/').filter(Boolean).pop());
      if (res.data.region) for (const f of res.data.region.consolidationCheck) expect(readable(w, pathOf(f.regionCode))).toBe(true);
    });

    each(
      'review records: shown to the supervisors of the region and the agency only; reviewing to supervisors of the region',
      async (w) => {
        for (const f of [countyFinding, otherFinding]) {
          const [{ region_path: path }] = await app().db.query('SELECT region_path FROM agency WHERE id = ?', [f.agencyId]);
          const review = await ask(
            w,
            `mutation($id: ID!) { reviewFinding(id: $id, decision: CONFIRMED, comment: "checked by ${w.name}") { review reviewedBy } }`,
            { id: f.id },
          );
          if (w.reviews(path)) expect({ f: f.id, errors: review.errors }).toEqual({ f: f.id, errors: undefined });
          else expect({ f: f.id, code: codeOf(review) }).toEqual({ f: f.id, code: 'FORBIDDEN' });
          const [stored] = await app().db.query('SELECT review_comment FROM finding WHERE id = ?', [Number(f.id)]);
          if (w.reviews(path)) expect(stored.review_comment).toBe(`checked by ${w.name}`);
          else expect(stored.review_comment ?? '').not.toBe(`checked by ${w.name}`);
          const read = await ask(
            w,
            `{ report: reports(filter: { agencyId: "${f.agencyId}", year: ${YEAR} }) { nodes { findings { id review reviewComment reviewedBy } } } }`,
          );
          const seen = (
            read.data.report.nodes as Array<{
              findings: Array<{ id: string; review: string; reviewComment: string | null; reviewedBy: string | null }>;
            }>
          )
            .flatMap((n) => n.findings)
            .find((x) => x.id === f.id);
          if (!readable(w, path)) expect(seen).toBeUndefined();
          else if (w.seesReviewOf(f.agencyId, path)) expect(seen?.reviewComment).toBe(stored.review_comment);
          else {
            expect(seen).toMatchObject({ review: stored.review_comment ? 'CONFIRMED' : 'OPEN', reviewComment: null, reviewedBy: null });
            expect(codeOf(read)).toBe('FORBIDDEN');
          }
        }
      },
    );

    each('accounts: only an administrator lists and makes them; tokens need an account', async (w) => {
      const users = await ask(w, `{ users { name } }`);
      const create = await ask(
        w,
        `mutation { createUser(input: { name: "made-by-${w.name.replace(/\W/g, '-')}", role: ANALYST, password: "long-enough-password-1" }) { name } }`,
      );
      const tokens = await ask(w, `{ apiTokens { id } }`);
      if (w.admin) {
        expect(users.data.users.length).toBeGreaterThanOrEqual(viewers.length - 1);
        expect(create.errors).toBeUndefined();
      } else {
        expect([codeOf(users), codeOf(create)]).toEqual(['FORBIDDEN', 'FORBIDDEN']);
      }
      if (w.token) expect(tokens.errors).toBeUndefined();
      else expect(['FORBIDDEN', 'UNAUTHENTICATED']).toContain(codeOf(tokens));
    });

    each('the template, the catalogue, the region tree and `me` answer everyone; account mutations by role', async (w) => {
      const res = await ask(
        w,
        `{ _version editions { id } edition(id: "2019") { id } metrics { key } regions(parentCode: "${CITY}") { code } me { name } }`,
      );
      expect(res.errors).toBeUndefined();
      expect(res.data.editions.map((e: { id: string }) => e.id)).toEqual(allEditions().map((e) => e.id));
      expect(res.data.metrics.length).toBeGreaterThan(10);
      const regions = (await b.children(CITY)).filter((c: string) => readable(w, pathOf(c)));
      expect(res.data.regions.map((r: { code: string }) => r.code).sort()).toEqual(regions);
      expect(res.data.me === null).toBe(!w.token);
      const minted = await ask(w, `mutation { createApiToken(name: "matrix") { apiToken { id } } }`);
      if (!w.token) expect(codeOf(minted)).toBe('FORBIDDEN');
      else {
        const revoked = await ask(w, `mutation($id: ID!) { revokeApiToken(id: $id) { revokedAt } }`, {
          id: minted.data.createApiToken.apiToken.id,
        });
        expect(revoked.data.revokeApiToken.revokedAt).toEqual(expect.any(String));
      }
      const victim = (await createAccount(app(), { name: `victim-${viewers.indexOf(w)}`, role: 'ANALYST' })).user;
      const disable = await ask(w, `mutation($id: ID!) { disableUser(id: $id) { disabled } }`, { id: String(victim.id) });
      if (w.admin) expect(disable.data.disableUser).toEqual({ disabled: true });
      else expect(codeOf(disable)).toBe('FORBIDDEN');
      const [{ disabled }] = await app().db.query('SELECT disabled FROM user_account WHERE id = ?', [victim.id]);
      expect(Boolean(Number(disabled))).toBe(w.admin);
    });

    each('previewing a report file: the agency itself and administrators only, and nothing stored for anyone', async (w) => {
      const tables = app()
        .db.entityMetadatas.map((m) => m.tableName)
        .sort();
      const rows = async () =>
        Promise.all(tables.map(async (t) => `${t} ${(await app().db.query(`SELECT COUNT(*) AS n FROM ${t}`))[0].n}`));
      const before = await rows();
      for (const agencyId of [countyFinding.agencyId, otherFinding.agencyId]) {
        const input = {
          agencyId: String(agencyId),
          year: YEAR,
          fileName: 'matrix.txt',
          contentBase64: readFileSync(SEED_REPORT).toString('base64'),
        };
        const res = await ask(
          w,
          `mutation($input: PreviewReportInput!) { previewReport(input: $input) { year cells { key } findings { rule } } }`,
          { input },
        );
        if (w.admin || w.files?.(agencyId))
          expect({ agencyId, errors: res.errors, year: res.data?.previewReport.year }).toEqual({ agencyId, errors: undefined, year: YEAR });
        else
          expect({ agencyId, code: codeOf(res), data: res.data?.previewReport ?? null }).toEqual({
            agencyId,
            code: 'FORBIDDEN',
            data: null,
          });
      }
      expect(await rows()).toEqual(before);
    });

    each('published reports are public: source text and renders for whoever may read the report', async (w) => {
      const [{ id, region_path: path, name }] = await app().db.query(
        `SELECT r.id, a.region_path, a.name FROM report r JOIN agency a ON a.id = r.agency_id WHERE a.region_code = ? AND r.current = 1 ORDER BY r.id LIMIT 1`,
        [OTHER],
      );
      const res = await ask(w, `{ report(id: "${id}") { id sourceText rendered(format: HTML) } }`);
      expect(res.errors).toBeUndefined();
      if (readable(w, path)) {
        expect(typeof res.data.report.sourceText).toBe('string');
        expect(res.data.report.rendered).toContain(name);
      } else expect(res.data.report).toBeNull();
    });
  },
  { seed: true, env: AUTH_ENV },
);
