import { readFileSync } from 'fs';
import { join } from 'path';
import { makeExecutableSchema } from '@graphql-tools/schema';
import {
  getNamedType,
  graphql,
  graphqlSync,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLFieldResolver,
  type GraphQLInputType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
} from 'graphql';
import { ANONYMOUS } from '../../src/auth/viewer';
import { columnCapacity } from '../../src/data/column-capacity';
import { PUBLIC } from '../../src/graphql/access/access-rules';
import { applyAccess } from '../../src/graphql/access/apply-access';
import { constraintsOf, type InputDef } from '../../src/graphql/access/argument-rules';
import { argumentConstraintProblems } from '../../src/graphql/access/text-limits';
import { buildSchema, loadTypeDefs, SCHEMA_DIR } from '../../src/graphql/schema';
import { allEditions } from '../../src/shared/editions';
import { editionTypeDefs } from '../../src/shared/editions/edition-sdl';
import type { Services } from '../../src/services';

const DIRECTIVES = readFileSync(join(SCHEMA_DIR, 'directives.graphql'), 'utf8');
/** A sample schema with the served directives, every field public: only its argument constraints are on trial. */
const sample = (sdl: string) => () =>
  applyAccess(makeExecutableSchema({ typeDefs: [DIRECTIVES, sdl] }), { Query: { '*': PUBLIC }, Mutation: { '*': PUBLIC } });

describe('argument constraints checked when the schema is built', () => {
  it('refuses a @maxLength larger than the entity column it names', () => {
    expect(sample('type Query { x(comment: String @maxLength(n: 2001, column: "Finding.reviewComment")): String }')).toThrow(
      'Query.x(comment): @maxLength(n: 2001) exceeds the column Finding.reviewComment, which holds 2000 characters',
    );
    // In an input field too, and against a TEXT column (65,535 bytes: 16,383 characters of four bytes).
    expect(sample('input N { text: String @maxLength(n: 20000, column: "ReportNarrative.text") } type Query { x(n: N): String }')).toThrow(
      'N.text: @maxLength(n: 20000) exceeds the column ReportNarrative.text, which holds 16383 characters',
    );
    // At the column's length it builds.
    expect(sample('type Query { x(comment: String @maxLength(n: 2000, column: "Finding.reviewComment")): String }')).not.toThrow();
  });

  it.each([
    ['an argument', 'type Query { x(note: String): String }', 'Query.x(note): a text input without @maxLength'],
    ['a list argument', 'type Query { x(notes: [String!]!): String }', 'Query.x(notes): a text input without @maxLength'],
    ['an input field', 'input I { note: String } type Query { x(i: I): String }', 'I.note: a text input without @maxLength'],
    [
      'a mutation argument renamed without its directive',
      'type Query { x: String } type Mutation { review(remark: String): String }',
      'Mutation.review(remark): a text input without @maxLength',
    ],
  ])('refuses %s of text without a limit', (_, sdl, message) => {
    expect(sample(sdl)).toThrow(message);
  });

  it.each([
    ['an entity that is not there', '@maxLength(n: 10, column: "Nothing.x")', 'no entity Nothing in entities/'],
    ['a column that is not there', '@maxLength(n: 10, column: "Report.nothing")', 'entity Report has no column nothing'],
    ['a column without text', '@maxLength(n: 10, column: "Finding.expected")', 'a decimal column holds no text'],
    ['a column not written Entity.property', '@maxLength(n: 10, column: "report_title")', 'write it as "Entity.property"'],
    ['a limit of no characters', '@maxLength(n: 0)', '@maxLength(n: 0) is not a positive number of characters'],
  ])('refuses %s', (_, directive, message) => {
    expect(sample(`type Query { x(t: String ${directive}): String }`)).toThrow(message);
  });

  it('refuses a directive on a type it cannot constrain', () => {
    expect(sample('type Query { x(year: String @year, code: Int @regionCode, n: Int @maxLength(n: 3)): String }')).toThrow(
      /Query\.x\(year\): @year constrains an Int, not String[\s\S]*Query\.x\(code\): @regionCode constrains a String, not Int[\s\S]*Query\.x\(n\): @maxLength constrains a String, not Int/,
    );
  });

  it('builds the served schema: every text input has its limit and each fits its column', () => {
    const served = makeExecutableSchema({ typeDefs: [...loadTypeDefs(), editionTypeDefs(allEditions())] });
    expect(argumentConstraintProblems(served)).toEqual([]);
    expect(() => buildSchema({} as Services)).not.toThrow();
    expect([columnCapacity('Report', 'title'), columnCapacity('ReportNarrative', 'text'), columnCapacity('Report', 'year')]).toEqual([
      { kind: 'text', characters: 300 },
      { kind: 'text', characters: 16_383 },
      { kind: 'not-text', type: 'int' },
    ]);
  });
});

/** One text the served schema limits: where it is (as a refusal names it) and a field's arguments holding a text of a given length there. */
interface Limited {
  field: string;
  where: string;
  n: number;
  args: (length: number) => Record<string, unknown>;
}

/** The smallest valid value of a type: what the arguments around the text on trial hold. */
function valid(schema: GraphQLSchema, type: GraphQLInputType, def: InputDef): unknown {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) return [valid(schema, inner.ofType, def)];
  const named = getNamedType(inner);
  if (isInputObjectType(named))
    return Object.fromEntries(
      Object.values(named.getFields())
        .filter((f) => isNonNullType(f.type))
        .map((f) => [f.name, valid(schema, f.type, f)]),
    );
  if (isEnumType(named)) return named.getValues()[0].value;
  const c = constraintsOf(schema, def);
  return { ID: '1', Int: c.year ? 2020 : 1, Float: 1, Boolean: false, String: c.regionCode ? '370830' : 'x' }[named.name];
}

/** Every limited text below a value of `type`, with the value that holds a text of a given length there. */
function textsIn(
  schema: GraphQLSchema,
  type: GraphQLInputType,
  def: InputDef,
  where: string,
): Array<Omit<Limited, 'field' | 'args'> & { value: (l: number) => unknown }> {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) return textsIn(schema, inner.ofType, def, `${where}[0]`).map((t) => ({ ...t, value: (l) => [t.value(l)] }));
  const named = getNamedType(inner);
  if (isInputObjectType(named))
    return Object.values(named.getFields()).flatMap((f) =>
      textsIn(schema, f.type, f, `${where}.${f.name}`).map((t) => ({
        ...t,
        value: (l: number) => ({ ...(valid(schema, named, def) as object), [f.name]: t.value(l) }),
      })),
    );
  const max = constraintsOf(schema, def).maxLength;
  return named.name === 'String' && max ? [{ where, n: max.n, value: (l: number) => 'x'.repeat(l) }] : [];
}

function limitedTexts(schema: GraphQLSchema): Limited[] {
  return Object.values(schema.getTypeMap())
    .filter(isObjectType)
    .filter((t) => !t.name.startsWith('__'))
    .flatMap((t) =>
      Object.values(t.getFields()).flatMap((f) =>
        f.args.flatMap((a) =>
          textsIn(schema, a.type, a, a.name).map((text) => ({
            field: `${t.name}.${f.name}`,
            where: text.where,
            n: text.n,
            args: (length: number) => ({
              ...Object.fromEntries(f.args.filter((o) => isNonNullType(o.type)).map((o) => [o.name, valid(schema, o.type, o)])),
              [a.name]: text.value(length),
            }),
          })),
        ),
      ),
    );
}

describe('argument constraints enforced before any resolver runs', () => {
  // The served schema over no services: a check that lets a value through reaches a resolver that fails otherwise.
  const schema = buildSchema({} as Services);
  const ctx = { viewer: ANONYMOUS };
  const refusalOf = async (field: string, args: Record<string, unknown>) => {
    const [type, name] = field.split('.');
    const resolve = (
      schema.getType(type) as { getFields(): Record<string, { resolve?: GraphQLFieldResolver<unknown, unknown> }> }
    ).getFields()[name].resolve!;
    try {
      await resolve({}, args, ctx, {} as GraphQLResolveInfo);
      return null;
    } catch (e) {
      const { code, message, extensions } = e as { code?: string; message: string; extensions?: Record<string, unknown> };
      return { code, message, argument: extensions?.argument };
    }
  };
  // Files of 64 MiB are bounded by the request body limit first (tests/limits/body-limit.e2e-spec.ts).
  const texts = limitedTexts(schema).filter((t) => t.n <= 100_000);

  it('finds the texts to try', () => {
    expect(texts.length).toBeGreaterThan(40);
    expect(texts.map((t) => `${t.field} ${t.where} ${t.n}`)).toEqual(
      expect.arrayContaining([
        'Mutation.reviewFinding comment 2000',
        'Mutation.returnReport comment 2000',
        'Mutation.submitFigures input.narratives[0].text 16000',
        'Mutation.submitFigures input.title 300',
        'Mutation.createUser input.name 100',
        'Query.agencies filter.nameContains 200',
        'Rollup.values keys[0] 200',
      ]),
    );
  });

  it('refuses each text one character over its limit with BAD_USER_INPUT naming the argument and the limit, and lets the limit through', async () => {
    const wrong: string[] = [];
    for (const t of texts) {
      const over = await refusalOf(t.field, t.args(t.n + 1));
      if (over?.code !== 'BAD_USER_INPUT' || over.argument !== t.where || !over.message.includes(`longer than ${t.n} characters`))
        wrong.push(`${t.field} ${t.where} at ${t.n + 1}: ${JSON.stringify(over)}`);
      const at = await refusalOf(t.field, t.args(t.n));
      if (at?.code === 'BAD_USER_INPUT' && at.argument === t.where) wrong.push(`${t.field} ${t.where} at ${t.n}: ${at.message}`);
    }
    expect(wrong).toEqual([]);
  });

  it('names the file of a filing in a refusal of any of its fields', async () => {
    const refused = await refusalOf('Mutation.submitReport', {
      input: { agencyId: '2', year: 2024, fileName: '2024年报.docx', contentBase64: 'eA==', reason: 'r'.repeat(2001) },
    });
    expect(refused).toEqual({
      code: 'BAD_USER_INPUT',
      argument: 'input.reason',
      message: expect.stringMatching(/^2024年报\.docx: input\.reason r{40}… \(2001 characters\): longer than 2000 characters$/),
    });
  });

  it('checks region codes and years where the SDL declares them, whatever the argument is called', async () => {
    expect(await refusalOf('Query.region', { code: '37083' })).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'code' });
    expect(await refusalOf('Query.trend', { regionCode: '370830', keys: ['k'], fromYear: 2007, toYear: 2020 })).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'fromYear',
      message: 'fromYear 2007: not a report year (2008 to 2100)',
    });
    const renamed = applyAccess(
      makeExecutableSchema({
        typeDefs: [DIRECTIVES, 'type Query { x(where: String @regionCode, when: Int @year, id: ID): String }'],
        resolvers: { Query: { x: () => 'ok' } },
      }),
      { Query: { x: PUBLIC } },
    );
    const ask = async (args: string) =>
      (await graphql({ schema: renamed, source: `{ x${args} }`, contextValue: ctx })).errors?.map((e) => e.message) ?? [];
    expect(
      await Promise.all([ask('(where: "abc")'), ask('(when: 1999)'), ask('(id: "0")'), ask('(where: "370830", when: 2020, id: "7")')]),
    ).toEqual([
      ['where "abc": not a region code (6 digits, or 9 for a township)'],
      ['when 1999: not a report year (2008 to 2100)'],
      ['id "0": not an id (a positive integer)'],
      [],
    ]);
  });

  it('declares the directives where GraphiQL and other tools read them (introspection)', () => {
    const res = graphqlSync({
      schema,
      source: '{ __schema { directives { name locations args { name type { kind name ofType { name } } } } } }',
    });
    const declared = Object.fromEntries(
      (res.data!.__schema as { directives: Array<{ name: string; locations: string[]; args: Array<{ name: string }> }> }).directives.map(
        (d) => [d.name, { locations: d.locations, args: d.args.map((a) => a.name) }],
      ),
    );
    expect(declared).toMatchObject({
      maxLength: { locations: ['ARGUMENT_DEFINITION', 'INPUT_FIELD_DEFINITION'], args: ['n', 'column'] },
      regionCode: { locations: ['ARGUMENT_DEFINITION', 'INPUT_FIELD_DEFINITION'], args: [] },
      year: { locations: ['ARGUMENT_DEFINITION', 'INPUT_FIELD_DEFINITION'], args: [] },
      fileName: { locations: ['INPUT_FIELD_DEFINITION'], args: [] },
    });
  });

  it('marks every year and region code argument of the served schema (a new one without its directive fails here)', () => {
    const unmarked: string[] = [];
    const visit = (where: string, def: InputDef & { name: string }) => {
      const named = getNamedType(def.type);
      const c = constraintsOf(schema, def);
      if (named.name === 'Int' && /year$/i.test(def.name) && !c.year) unmarked.push(`${where}: @year`);
      if (named.name === 'String' && /(^code|Code)$/.test(def.name) && !c.regionCode) unmarked.push(`${where}: @regionCode`);
    };
    for (const t of Object.values(schema.getTypeMap())) {
      if (t.name.startsWith('__')) continue;
      if (isObjectType(t)) for (const f of Object.values(t.getFields())) for (const a of f.args) visit(`${t.name}.${f.name}(${a.name})`, a);
      if (isInputObjectType(t)) for (const f of Object.values(t.getFields())) visit(`${t.name}.${f.name}`, f);
    }
    expect(unmarked).toEqual([]);
  });
});
