import type { ApolloServerPlugin, GraphQLRequestContextResponseForOperation } from '@apollo/server';
import type { FormattedExecutionResult } from 'graphql';
import type { Viewer } from '../auth/viewer';
import { responseFormat } from './response-format';

/** Tells a client (and the cache tests) whether its answer came from the cache. */
export const CACHE_HEADER = 'x-nianbao-cache';

interface Entry {
  result: FormattedExecutionResult;
  size: number;
}

/**
 * Whole results of read-only operations, keyed by data version, viewer scope and request. A new
 * data version empties it, so an entry can never outlive the data it was computed from.
 */
export class ResponseCache {
  private entries = new Map<string, Entry>();
  private bytes = 0;
  private version: string | null = null;

  constructor(
    private readonly maxEntries = 5_000,
    private readonly maxBytes = 64 * 1024 * 1024,
  ) {}

  private sync(version: string): void {
    if (version !== this.version) {
      this.entries.clear();
      this.bytes = 0;
      this.version = version;
    }
  }

  get(version: string, key: string): FormattedExecutionResult | undefined {
    this.sync(version);
    const hit = this.entries.get(key);
    if (hit) {
      // Map order is insertion order: re-inserting keeps recently used entries last (LRU).
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit?.result;
  }

  set(version: string, key: string, result: FormattedExecutionResult): void {
    this.sync(version);
    const text = JSON.stringify(result);
    const size = text.length;
    if (size > this.maxBytes / 16) return;
    // A copy of what was serialised: nothing a resolver still holds can change a later replay.
    this.entries.set(key, { result: JSON.parse(text) as FormattedExecutionResult, size });
    this.bytes += size;
    for (const [k, v] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.bytes <= this.maxBytes) break;
      this.entries.delete(k);
      this.bytes -= v.size;
    }
  }
}

/**
 * Everything that can change the answer: who asks (their scope), the response format, the
 * operation and its variables. The document is named by Apollo's hash of its text.
 */
function cacheKey(rc: GraphQLRequestContextResponseForOperation<{ viewer: Viewer }>): string {
  const { viewer } = rc.contextValue;
  const { request } = rc;
  return JSON.stringify([
    viewer.role,
    viewer.regionPath,
    viewer.agencyId,
    responseFormat(request.http?.headers.get('accept')),
    rc.queryHash,
    rc.operationName,
    request.variables ?? null,
  ]);
}

/**
 * The cache as an Apollo plugin, so that it answers only after every request check has passed:
 * body and parameter parsing, CSRF prevention, parsing, validation, the cost limit. It stands in
 * for execution alone, and Apollo then serialises a hit for this client exactly as a fresh result
 * (content type, status). Only error-free results of queries are kept.
 */
export function responseCachePlugin<C extends { viewer: Viewer }>(cache: ResponseCache, currentVersion: () => Promise<string>): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      let pending: { version: string; key: string } | null = null;
      let hit = false;
      return {
        async responseForOperation(rc) {
          if (rc.operation.operation !== 'query') return null;
          // Read the version before executing: a write committed meanwhile makes this answer's key stale at once.
          const version = await currentVersion();
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
          response.http.headers.set(CACHE_HEADER, hit ? 'hit' : 'miss');
          if (hit || !pending || response.body.kind !== 'single') return;
          const { singleResult } = response.body;
          if (!singleResult.errors?.length && (response.http.status ?? 200) === 200) cache.set(pending.version, pending.key, singleResult);
        },
      };
    },
  };
}
