import { BadInputError } from './errors';

export function encodeCursor(kind: string, id: number): string {
  return Buffer.from(`${kind}:${id}`).toString('base64url');
}

export function decodeCursor(kind: string, cursor: string | null | undefined): number | null {
  if (!cursor) return null;
  const m = new RegExp(`^${kind}:(\\d+)$`).exec(Buffer.from(cursor, 'base64url').toString());
  if (!m) throw new BadInputError(`after: "${cursor}" is not a ${kind} cursor`, { argument: 'after' });
  return Number(m[1]);
}

export function pageSize(first: number | null | undefined, max = 500): number {
  const n = first ?? 50;
  if (!Number.isInteger(n) || n < 0 || n > max) throw new BadInputError(`first must be between 0 and ${max}`, { argument: 'first' });
  return n;
}

/** `rows` holds up to limit + 1 rows: the extra one only tells that another page follows. */
export function connection<T extends { id: number }>(kind: string, rows: T[], total: number, limit: number) {
  const nodes = rows.slice(0, limit);
  return {
    nodes,
    totalCount: total,
    pageInfo: {
      hasNextPage: rows.length > limit,
      endCursor: nodes.length ? encodeCursor(kind, nodes[nodes.length - 1].id) : null,
    },
  };
}
