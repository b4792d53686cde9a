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
import { listBound, pageOf, scopeFor, type BoundScope } from './list-bounds';

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

/** Work beyond a lookup, in fields' worth: a rendered template, a connection's page and count statements. */
function baseCost(typeName: string, field: GraphQLField<unknown, unknown>, args: Record<string, unknown>): number {
  if ((typeName === 'Report' && field.name === 'rendered') || (typeName === 'Region' && field.name === 'renderedRollup')) return args.format === 'DOCX' ? 1_000 : 100;
  // Reading a file (a PDF's layout, a DOCX's XML) is a render's work backwards, and a preview stores nothing to show for it.
  if (typeName === 'Mutation' && field.name === 'previewReport') return 1_000;
  // A page and its count: two SQL statements, each worth about 25 fields' resolution.
  if (field.args.some((a) => a.name === 'first')) return 50;
  return 1;
}

interface Walk {
  schema: GraphQLSchema;
  variables: Record<string, unknown>;
  fragments: Map<string, FragmentDefinitionNode>;
  memo: Map<string, Price>;
}

const included = (w: Walk, node: { directives?: readonly unknown[] } & Parameters<typeof getDirectiveValues>[1]): boolean =>
  getDirectiveValues(GraphQLSkipDirective, node, w.variables)?.if !== true && getDirectiveValues(GraphQLIncludeDirective, node, w.variables)?.if !== false;

/** Introspection's lists; the standard introspection query nests three (types, fields, args). */
const INTROSPECTION_LISTS = new Set(['types', 'fields', 'inputFields', 'args', 'interfaces', 'possibleTypes', 'enumValues', 'directives', 'locations']);
const MAX_INTROSPECTION_NESTING = 3;
/** An introspection answer is read from the schema in memory: a flat price, the schema's size at most. */
const INTROSPECTION_COST = 1_000;

function introspectionNesting(w: Walk, set: SelectionSetNode | undefined, seen: Set<string>): number {
  let deepest = 0;
  for (const sel of set?.selections ?? []) {
    let d = 0;
    if (sel.kind === Kind.FIELD) d = (INTROSPECTION_LISTS.has(sel.name.value) ? 1 : 0) + introspectionNesting(w, sel.selectionSet, seen);
    else if (sel.kind === Kind.INLINE_FRAGMENT) d = introspectionNesting(w, sel.selectionSet, seen);
    else if (!seen.has(sel.name.value)) d = introspectionNesting(w, w.fragments.get(sel.name.value)?.selectionSet, new Set([...seen, sel.name.value]));
    deepest = Math.max(deepest, d);
  }
  return deepest;
}

function priceIntrospection(w: Walk, node: FieldNode): Price {
  if (node.name.value === '__typename') return { cost: 0, nodes: 0 };
  // Nesting lists inside introspection (types { fields { type { fields … } } }) multiplies the answer: refused by price.
  if (introspectionNesting(w, node.selectionSet, new Set()) > MAX_INTROSPECTION_NESTING) return { cost: Number.POSITIVE_INFINITY, nodes: Number.POSITIVE_INFINITY };
  return { cost: node.name.value === '__schema' ? INTROSPECTION_COST : 10, nodes: Object.keys(w.schema.getTypeMap()).length * 50 };
}

function priceField(w: Walk, parent: GraphQLCompositeType, node: FieldNode, scope: BoundScope): Price {
  if (node.name.value.startsWith('__')) return priceIntrospection(w, node);
  if (!('getFields' in parent)) return { cost: 0, nodes: 0 };
  const field = parent.getFields()[node.name.value];
  if (!field) return { cost: 0, nodes: 0 };
  const args = getArgumentValues(field, node, w.variables);
  const type = getNullableType(field.type);
  const paged = field.args.some((a) => a.name === 'first');
  const inner: BoundScope = { ...scopeFor(args, scope), page: paged ? pageOf(args) : undefined };
  const named = getNamedType(field.type);
  const child = node.selectionSet && isCompositeType(named) ? priceSelections(w, named, node.selectionSet, inner) : { cost: 0, nodes: 0 };
  const base = baseCost(parent.name, field, args);
  if (!isListType(type)) return { cost: base + child.cost, nodes: child.nodes };
  const size = listBound(parent.name, field.name, args, scope.page !== undefined && field.name === 'nodes' ? scope : inner);
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

/** Prices by document (Apollo keeps one per query text) and variables: a dashboard asking again is not walked again. */
const priced = new WeakMap<OperationDefinitionNode, Map<string, Price>>();
const MAX_PRICES_PER_OPERATION = 64;

export function priceOperation(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>): Price {
  let byVariables = priced.get(operation);
  if (!byVariables) priced.set(operation, (byVariables = new Map()));
  const key = JSON.stringify(variables);
  const known = byVariables.get(key);
  if (known) return known;
  const price = walkOperation(schema, document, operation, variables);
  if (byVariables.size >= MAX_PRICES_PER_OPERATION) byVariables.clear();
  byVariables.set(key, price);
  return price;
}

function walkOperation(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>): Price {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const root = schema.getRootType(operation.operation);
  if (!root) return { cost: 0, nodes: 0 };
  return priceSelections({ schema, variables, fragments, memo: new Map() }, root, operation.selectionSet, {});
}
