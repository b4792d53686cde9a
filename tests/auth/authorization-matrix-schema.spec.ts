import { makeExecutableSchema } from '@graphql-tools/schema';
import { allEditions } from '../../src/shared/editions';
import { editionTypeDefs } from '../../src/shared/editions/edition-sdl';
import { accessRules, ruleOf } from '../../src/graphql/access/access-rules';
import { applyAccess, fieldsWithoutRule, schemaFields } from '../../src/graphql/access/apply-access';
import { loadTypeDefs } from '../../src/graphql/schema';

/** The authorisation matrix's premise: no field is served without an access rule (the matrix itself: authorization-matrix-*.e2e-spec.ts). */
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
