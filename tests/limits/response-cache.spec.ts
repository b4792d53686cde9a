import { ResponseCache } from '../../src/graphql/response-cache';

/** The cache's cap is in bytes, keys included: unique requests cannot grow it past the cap. */
describe('response cache cap', () => {
  it('stays under its byte cap however many unique entries arrive, evicting the least recently used', () => {
    const cap = 64 * 1024;
    const cache = new ResponseCache(cap);
    const answer = (i: number) => ({ data: { n: i, text: '年报'.repeat(200) } });
    for (let i = 0; i < 2_000; i++) {
      cache.set('v1', `key-${i}-${'k'.repeat(100)}`, answer(i));
      if (i === 10) cache.get('v1', `key-5-${'k'.repeat(100)}`);
      expect(cache.size).toBeLessThanOrEqual(cap);
    }
    expect(cache.size).toBeGreaterThan(cap / 2);
    expect(cache.get('v1', `key-1999-${'k'.repeat(100)}`)).toEqual(answer(1999));
    expect(cache.get('v1', `key-0-${'k'.repeat(100)}`)).toBeUndefined();
  });

  it('refuses an entry above a sixteenth of the cap, and empties on a new data version', () => {
    const cache = new ResponseCache(16 * 1024);
    cache.set('v1', 'big', { data: { text: 'x'.repeat(1024) } });
    expect(cache.get('v1', 'big')).toBeUndefined();
    cache.set('v1', 'small', { data: { n: 1 } });
    expect(cache.get('v1', 'small')).toEqual({ data: { n: 1 } });
    expect(cache.get('v2', 'small')).toBeUndefined();
    expect(cache.size).toBe(0);
  });
});
