import { getNamedType, isInputObjectType, isInterfaceType, isObjectType, type GraphQLSchema } from 'graphql';
import { columnCapacity } from '../../data/column-capacity';
import { constraintsOf, type InputDef } from './argument-rules';

/** Every argument and input field of a schema, named as the refusals name them: `Type.field(arg)`, `Input.field`. */
function inputsOf(schema: GraphQLSchema): Array<{ where: string; def: InputDef }> {
  const out: Array<{ where: string; def: InputDef }> = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    if (isObjectType(type) || isInterfaceType(type))
      for (const field of Object.values(type.getFields()))
        for (const arg of field.args) out.push({ where: `${type.name}.${field.name}(${arg.name})`, def: arg });
    if (isInputObjectType(type))
      for (const field of Object.values(type.getFields())) out.push({ where: `${type.name}.${field.name}`, def: field });
  }
  return out;
}

/**
 * What is wrong with the schema's argument constraints (schema/directives.graphql), one line each:
 * a text input without a limit (`@maxLength`, or `@regionCode`, which bounds it to 9 digits), a limit
 * larger than the entity column it names (TypeORM's declarations in entities/), a column that is
 * not there or holds no text, a directive on a type it cannot constrain. Empty: the schema may serve.
 */
export function argumentConstraintProblems(schema: GraphQLSchema): string[] {
  const problems: string[] = [];
  for (const { where, def } of inputsOf(schema)) {
    const c = constraintsOf(schema, def);
    const type = getNamedType(def.type).name;
    const misplaced = (directive: string, wants: string) => problems.push(`${where}: @${directive} constrains ${wants}, not ${type}`);
    if (c.maxLength && type !== 'String') misplaced('maxLength', 'a String');
    if (c.regionCode && type !== 'String') misplaced('regionCode', 'a String');
    if (c.year && type !== 'Int') misplaced('year', 'an Int');
    if (c.fileName && type !== 'String') misplaced('fileName', 'a String');
    if (type !== 'String') continue;
    if (!c.maxLength) {
      if (!c.regionCode) problems.push(`${where}: a text input without @maxLength(n: …): say how long it may be`);
      continue;
    }
    const { n, column } = c.maxLength;
    if (!Number.isInteger(n) || n < 1) problems.push(`${where}: @maxLength(n: ${n}) is not a positive number of characters`);
    if (!column) continue;
    const [entity, property, ...rest] = column.split('.');
    const capacity =
      property && !rest.length ? columnCapacity(entity, property) : ({ kind: 'unknown', why: 'write it as "Entity.property"' } as const);
    if (capacity.kind === 'unknown') problems.push(`${where}: @maxLength(column: "${column}"): ${capacity.why}`);
    else if (capacity.kind === 'not-text')
      problems.push(`${where}: @maxLength(column: "${column}"): a ${capacity.type} column holds no text`);
    else if (n > capacity.characters)
      problems.push(`${where}: @maxLength(n: ${n}) exceeds the column ${column}, which holds ${capacity.characters} characters`);
  }
  return problems;
}

/** Refuses to serve a schema whose argument constraints are wrong or missing, naming each place. */
export function assertArgumentConstraints(schema: GraphQLSchema): void {
  const problems = argumentConstraintProblems(schema);
  if (problems.length) throw new Error(`argument constraints refused (schema/directives.graphql, entities/):\n  ${problems.join('\n  ')}`);
}
