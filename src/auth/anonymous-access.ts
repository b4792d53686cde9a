import { Kind, parse, type OperationDefinitionNode } from 'graphql';

/** Root fields a request without a token may still ask for when anonymous access is off. */
const OPEN_FIELDS = new Set(['login', '__typename']);

/**
 * Whether a GraphQL request asks for nothing but `login`, so that signing in stays possible with
 * ANONYMOUS_ACCESS=off. Anything unclear (no query, a parse error, fragments) counts as "no".
 */
export function asksOnlyToLogIn(body: unknown, search: URLSearchParams): boolean {
  const fromBody = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  const query = typeof fromBody.query === 'string' ? fromBody.query : search.get('query');
  const operationName = typeof fromBody.operationName === 'string' ? fromBody.operationName : search.get('operationName');
  if (!query) return false;
  let operations: OperationDefinitionNode[];
  try {
    operations = parse(query).definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  } catch {
    return false;
  }
  const op = operationName ? operations.find((o) => o.name?.value === operationName) : operations.length === 1 ? operations[0] : undefined;
  if (!op || op.operation !== 'mutation') return false;
  return op.selectionSet.selections.every((s) => s.kind === Kind.FIELD && OPEN_FIELDS.has(s.name.value));
}
