import { describeEachEngine } from '../support/test-app';
import { AUTH_ENV, bearer, createAccount, logIn } from './test-accounts';

type Answer = { data?: any; errors?: Array<{ message: string; extensions?: Record<string, any> }> };

/** The engines' own words, which must never reach a caller. */
const ENGINE_WORDS = /SQLITE|ER_|sql|syntax|constraint|column|Cannot read|undefined|NaN/i;

function expectBadInput(res: Answer, argument: string) {
  expect(res.errors?.length).toBeGreaterThan(0);
  const [e] = res.errors!;
  expect({ code: e.extensions?.code, argument: e.extensions?.argument }).toEqual({ code: 'BAD_USER_INPUT', argument });
  expect(e.message).not.toMatch(ENGINE_WORDS);
}

describeEachEngine(
  'bad input',
  (app) => {
    let supervisor = '';
    let findingId = '';
    beforeAll(async () => {
      const { user, password } = await createAccount(app(), { name: 'bad-input-sup', role: 'SUPERVISOR', regionCode: '370830' });
      supervisor = await logIn(app(), user.name, password);
      const f = await app().gql(`{ findings(first: 1) { nodes { id } } }`);
      findingId = f.data.findings.nodes[0].id;
    });

    it.each([
      ['agency(id:"abc")', `{ agency(id: "abc") { name } }`, 'id'],
      ['report(id:"Infinity")', `{ report(id: "Infinity") { id } }`, 'id'],
      ['report(id:"0")', `{ report(id: "0") { id } }`, 'id'],
      ['report(id:"1e3")', `{ report(id: "1e3") { id } }`, 'id'],
      ['a 20-digit id', `{ agency(id: "99999999999999999999") { name } }`, 'id'],
      ['a filter id', `{ reports(filter: { agencyId: "-1" }) { totalCount } }`, 'filter.agencyId'],
      ['a parent id', `{ agencies(filter: { parentId: "x" }) { totalCount } }`, 'filter.parentId'],
      ['a region code', `{ region(code: "37'; --") { name } }`, 'code'],
      ['a filter region code', `{ findings(filter: { regionCode: "abc" }) { totalCount } }`, 'filter.regionCode'],
      [
        'a compare region code',
        `{ compare(regionCode: "", year: 2020, by: CHILD_REGION, keys: ["applications.new.total"]) { label } }`,
        'regionCode',
      ],
      ['a year', `{ region(code: "370800") { rollup(year: 99999) { reportCount } } }`, 'year'],
      ['a range year', `{ trend(regionCode: "370800", keys: ["applications.new.total"], fromYear: -5, toYear: 2020) { key } }`, 'fromYear'],
      [
        'an aggregate year',
        `{ aggregate(filter: { regionCode: "370800", fromYear: 2019, toYear: 3000 }, groupBy: [YEAR], keys: ["applications.new.total"]) { year } }`,
        'filter.toYear',
      ],
      ['an overlong key', `{ metrics { key } region(code: "370800") { rollup(year: 2020) { value(key: "${'k'.repeat(5000)}") } } }`, 'key'],
      ['an overlong name filter', `{ agencies(filter: { nameContains: "${'名'.repeat(201)}" }) { totalCount } }`, 'filter.nameContains'],
    ])('%s is BAD_USER_INPUT naming the argument', async (_, query, argument) => {
      expectBadInput(await app().gql(query), argument);
    });

    it('answers edition(id:"__proto__") and other inherited names as unknown', async () => {
      for (const id of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
        const res = await app().gql(`query($id: String!) { edition(id: $id) { id } }`, { id });
        expect({ id, data: res.data, errors: res.errors }).toEqual({ id, data: { edition: null }, errors: undefined });
      }
      // A real edition still answers.
      expect((await app().gql(`{ edition(id: "2019") { id } }`)).data.edition).toEqual({ id: '2019' });
    });

    it('refuses reviewFinding on a malformed id and an over-long comment, on both engines alike, storing nothing', async () => {
      const mutation = `mutation($id: ID!, $c: String) { reviewFinding(id: $id, decision: DISMISSED, comment: $c) { id review } }`;
      expectBadInput(await app().gql(mutation, { id: 'abc', c: 'x' }, bearer(supervisor)), 'id');
      // A million characters may already be refused as a request too large (src/server.ts); either way, by name and before storing.
      const huge = await app().gql(mutation, { id: findingId, c: 'x'.repeat(1_000_000) }, bearer(supervisor));
      if (huge.errors?.[0].extensions?.code !== 'REQUEST_TOO_LARGE') expectBadInput(huge, 'comment');
      expectBadInput(await app().gql(mutation, { id: findingId, c: 'x'.repeat(2001) }, bearer(supervisor)), 'comment');
      // The service holds the same limit for callers that are not the API (the CLI, jobs).
      const ctx = app().ctx({ id: 'svc', role: 'ADMIN', regionPath: null, agencyId: null });
      await expect(app().services.findings.review(ctx, Number(findingId), 'DISMISSED', 'y'.repeat(2001))).rejects.toMatchObject({
        code: 'BAD_USER_INPUT',
      });
      const [stored] = await app().db.query('SELECT review, review_comment FROM finding WHERE id = ?', [Number(findingId)]);
      expect(stored).toEqual({ review: 'OPEN', review_comment: null });
      // Exactly the limit is stored whole.
      const ok = await app().gql(mutation, { id: findingId, c: 'z'.repeat(2000) }, bearer(supervisor));
      expect(ok.errors).toBeUndefined();
      const [after] = await app().db.query('SELECT review_comment FROM finding WHERE id = ?', [Number(findingId)]);
      expect(after.review_comment).toHaveLength(2000);
    });

    it('answers an id that is well formed but unknown as null, not as an error', async () => {
      const res = await app().gql(`{ agency(id: "999999") { name } report(id: "999999") { id } }`);
      expect({ data: res.data, errors: res.errors }).toEqual({ data: { agency: null, report: null }, errors: undefined });
      const review = await app().gql(`mutation { reviewFinding(id: "999999", decision: CONFIRMED) { id } }`, undefined, bearer(supervisor));
      expect(review.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    });
  },
  { seed: true, env: AUTH_ENV },
);
