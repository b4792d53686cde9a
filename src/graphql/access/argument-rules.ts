import {
  getDirectiveValues,
  getNamedType,
  isInputObjectType,
  isListType,
  isNonNullType,
  type ConstDirectiveNode,
  type GraphQLInputObjectType,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { BadInputError } from '../../common/errors';

/**
 * Every argument is checked before any resolver runs, by the constraints the SDL declares on it
 * (schema/directives.graphql: `@maxLength(n)`, `@regionCode`, `@year`) and by its type (an `ID` is
 * a row id), so a bad id, code, year or an overlong text is a BAD_USER_INPUT naming the argument,
 * never an engine error; the same limits hold on both engines (SQLite does not enforce declared
 * column lengths). Nothing here depends on an argument's name: a renamed argument keeps its
 * directives, and one without a limit stops the server at start (text-limits.ts).
 */
const ID = /^[1-9]\d{0,9}$/;
/** GB/T 2260 codes (6 digits) and township statistical codes (9 digits). */
const REGION_CODE = /^\d{6}(\d{3})?$/;
/** The 条例 took effect in 2008; reports name the year they cover. */
export const YEAR_RANGE = { min: 2008, max: 2100 } as const;

/** What the SDL declares on one argument or input field. */
export interface Constraints {
  maxLength?: { n: number; column?: string };
  regionCode: boolean;
  year: boolean;
  fileName: boolean;
}

/** An argument or input field as the schema holds it: its directives are on its definition's AST node. */
export interface InputDef {
  readonly type: GraphQLInputType;
  readonly astNode?: { readonly directives?: ReadonlyArray<ConstDirectiveNode> } | null;
}

export function constraintsOf(schema: GraphQLSchema, def: InputDef): Constraints {
  const values = (name: string) => {
    const directive = schema.getDirective(name);
    return directive && def.astNode ? getDirectiveValues(directive, def.astNode) : undefined;
  };
  const max = values('maxLength') as { n: number; column?: string } | undefined;
  return {
    ...(max ? { maxLength: { n: max.n, ...(max.column ? { column: max.column } : {}) } } : {}),
    regionCode: !!values('regionCode'),
    year: !!values('year'),
    fileName: !!values('fileName'),
  };
}

type Check = (value: unknown, where: string) => void;

function fail(where: string, value: unknown, why: string): never {
  const shown =
    typeof value === 'string' && value.length > 40 ? `${value.slice(0, 40)}… (${value.length} characters)` : JSON.stringify(value);
  throw new BadInputError(`${where} ${shown}: ${why}`, { argument: where });
}

/** The check of one scalar: null when the type and constraints ask for none. */
function scalarCheck(type: string, c: Constraints): Check | null {
  if (type === 'ID')
    return (v, where) => {
      if (!ID.test(String(v))) fail(where, v, 'not an id (a positive integer)');
    };
  if (type === 'Int' && c.year)
    return (v, where) => {
      const y = v as number;
      if (y < YEAR_RANGE.min || y > YEAR_RANGE.max) fail(where, v, `not a report year (${YEAR_RANGE.min} to ${YEAR_RANGE.max})`);
    };
  if (type === 'String' && (c.maxLength || c.regionCode)) {
    const limit = c.maxLength?.n;
    return (v, where) => {
      const s = v as string;
      if (limit !== undefined && s.length > limit) fail(where, v, `longer than ${limit} characters`);
      if (c.regionCode && !REGION_CODE.test(s)) fail(where, v, 'not a region code (6 digits, or 9 for a township)');
    };
  }
  return null;
}

/**
 * Checks compiled once per schema, when the access transform wraps the resolvers: a field's check
 * walks only the arguments and input fields that declare something.
 */
export class ArgumentChecks {
  private readonly inputs = new Map<string, Array<{ name: string; check: Check }>>();

  constructor(private readonly schema: GraphQLSchema) {}

  /** The check of a field's arguments, or null when none of them declares anything. */
  forField(args: ReadonlyArray<InputDef & { name: string }>): ((values: Record<string, unknown>) => void) | null {
    const checks = args.flatMap((a) => {
      const check = this.compile(a.type, constraintsOf(this.schema, a));
      return check ? [{ name: a.name, check }] : [];
    });
    if (!checks.length) return null;
    return (values) => {
      for (const { name, check } of checks) {
        const v = values[name];
        if (v !== null && v !== undefined) check(v, name);
      }
    };
  }

  private compile(type: GraphQLInputType, c: Constraints): Check | null {
    const inner = isNonNullType(type) ? type.ofType : type;
    if (isListType(inner)) {
      const item = this.compile(inner.ofType, c);
      return item && ((v, where) => (v as unknown[]).forEach((x, i) => x !== null && x !== undefined && item(x, `${where}[${i}]`)));
    }
    const named = getNamedType(inner);
    return isInputObjectType(named) ? this.inputCheck(named) : scalarCheck(named.name, c);
  }

  private inputCheck(type: GraphQLInputObjectType): Check {
    let fields = this.inputs.get(type.name);
    if (!fields) {
      // Registered before its fields are compiled, so that an input type reaching itself terminates.
      fields = [];
      this.inputs.set(type.name, fields);
      for (const f of Object.values(type.getFields())) {
        const check = this.compile(f.type, constraintsOf(this.schema, f));
        if (check) fields.push({ name: f.name, check });
      }
    }
    const checks = fields;
    const file = Object.values(type.getFields()).find((f) => constraintsOf(this.schema, f).fileName)?.name;
    return (value, where) => {
      const given = value as Record<string, unknown>;
      try {
        for (const { name, check } of checks) {
          const v = given[name];
          if (v !== null && v !== undefined) check(v, `${where}.${name}`);
        }
      } catch (e) {
        // An input naming a file (a filing) names it in its errors too: the caller sees which file was refused.
        const named = file === undefined ? undefined : given[file];
        if (e instanceof BadInputError && typeof named === 'string')
          throw new BadInputError(`${named.slice(0, 200)}: ${e.message}`, { ...e.extensions, file: named });
        throw e;
      }
    };
  }
}
