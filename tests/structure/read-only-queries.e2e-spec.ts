import { readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { Kind, parse, print, type OperationDefinitionNode } from 'graphql';
import { DASHBOARD_OPERATIONS } from '../../src/graphql/limits/persisted-operations';
import { generate } from '../../src/generator/generator';
import * as dashboard from '../../web/src/api/queries';
import * as filing from '../../web/src/api/filing-queries';
import { SEED_REPORT } from '../../seeds/seed';
import { AUTH_ENV, bearer, createAccount, tokenOf } from '../auth/test-accounts';
import { enginesUnderTest, startTestApp, type TestApp } from '../support/test-app';

/**
 * Nothing on a query's path writes (README "More than one server"): every query of the schema's
 * examples (the README's graphql blocks, which the GraphiQL workbench offers too; the dashboard's
 * persisted operations; the dashboard's and the filing form's queries) is sent to a server whose
 * connection is read-only (`openDatabase(env, { readOnly: true })`: MariaDB's `SET SESSION
 * TRANSACTION READ ONLY`, SQLite's `PRAGMA query_only`), as an anonymous reader, a supervisor and an
 * administrator, with a publication still queued for the roll-ups. Each answer must be the one a
 * writable server gives, and no answer may fail.
 */
const README = readFileSync(join(__dirname, '../../README.md'), 'utf8');

/** The query operations of a document (mutations are not reads), one document each. */
function queriesOf(doc: string): string[] {
  return parse(doc)
    .definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && d.operation === 'query')
    .map((d) => print(d));
}

const EXAMPLES: Array<{ name: string; query: string }> = [
  ...[...README.matchAll(/^```graphql\n([\s\S]*?)^```/gm)].flatMap((m, i) =>
    queriesOf(m[1]).map((query, j) => ({ name: `README block ${i + 1}.${j + 1}`, query })),
  ),
  ...Object.entries(DASHBOARD_OPERATIONS).map(([name, query]) => ({ name: `persisted ${name}`, query })),
  // Typed documents (web/src/generated): each one's text is what the dashboard posts.
  ...Object.entries({ ...dashboard, ...filing }).flatMap(([name, doc]) =>
    queriesOf(doc.toString()).map((query) => ({ name: `web ${name}`, query })),
  ),
];

for (const engine of enginesUnderTest()) {
  const absent = engine === 'mysql' && process.env.NIANBAO_TEST_MYSQL !== '1';
  (absent ? describe.skip : describe)(`queries on a read-only connection [${engine}]`, () => {
    const name = 'read-only-queries';
    const env = { ...AUTH_ENV, SQLITE_PATH: join(tmpdir(), `nianbao-read-only-${process.pid}.sqlite`) };
    let writer: TestApp;
    let reader: TestApp;
    const viewers: Array<[string, Record<string, string>]> = [['anonymous', {}]];
    /** What each variable of the examples stands for: a variable no one named here fails the test, naming it. */
    const variables: Record<string, unknown> = {
      code: '370800',
      year: 2020,
      prev: 2019,
      from: 2019,
      keys: ['applications.new.total', 'grant_rate'],
      trendKeys: ['applications.new.total'],
      metric: 'applications.new.total',
      format: 'HTML',
      status: null,
      after: null,
      filter: { regionCode: '370800', year: 2020 },
    };
    const pending = async (app: TestApp) => Number((await app.db.query('SELECT COUNT(*) AS n FROM rollup_pending'))[0].n);

    const removeFile = () => ['', '-wal', '-shm', '-journal'].forEach((x) => rmSync(env.SQLITE_PATH + x, { force: true }));

    beforeAll(async () => {
      removeFile();
      writer = await startTestApp(engine, name, { env });
      await writer.importSeed();
      await generate(writer.connection, { region: '370830', fromYear: 2019, toYear: 2020, seed: 7, departments: 2, institutions: 1 });
      // One publication still queued (the generator's rebuild emptied the queue): reads must add it, not fold it.
      const seed = readFileSync(SEED_REPORT, 'utf8').replace('济宁市公共资源交易服务中心汶上分中心', '汶上县只读测试局');
      await writer.services.imports.importReport(writer.ctx(), { bytes: Buffer.from(seed), fileName: 'queued.txt', regionCode: '370830' });
      const [report] = await writer.db.query(
        `SELECT r.id, r.agency_id FROM report r JOIN agency a ON a.id = r.agency_id WHERE a.name = '汶上县只读测试局'`,
      );
      variables.id = String(report.id);
      variables.agencyId = String(report.agency_id);
      const admin = await createAccount(writer, { name: 'ro-admin', role: 'ADMIN' });
      const supervisor = await createAccount(writer, { name: 'ro-supervisor', role: 'SUPERVISOR', regionCode: '370800' });
      viewers.push(['supervisor', bearer(await tokenOf(supervisor, {}, { expires: '50m' }))]);
      viewers.push(['admin', bearer(await tokenOf(admin, {}, { expires: '50m' }))]);
      // An API token is looked up in the database on every request, and its last use recorded.
      const analyst = await createAccount(writer, { name: 'ro-analyst', role: 'ANALYST' });
      viewers.push([
        'analyst (API token)',
        bearer((await writer.services.accounts.createApiToken(writer.ctx(), 'ro', null, analyst.user.id)).token),
      ]);
      reader = await startTestApp(engine, name, { env, existing: { readOnly: true } });
    });

    afterAll(async () => {
      await reader?.stop();
      await writer?.stop();
      removeFile();
    });

    it('the connection refuses a write (else this test proves nothing)', async () => {
      await expect(reader.db.query('UPDATE data_version SET version = version + 1 WHERE id = 1')).rejects.toThrow();
    });

    it(`runs ${EXAMPLES.length} example queries as each viewer: the answers a writable server gives, none failing`, async () => {
      expect(EXAMPLES.length).toBeGreaterThan(15);
      const queued = await pending(writer);
      expect(queued).toBe(1);
      const failures: string[] = [];
      for (const { name: example, query } of EXAMPLES) {
        const vars = Object.fromEntries(
          (parse(query).definitions[0] as OperationDefinitionNode).variableDefinitions!.map((v) => {
            const n = v.variable.name.value;
            if (!(n in variables)) throw new Error(`${example}: no value for $${n}; add one to this test`);
            return [n, variables[n]];
          }),
        );
        for (const [who, headers] of viewers) {
          // The read-only server first: whatever the writable one writes cannot spare it a write.
          const got = await reader.gql(query, vars, headers);
          const want = await writer.gql(query, vars, headers);
          const codes = (got.errors ?? []).map((e) => String(e.extensions?.code));
          if (codes.some((c) => c === 'INTERNAL_SERVER_ERROR' || c === 'UNAVAILABLE'))
            failures.push(`${example} as ${who}: ${JSON.stringify(got.errors)}`);
          else if (who === 'admin' && got.errors) failures.push(`${example} as admin: ${JSON.stringify(got.errors)}`);
          else if (JSON.stringify(got) !== JSON.stringify(want))
            failures.push(`${example} as ${who}: answered otherwise than a writable server`);
        }
      }
      expect(failures).toEqual([]);
      // Nothing folded the queue either: the reads added it on the fly.
      expect(await pending(writer)).toBe(queued);
    });
  });
}
