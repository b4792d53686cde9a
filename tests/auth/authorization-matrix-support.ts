import { generate } from '../../src/generator/generator';
import type { TestApp } from '../support/test-app';
import { bearer, createAccount, logIn } from './test-accounts';

/**
 * The authorisation matrix's city, viewers and brute-force figures, shared by its two halves:
 * authorization-matrix-regions.e2e-spec.ts (what a viewer's region confines: lists, lookups, roll-ups,
 * comparisons, findings by region) and authorization-matrix-roles.e2e-spec.ts (what a role may do:
 * reviews, accounts, tokens, previews, published reports). Each half builds the same city.
 */
export const YEAR = 2020;
export const CITY = '370800';
export const COUNTY = '370830'; // 汶上县
export const OTHER = '370811'; // 任城区
export const KEY = 'applications.new.total';

/** One viewer of the matrix: its token (none: anonymous), the subtree it may read (null: everywhere), what it may do. */
export interface Who {
  name: string;
  token: string | null;
  path: string | null;
  reviews: (regionPath: string) => boolean;
  seesReviewOf: (agencyId: number, regionPath: string) => boolean;
  admin: boolean;
  /** May file (and preview) this agency's reports. */
  files?: (agencyId: number) => boolean;
}

export const pathOf = (code: string) => (code === CITY ? `/370000/${CITY}/` : `/370000/${CITY}/${code}/`);
export const readable = (w: Who, path: string) => !w.path || path.startsWith(w.path);
/** The region of `path` the viewer may read: the asked one, or the viewer's own inside it; undefined when disjoint. */
export const covered = (w: Who, path: string) => (readable(w, path) ? path : w.path!.startsWith(path) ? w.path! : undefined);
export const codeOf = (res: { errors?: Array<{ extensions?: Record<string, any> }> }) => res.errors?.[0]?.extensions?.code;

/** Brute force over the stored rows: the figures every answer is held against. */
export function brute(app: TestApp) {
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

/** What the matrix's setup built: filled in its beforeAll, read by the tests. */
export interface Matrix {
  viewers: Who[];
  /** A department of the county given a branch in another county (an organisational link across regions). */
  crossParent: number;
  crossChild: number;
  /** The city institution with a branch centre in every county, and its 汶上 branch. */
  city: { id: number; branch: number };
  countyFinding: { id: string; agencyId: number };
  otherFinding: { id: string; agencyId: number };
  b: ReturnType<typeof brute>;
  ask: (w: Who, query: string, variables?: Record<string, unknown>) => Promise<any>;
  /** One test asked of every viewer in turn, a failure naming the viewer. */
  each: (title: string, fn: (w: Who) => Promise<void>) => void;
}

/** Registers the matrix's beforeAll (inside a describeEachEngine block) and returns what it builds. */
export function useMatrix(app: () => TestApp): Matrix {
  const m: Matrix = {
    viewers: [],
    crossParent: 0,
    crossChild: 0,
    city: { id: 0, branch: 0 },
    countyFinding: { id: '', agencyId: 0 },
    otherFinding: { id: '', agencyId: 0 },
    b: undefined as unknown as ReturnType<typeof brute>,
    ask: (w, query, variables) => app().gql(query, variables, w.token ? bearer(w.token) : {}),
    each: (title, fn) =>
      it(title, async () => {
        for (const w of m.viewers)
          await fn(w).catch((e) => {
            throw new Error(`${w.name}: ${e.message}`);
          });
      }),
  };

  beforeAll(async () => {
    await generate(app().connection, { region: CITY, fromYear: YEAR, toYear: YEAR, seed: 9, departments: 2, institutions: 1 });
    m.b = brute(app());
    const db = app().db;
    const first = async (sql: string, params: unknown[]) => Number((await db.query(sql, params))[0].id);
    [m.crossParent, m.crossChild] = [
      await first(`SELECT id FROM agency WHERE region_code = ? AND kind = 'DEPARTMENT' ORDER BY id LIMIT 1`, [COUNTY]),
      await first(`SELECT id FROM agency WHERE region_code = ? AND kind = 'DEPARTMENT' AND parent_id IS NULL ORDER BY id LIMIT 1`, [OTHER]),
    ];
    await db.query('UPDATE agency SET parent_id = ? WHERE id = ?', [m.crossParent, m.crossChild]);
    m.city.id = await first(
      `SELECT p.id FROM agency p WHERE p.region_code = ? AND (SELECT COUNT(*) FROM agency c WHERE c.parent_id = p.id) > 3 ORDER BY p.id LIMIT 1`,
      [CITY],
    );
    m.city.branch = await first('SELECT id FROM agency WHERE parent_id = ? AND region_code = ?', [m.city.id, COUNTY]);
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
    m.countyFinding = await findingIn(COUNTY);
    m.otherFinding = await findingIn(OTHER);
    const account = async (
      name: string,
      role: 'ADMIN' | 'SUPERVISOR' | 'AGENCY' | 'ANALYST',
      extra: { regionCode?: string; agencyId?: number } = {},
    ) => {
      const { user, password } = await createAccount(app(), { name, role, ...extra });
      return logIn(app(), user.name, password);
    };
    const never = () => false;
    const countyAgency = m.countyFinding.agencyId;
    m.viewers.push(
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
        token: await account('m-agency', 'AGENCY', { agencyId: countyAgency }),
        path: pathOf(COUNTY),
        reviews: never,
        seesReviewOf: (a) => a === countyAgency,
        admin: false,
        files: (a) => a === countyAgency,
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
  return m;
}
