import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';
import { SeededRandom } from '../../src/shared/seeded-random';

/**
 * Random read operations over a whole schema, for the pricing property test: any Query field,
 * arguments drawn from values that matter to a price (0, negatives, the int32 extremes, pages over
 * the bound, null, unknown and known region codes, keys, cursors), nested selections of objects and
 * lists. Values are written inline so that each operation is one text to send.
 */
const INTS = [0, 1, 2, 5, 50, 52, 53, 499, 500, 501, -1, -2147483648, 2147483647];
const YEARS = [2019, 2020, 2021, 2023, 2024, 2008, 1990, 2050];
const CODES = ['370800', '370830', '370000', '370881', '370830102', '999999', '', '37'];
const KEYS = ['applications.new.total', 'grant_rate', 'active.normative.published', 'review.corrected', 'bogus.key'];
const IDS = ['1', '2', '3', '5', '40', '999999', '-1', 'abc'];
const STRINGS = ['汶上', '', 'x'.repeat(300), 'eyJ', 'MQ'];
const SKIP_ROOT = new Set(['__schema', '__type']);

export function randomOperations(schema: GraphQLSchema, seed: number) {
  const random = new SeededRandom(seed);
  const rnd = () => random.next();
  const pick = <T>(xs: readonly T[]): T => random.pick(xs);
  const chance = (p: number) => rnd() < p;

  function scalar(name: string, argName: string): string {
    const n = argName.toLowerCase();
    if (name === 'Int') return String(n.includes('year') ? pick(YEARS) : pick(INTS));
    if (name === 'Float') return String(pick([0, 1.5, -1, 1e9]));
    if (name === 'Boolean') return String(chance(0.5));
    if (name === 'ID') return JSON.stringify(pick(IDS));
    if (n.includes('code')) return JSON.stringify(pick(CODES));
    if (n.includes('key') || n === 'orderby') return JSON.stringify(pick(KEYS));
    return JSON.stringify(pick(STRINGS));
  }

  function value(type: GraphQLInputType, argName: string, depth: number): string {
    if (isNonNullType(type)) return value(type.ofType, argName, depth);
    if (chance(0.05)) return 'null';
    if (isListType(type))
      return `[${Array.from({ length: Math.floor(rnd() * 4) }, () => value(type.ofType, argName, depth + 1)).join(', ')}]`;
    if (isEnumType(type)) return pick(type.getValues()).name;
    if (isInputObjectType(type)) {
      const fields = Object.values(type.getFields()).filter((f) => isNonNullType(f.type) || (depth < 3 && chance(0.5)));
      return `{ ${fields.map((f) => `${f.name}: ${value(f.type, f.name, depth + 1)}`).join(', ')} }`;
    }
    return scalar(isScalarType(type) ? type.name : 'String', argName);
  }

  function args(field: GraphQLField<unknown, unknown>): string {
    const chosen = field.args.filter((a) => isNonNullType(a.type) || chance(0.5));
    return chosen.length ? `(${chosen.map((a) => `${a.name}: ${value(a.type, a.name, 0)}`).join(', ')})` : '';
  }

  function selection(type: GraphQLNamedType, depth: number): string {
    if (isUnionType(type) || (!isObjectType(type) && !isInterfaceType(type))) return '{ __typename }';
    const fields = Object.values(type.getFields());
    const count = 1 + Math.floor(rnd() * 4);
    const parts = new Set<string>();
    for (let i = 0; i < count; i++) {
      const f = pick(fields);
      const named = getNamedType(f.type);
      const leaf = isScalarType(named) || isEnumType(named);
      if (!leaf && depth >= 4) continue;
      parts.add(`a${parts.size}: ${f.name}${args(f)}${leaf ? '' : ` ${selection(named, depth + 1)}`}`);
    }
    if (isInterfaceType(type)) {
      for (const t of schema.getPossibleTypes(type)) if (chance(0.5)) parts.add(`... on ${t.name} ${selection(t, depth + 1)}`);
    }
    return `{ __typename ${[...parts].join(' ')} }`;
  }

  const roots = Object.values(schema.getQueryType()!.getFields()).filter((f) => !SKIP_ROOT.has(f.name));
  return function next(): string {
    const n = 1 + Math.floor(rnd() * 3);
    return `{ ${Array.from({ length: n }, (_, i) => {
      const f = pick(roots);
      const named = getNamedType(f.type);
      const leaf = isScalarType(named) || isEnumType(named);
      return `r${i}: ${f.name}${args(f)}${leaf ? '' : ` ${selection(named, 1)}`}`;
    }).join(' ')} }`;
  };
}

/** Objects and list items an answer holds, counted as the price counts them: every list item and what it holds. */
export function answerNodes(data: unknown): number {
  let nodes = 0;
  const stack: unknown[] = [data];
  while (stack.length) {
    const v = stack.pop();
    if (Array.isArray(v)) {
      nodes += v.length;
      stack.push(...v);
    } else if (v && typeof v === 'object') stack.push(...Object.values(v));
  }
  return nodes;
}
