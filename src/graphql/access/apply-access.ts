import { MapperKind, mapSchema } from '@graphql-tools/utils';
import { defaultFieldResolver, type GraphQLFieldConfig, type GraphQLSchema } from 'graphql';
import { ForbiddenError } from '../../common/errors';
import type { RequestContext } from '../../context/request-context';
import { accessRules, PUBLIC, ruleOf, type TypeRules } from './access-rules';
import { ArgumentChecks } from './argument-rules';
import { assertArgumentConstraints } from './text-limits';

/** Object fields of a schema as "Type.field", introspection types left out. */
export function schemaFields(schema: GraphQLSchema): Array<{ type: string; field: string }> {
  const out: Array<{ type: string; field: string }> = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || !('getFields' in type) || !('getInterfaces' in type)) continue;
    for (const field of Object.keys(type.getFields())) out.push({ type: type.name, field });
  }
  return out;
}

/** Fields of `schema` without a declared rule. */
export function fieldsWithoutRule(schema: GraphQLSchema, rules: Record<string, TypeRules> = accessRules()): string[] {
  return schemaFields(schema)
    .filter(({ type, field }) => !ruleOf(rules, type, field))
    .map(({ type, field }) => `${type}.${field}`);
}

/**
 * The one access mechanism: every field's resolver is wrapped by its declared rule and by the
 * argument checks its SDL declares, once, when the schema is built. A field without a rule, a text
 * input without a limit, or a limit its column cannot hold stops the build, so no field can be
 * served without saying who may see it and what it takes.
 */
export function applyAccess(schema: GraphQLSchema, rules: Record<string, TypeRules> = accessRules()): GraphQLSchema {
  const missing = fieldsWithoutRule(schema, rules);
  if (missing.length) throw new Error(`no access rule for ${missing.join(', ')} (src/graphql/access/access-rules.ts)`);
  assertArgumentConstraints(schema);
  const checks = new ArgumentChecks(schema);
  return mapSchema(schema, {
    [MapperKind.OBJECT_FIELD]: (config: GraphQLFieldConfig<unknown, RequestContext>, field: string, type: string) => {
      const rule = ruleOf(rules, type, field)!;
      // Compiled from the schema as declared (its types and directives), not from the copy being built.
      const checkArgs = checks.forField(Object.entries(config.args ?? {}).map(([name, a]) => ({ name, type: a.type, astNode: a.astNode })));
      // Public fields with nothing to check keep their resolver untouched: most fields cost nothing extra.
      if (rule === PUBLIC && !checkArgs) return config;
      const resolve = config.resolve ?? defaultFieldResolver;
      return {
        ...config,
        resolve: async (parent, a, ctx, info) => {
          checkArgs?.(a);
          if (rule !== PUBLIC && !(await rule.allows(ctx.viewer, parent, ctx)))
            throw new ForbiddenError(`${type}.${field}: ${rule.refusal}`);
          return resolve(parent, a, ctx, info);
        },
      };
    },
  });
}
