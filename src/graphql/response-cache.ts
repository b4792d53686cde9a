import { getOperationAST, parse } from 'graphql';

export interface CachedResponse {
  status: number;
  headers: Array<[string, string]>;
  body: string;
}

/**
 * Whole answers to read-only operations, keyed by data version, viewer scope and request. A new
 * data version empties it, so an entry can never outlive the data it was computed from.
 */
export class ResponseCache {
  private entries = new Map<string, CachedResponse>();
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

  get(version: string, key: string): CachedResponse | undefined {
    this.sync(version);
    const hit = this.entries.get(key);
    if (hit) {
      // Map order is insertion order: re-inserting keeps recently used entries last (LRU).
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  set(version: string, key: string, value: CachedResponse): void {
    this.sync(version);
    if (value.body.length > this.maxBytes / 16) return;
    this.entries.set(key, value);
    this.bytes += value.body.length;
    for (const [k, v] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.bytes <= this.maxBytes) break;
      this.entries.delete(k);
      this.bytes -= v.body.length;
    }
  }
}

/** Only queries are cached; mutations, and anything unparsable, go through every time. */
export function isReadOnly(query: unknown, operationName: unknown): boolean {
  if (typeof query !== 'string') return false;
  try {
    const op = getOperationAST(parse(query), typeof operationName === 'string' ? operationName : undefined);
    return op?.operation === 'query';
  } catch {
    return false;
  }
}
