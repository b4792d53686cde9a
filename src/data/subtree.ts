/**
 * "region_path starts with `path`" as an index range. A range is an exact prefix test for any
 * string, and unlike LIKE it lets SQLite use the index (its LIKE optimisation skips case-sensitive
 * columns); MariaDB uses the index either way.
 */
export function subtreeRange(path: string): [string, string] {
  return [path, path.slice(0, -1) + String.fromCharCode(path.charCodeAt(path.length - 1) + 1)];
}

/** The range as a query-builder condition with named parameters. */
export function inSubtree(column: string, path: string, name = 'subtree'): [string, Record<string, string>] {
  const [lo, hi] = subtreeRange(path);
  return [`${column} >= :${name}Lo AND ${column} < :${name}Hi`, { [`${name}Lo`]: lo, [`${name}Hi`]: hi }];
}

/** Region codes along a materialised path, province first: "/370000/370800/" → ["370000", "370800"]. */
export function pathCodes(path: string): string[] {
  return path.split('/').filter(Boolean);
}
