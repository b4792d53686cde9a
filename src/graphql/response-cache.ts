import { createHash } from 'crypto';
import type { ApolloServerPlugin, GraphQLRequestContextResponseForOperation } from '@apollo/server';
import { print, type DocumentNode, type FormattedExecutionResult } from 'graphql';
import type { Viewer } from '../auth/viewer';
import { dataFailure } from '../data/transactional-connection';
import { responseFormat } from './response-format';

interface Entry {
  /** The answer as serialised when stored: nothing a resolver still holds can change a replay. */
  text: string;
  bytes: number;
}

/**
 * Whole results of read-only operations, keyed by data version and a digest of everything that
 * can change the answer. A new data version empties it, so an entry can never outlive the data it
 * was computed from. Its cap is in bytes (answer and key both), so no stream of unique requests can
 * grow it past `maxBytes`; the least recently used entries go first.
 */
export class ResponseCache {
  private entries = new Map<string, Entry>();
  private bytes = 0;
  private version: string | null = null;

  constructor(private readonly maxBytes = 64 * 1024 * 1024) {}

  private sync(version: string): void {
    if (version !== this.version) {
      this.entries.clear();
      this.bytes = 0;
      this.version = version;
    }
  }

  /** Bytes held now (answers and keys), for the tests of the cap. */
  get size(): number {
    return this.bytes;
  }

  get(version: string, key: string): FormattedExecutionResult | undefined {
    this.sync(version);
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    // Map order is insertion order: re-inserting keeps recently used entries last (LRU).
    this.entries.delete(key);
    this.entries.set(key, hit);
    return JSON.parse(hit.text) as FormattedExecutionResult;
  }

  set(version: string, key: string, result: FormattedExecutionResult): void {
    this.sync(version);
    const text = JSON.stringify(result);
    // A JavaScript string holds up to two bytes a character (Chinese text does): count that.
    const bytes = 2 * (text.length + key.length);
    if (bytes > this.maxBytes / 16 || this.entries.has(key)) return;
    this.entries.set(key, { text, bytes });
    this.bytes += bytes;
    for (const [k, v] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(k);
      this.bytes -= v.bytes;
    }
  }
}

/** JSON with object keys sorted: the same variables give the same key, however a client orders them. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** Apollo keeps one parsed document per query text: its normalised print is computed once per document. */
const printed = new WeakMap<DocumentNode, string>();
function normalised(document: DocumentNode): string {
  let text = printed.get(document);
  if (text === undefined) printed.set(document, (text = print(document)));
  return text;
}

/**
 * A digest of everything that can change the answer: who asks (the account itself, since `me`
 * and `apiTokens` answer per account, and every scope dimension), the response format, the
 * normalised operation and its variables. No raw body is kept.
 */
function cacheKey(rc: GraphQLRequestContextResponseForOperation<{ viewer: Viewer }>): string {
  const { viewer } = rc.contextValue;
  const { request } = rc;
  const audience = [viewer.userId ?? null, viewer.id, viewer.role, viewer.regionPath, viewer.agencyId];
  const parts = [
    canonical(audience),
    responseFormat(request.http?.headers.get('accept')),
    normalised(rc.document),
    rc.operationName ?? '',
    canonical(request.variables ?? {}),
  ];
  return createHash('sha256').update(parts.join('\u0000')).digest('base64');
}

/**
 * The cache as an Apollo plugin, so that it answers only after every request check has passed:
 * body and parameter parsing, CSRF prevention, parsing, validation, the limits, price and budget.
 * It stands in for execution alone, and Apollo then serialises a hit for this client exactly as a
 * fresh result (content type, status). Only error-free results of queries are kept, without their
 * extensions (the price and budget are each request's own). No header tells a caller whether the
 * answer was cached: for a shared scope that would reveal what others asked.
 */
export function responseCachePlugin<C extends { viewer: Viewer }>(
  cache: ResponseCache,
  currentVersion: () => Promise<string>,
): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      let pending: { version: string; key: string } | null = null;
      let version: string | null = null;
      let hit = false;
      return {
        // Read the version before executing: a write committed meanwhile makes this answer's key stale at once.
        // Read here rather than in responseForOperation, where Apollo would turn a failure (the database
        // away) into a bare 500: an error here is a request error, mapped like any other.
        async didResolveOperation(rc) {
          if (rc.operation?.operation !== 'query') return;
          try {
            version = await currentVersion();
          } catch (e) {
            // Named here, where the driver's error is still itself (Apollo wraps anything not an Error of this realm).
            throw dataFailure(e) ?? e;
          }
        },
        async responseForOperation(rc) {
          if (rc.operation.operation !== 'query' || version === null) return null;
          const key = cacheKey(rc);
          const result = cache.get(version, key);
          if (!result) {
            pending = { version, key };
            return null;
          }
          hit = true;
          return { http: rc.response.http, body: { kind: 'single', singleResult: result } };
        },
        async willSendResponse({ response }) {
          if (hit || !pending || response.body.kind !== 'single') return;
          const { singleResult } = response.body;
          if (!singleResult.errors?.length && (response.http.status ?? 200) === 200)
            cache.set(pending.version, pending.key, { data: singleResult.data });
        },
      };
    },
  };
}
