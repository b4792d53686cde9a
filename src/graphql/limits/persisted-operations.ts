import { createHash } from 'crypto';
import type { KeyValueCache } from '@apollo/utils.keyvaluecache';

/**
 * The dashboard's own operations, as a persisted-operation allowlist: a client sends
 * `extensions.persistedQuery.sha256Hash` of one of these and no query text. They are priced and
 * charged like any other operation. Apollo's automatic persisted queries are served from this
 * fixed list only: registering a new query stores nothing, so no client can grow it.
 */
const YEAR = 2024;
const KEYS = JSON.stringify(['applications.new.total', 'grant_rate', 'review_correction_rate']);

export const DASHBOARD_OPERATIONS: Readonly<Record<string, string>> = {
  CityDashboard: `query CityDashboard($code: String!) {
  region(code: $code) { code name rollup(year: ${YEAR}) { reportCount agencyCount expectedCount k0: value(key: "applications.new.total") k1: value(key: "grant_rate") k2: value(key: "review_correction_rate") } }
  compare(regionCode: $code, year: ${YEAR}, by: CHILD_REGION, keys: ${KEYS}) { label regionCode rank values { key value } }
  trend(regionCode: $code, keys: ${KEYS}, fromYear: 2019, toYear: ${YEAR}) { key comparable points { year value change comparable } }
}`,
  ProvinceComparison: `query ProvinceComparison($code: String!) { compare(regionCode: $code, year: ${YEAR}, by: CHILD_REGION, keys: ${KEYS}) { label regionCode rank reportCount values { key value } } }`,
  GroupBy: `query GroupBy($code: String!) { aggregate(filter: { regionCode: $code, fromYear: 2019, toYear: ${YEAR} }, groupBy: [YEAR, AGENCY_KIND], keys: ["applications.new.total", "grant_rate"]) { year agencyKind reportCount values { key value } } }`,
  AgencyListPage: `query AgencyListPage($code: String!) { agencies(filter: { regionCode: $code }, first: 50) { totalCount nodes { id name kind rollup(year: ${YEAR}) { reportCount n: value(key: "applications.new.total") g: value(key: "grant_rate") } } } }`,
};

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Apollo's persisted-query store, read-only: the allowlist by hash. */
export function allowlistCache(operations: Readonly<Record<string, string>> = DASHBOARD_OPERATIONS): KeyValueCache<string> {
  const byHash = new Map(Object.values(operations).map((q) => [sha256(q), q]));
  return {
    async get(key: string) {
      // Apollo prefixes its keys ("apq:"); the hash is what follows.
      return byHash.get(key.slice(key.lastIndexOf(':') + 1));
    },
    async set() {},
    async delete() {
      return true;
    },
  };
}
