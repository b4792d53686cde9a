import {
  getNamedType,
  getNullableType,
  isCompositeType,
  isListType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { getArgumentValues, getDirectiveValues } from 'graphql/execution/values';
import { GraphQLIncludeDirective, GraphQLSkipDirective } from 'graphql/type/directives';
import { createHash } from 'crypto';
import {
  checkListArguments,
  listBound,
  pageOf,
  scopeFor,
  sizeKey,
  sizeQuestion,
  type BoundScope,
  type KnownSizes,
  type SizeQuestion,
} from './list-bounds';

/**
 * The price of an operation before it runs, in the manner of GitHub's API: `cost` counts fields
 * (each 1, plus the work some fields do beyond a lookup), every list multiplied by its real
 * maximum size (list-bounds.ts), nested lists multiplied together; `nodes` counts the objects
 * and list items the answer can hold. Fragments are priced once per place and scope (memoised),
 * so a fragment bomb costs its walk once, not exponentially.
 */
export interface Price {
  cost: number;
  nodes: number;
}

/**
 * Work beyond a lookup, in fields' worth, measured by `npm run bench:prices` against a page of
 * cells (about 4 ms per 1,000 points on this 2-core machine): a DOCX render costs as much as
 * 1,000 fields, an HTML one 250; a file read 1,000 plus a point per 3 bytes of its base64 text
 * (a PDF's layout, by far the dearest to read, runs about 1 ms per KiB); a connection's page
 * and count statements 50.
 */
export const RENDER_COST = { HTML: 250, DOCX: 1_000 } as const;
const FILE_READ_BASE = 1_000;
/** Root fields that run their own grouped statements (roll-ups, compliance), even when they list nothing. */
const GROUPED_READS = new Set(['aggregate', 'compare', 'trend', 'compliance']);
const FILE_READ_BYTES_PER_POINT = 3;

function fileReadCost(args: Record<string, unknown>): number {
  const content = (args.input as { contentBase64?: unknown } | undefined)?.contentBase64;
  return FILE_READ_BASE + Math.ceil((typeof content === 'string' ? content.length : 0) / FILE_READ_BYTES_PER_POINT);
}

function baseCost(typeName: string, field: GraphQLField<unknown, unknown>, args: Record<string, unknown>): number {
  if ((typeName === 'Report' && field.name === 'rendered') || (typeName === 'Region' && field.name === 'renderedRollup'))
    return args.format === 'DOCX' ? RENDER_COST.DOCX : RENDER_COST.HTML;
  if (typeName === 'Mutation' && (field.name === 'previewReport' || field.name === 'submitReport')) return fileReadCost(args);
  // A page and its count: two SQL statements, each worth about 25 fields' resolution.
  if (field.args.some((a) => a.name === 'first')) return 50;
  if (typeName === 'Query' && GROUPED_READS.has(field.name)) return 25;
  return 1;
}

interface Walk {
  schema: GraphQLSchema;
  variables: Record<string, unknown>;
  sizes: KnownSizes;
  fragments: Map<string, FragmentDefinitionNode>;
  memo: Map<string, Price>;
}

const included = (w: Walk, node: { directives?: readonly unknown[] } & Parameters<typeof getDirectiveValues>[1]): boolean =>
  getDirectiveValues(GraphQLSkipDirective, node, w.variables)?.if !== true &&
  getDirectiveValues(GraphQLIncludeDirective, node, w.variables)?.if !== false;

/** Introspection's lists; the standard introspection query nests three (types, fields, args). */
const INTROSPECTION_LISTS = new Set([
  'types',
  'fields',
  'inputFields',
  'args',
  'interfaces',
  'possibleTypes',
  'enumValues',
  'directives',
  'locations',
]);
const MAX_INTROSPECTION_NESTING = 3;
/** An introspection answer is read from the schema in memory: a flat price, the schema's size at most. */
const INTROSPECTION_COST = 1_000;

function introspectionNesting(w: Walk, set: SelectionSetNode | undefined, seen: Set<string>): number {
  let deepest = 0;
  for (const sel of set?.selections ?? []) {
    let d = 0;
    if (sel.kind === Kind.FIELD) d = (INTROSPECTION_LISTS.has(sel.name.value) ? 1 : 0) + introspectionNesting(w, sel.selectionSet, seen);
    else if (sel.kind === Kind.INLINE_FRAGMENT) d = introspectionNesting(w, sel.selectionSet, seen);
    else if (!seen.has(sel.name.value))
      d = introspectionNesting(w, w.fragments.get(sel.name.value)?.selectionSet, new Set([...seen, sel.name.value]));
    deepest = Math.max(deepest, d);
  }
  return deepest;
}

function priceIntrospection(w: Walk, node: FieldNode): Price {
  if (node.name.value === '__typename') return { cost: 0, nodes: 0 };
  // Nesting lists inside introspection (types { fields { type { fields … } } }) multiplies the answer: refused by price.
  if (introspectionNesting(w, node.selectionSet, new Set()) > MAX_INTROSPECTION_NESTING)
    return { cost: Number.POSITIVE_INFINITY, nodes: Number.POSITIVE_INFINITY };
  return { cost: node.name.value === '__schema' ? INTROSPECTION_COST : 10, nodes: Object.keys(w.schema.getTypeMap()).length * 50 };
}

function priceField(w: Walk, parent: GraphQLCompositeType, node: FieldNode, scope: BoundScope): Price {
  if (node.name.value.startsWith('__')) return priceIntrospection(w, node);
  if (!('getFields' in parent)) return { cost: 0, nodes: 0 };
  const field = parent.getFields()[node.name.value];
  if (!field) return { cost: 0, nodes: 0 };
  const args = getArgumentValues(field, node, w.variables);
  checkListArguments(parent.name, field.name, args);
  const type = getNullableType(field.type);
  const paged = field.args.some((a) => a.name === 'first');
  const inner: BoundScope = { ...scopeFor(args, scope), page: paged ? pageOf(args) : undefined };
  const named = getNamedType(field.type);
  const child = node.selectionSet && isCompositeType(named) ? priceSelections(w, named, node.selectionSet, inner) : { cost: 0, nodes: 0 };
  const base = baseCost(parent.name, field, args);
  if (!isListType(type)) return { cost: base + child.cost, nodes: child.nodes };
  const size = listBound(parent.name, field.name, args, scope.page !== undefined && field.name === 'nodes' ? scope : inner, w.sizes);
  // A list of scalars costs an item each; a list of objects its items' selections each.
  return { cost: base + size * Math.max(child.cost, 1), nodes: size * (1 + child.nodes) };
}

function priceSelections(w: Walk, parent: GraphQLCompositeType, set: SelectionSetNode, scope: BoundScope): Price {
  const total: Price = { cost: 0, nodes: 0 };
  for (const sel of set.selections) {
    if (!included(w, sel)) continue;
    let p: Price;
    if (sel.kind === Kind.FIELD) p = priceField(w, parent, sel, scope);
    else if (sel.kind === Kind.INLINE_FRAGMENT) {
      const t = sel.typeCondition ? w.schema.getType(sel.typeCondition.name.value) : parent;
      p = t && isCompositeType(t) ? priceSelections(w, t, sel.selectionSet, scope) : { cost: 0, nodes: 0 };
    } else {
      const key = `${sel.name.value}|${parent.name}|${JSON.stringify(scope)}`;
      const known = w.memo.get(key);
      if (known) p = known;
      else {
        const frag = w.fragments.get(sel.name.value);
        const t = frag && w.schema.getType(frag.typeCondition.name.value);
        // Guard first: validation refuses fragment cycles, but pricing must not loop if it ever runs first.
        w.memo.set(key, { cost: 0, nodes: 0 });
        p = frag && t && isCompositeType(t) ? priceSelections(w, t, frag.selectionSet, scope) : { cost: 0, nodes: 0 };
        w.memo.set(key, p);
      }
    }
    total.cost += p.cost;
    total.nodes += p.nodes;
  }
  return total;
}

const fragmentsOf = (document: DocumentNode) =>
  new Map(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );

/**
 * The list sizes an operation's price depends on beyond its text (src/graphql/limits/list-bounds.ts
 * SizeQuestion): found on its root fields, fragments included, before the sizes are looked up.
 */
export function sizeQuestions(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): SizeQuestion[] {
  const root = schema.getRootType(operation.operation);
  if (!root) return [];
  const fragments = fragmentsOf(document);
  const found = new Map<string, SizeQuestion>();
  const seen = new Set<string>();
  const visit = (set: SelectionSetNode) => {
    for (const sel of set.selections) {
      if (sel.kind === Kind.INLINE_FRAGMENT) visit(sel.selectionSet);
      else if (sel.kind === Kind.FRAGMENT_SPREAD) {
        const frag = fragments.get(sel.name.value);
        if (frag && !seen.has(frag.name.value)) {
          seen.add(frag.name.value);
          visit(frag.selectionSet);
        }
      } else {
        const field = root.getFields()[sel.name.value];
        if (!field) continue;
        const q = sizeQuestion(field.name, getArgumentValues(field, sel, variables));
        if (q) found.set(sizeKey(q), q);
      }
    }
  };
  visit(operation.selectionSet);
  return [...found.values()];
}

/**
 * Prices of accepted operations, kept to spare the walk when a dashboard asks again. Keyed by a
 * digest of the document's identity and variables only (32 bytes, never the variables' text),
 * at most MAX_PRICES entries, and only for operations that were let through: a stream of distinct
 * or refused requests leaves nothing behind. Variables over a few KiB are priced afresh instead
 * of hashed (a walk costs less than hashing a report file).
 */
const MAX_PRICES = 4_096;
const MAX_HASHED_VARIABLES = 4_096;
const prices = new Map<string, Price>();
const documentIds = new WeakMap<DocumentNode, number>();
let nextDocumentId = 0;

function priceKey(
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  sizes: KnownSizes,
): string | null {
  const vars = JSON.stringify(variables);
  if (vars.length > MAX_HASHED_VARIABLES) return null;
  let id = documentIds.get(document);
  if (id === undefined) documentIds.set(document, (id = nextDocumentId++));
  return createHash('sha256')
    .update(`${id}\u0000${operation.name?.value ?? ''}\u0000${vars}\u0000${JSON.stringify([...sizes])}`)
    .digest('base64');
}

/** The operation's price; throws BAD_USER_INPUT when a paging argument cannot be priced (checkListArguments). */
export function priceOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  sizes: KnownSizes = new Map(),
): Price & { key: string | null } {
  const key = priceKey(document, operation, variables, sizes);
  const known = key ? prices.get(key) : undefined;
  if (known) return { ...known, key: null };
  return { ...walkOperation(schema, document, operation, variables, sizes), key };
}

/** Keeps the price of an operation that was let through (see `prices`). */
export function rememberPrice(price: Price & { key: string | null }): void {
  if (!price.key) return;
  if (prices.size >= MAX_PRICES) prices.delete(prices.keys().next().value!);
  prices.set(price.key, { cost: price.cost, nodes: price.nodes });
}

/** Entries held, for the memory test. */
export const priceCacheSize = () => prices.size;

function walkOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  sizes: KnownSizes,
): Price {
  const fragments = fragmentsOf(document);
  const root = schema.getRootType(operation.operation);
  if (!root) return { cost: 0, nodes: 0 };
  return priceSelections({ schema, variables, sizes, fragments, memo: new Map() }, root, operation.selectionSet, {});
}
