/**
 * The two single-result media types of the GraphQL-over-HTTP spec. The status of a request error
 * depends on which one the client gets, so it is chosen once, here, and set on the response
 * rather than left to Apollo's own negotiation.
 */
export const APPLICATION_JSON = 'application/json';
export const GRAPHQL_RESPONSE_JSON = 'application/graphql-response+json';
export type ResponseFormat = typeof APPLICATION_JSON | typeof GRAPHQL_RESPONSE_JSON;

const FORMATS: readonly ResponseFormat[] = [APPLICATION_JSON, GRAPHQL_RESPONSE_JSON];

interface MediaRange {
  type: string;
  q: number;
  order: number;
}

function parseAccept(accept: string): MediaRange[] {
  return accept.split(',').flatMap((part, order) => {
    const [range, ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    if (!range) return [];
    const qParam = params.find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    return [{ type: range, q: Number.isFinite(q) ? q : 0, order }];
  });
}

/** 2 for an exact range, 1 for type/*, 0 for *\/*, -1 when the range does not match. */
function specificity(range: string, format: ResponseFormat): number {
  if (range === format) return 2;
  if (range === `${format.split('/')[0]}/*`) return 1;
  return range === '*/*' ? 0 : -1;
}

/**
 * The format a client gets, by the rules of HTTP content negotiation (highest q, then the most
 * specific range, then the earlier range; application/json on a tie, as the spec advises until its
 * watershed). No Accept means application/json; null means the client accepts neither.
 */
export function responseFormat(accept: string | undefined | null): ResponseFormat | null {
  if (!accept?.trim()) return APPLICATION_JSON;
  const ranges = parseAccept(accept);
  let best: { format: ResponseFormat; q: number; s: number; order: number } | null = null;
  for (const format of FORMATS) {
    // The most specific matching range decides a type's q (RFC 9110, 12.5.1).
    let match: { q: number; s: number; order: number } | null = null;
    for (const r of ranges) {
      const s = specificity(r.type, format);
      if (s >= 0 && (!match || s > match.s)) match = { q: r.q, s, order: r.order };
    }
    if (!match || match.q <= 0) continue;
    const better =
      !best || match.q > best.q || (match.q === best.q && (match.s > best.s || (match.s === best.s && match.order < best.order)));
    if (better) best = { format, ...match };
  }
  return best?.format ?? null;
}

export function contentTypeOf(format: ResponseFormat): string {
  return `${format}; charset=utf-8`;
}
