import { readFileSync } from 'fs';
import { SEED_REPORT } from '../../seeds/seed';
import { allEditions } from '../../src/shared/editions';
import { describeEachEngine } from '../support/test-app';
import { AUTH_ENV, createAccount } from './test-accounts';
import { CITY, codeOf, OTHER, pathOf, readable, useMatrix, YEAR } from './authorization-matrix-support';

/**
 * The authorisation matrix, what a role may do: every viewer (authorization-matrix-support.ts) reviews
 * findings, lists and makes accounts and tokens, previews a report file and reads published reports;
 * each answer, and what was stored, held against the role and region the viewer has.
 */
describeEachEngine(
  'authorisation matrix: roles',
  (app) => {
    const m = useMatrix(app);
    const { ask, each } = m;

    each(
      'review records: shown to the supervisors of the region and the agency only; reviewing to supervisors of the region',
      async (w) => {
        for (const f of [m.countyFinding, m.otherFinding]) {
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
        expect(users.data.users.length).toBeGreaterThanOrEqual(m.viewers.length - 1);
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
      const regions = (await m.b.children(CITY)).filter((c: string) => readable(w, pathOf(c)));
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
      const victim = (await createAccount(app(), { name: `victim-${m.viewers.indexOf(w)}`, role: 'ANALYST' })).user;
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
      for (const agencyId of [m.countyFinding.agencyId, m.otherFinding.agencyId]) {
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
