import { inSubtree } from './subtree';

/**
 * Which revisions a viewer may see (README "Filing workflow"), as SQL over a report alias `r`:
 * everyone sees PUBLISHED revisions; an agency all of its own, drafts included; a supervisor its
 * region's except drafts; an administrator everything. Applied inside each statement, never after.
 */
export type ReportVisibility =
  { kind: 'all' } | { kind: 'published' } | { kind: 'agency'; agencyId: number } | { kind: 'region'; regionPath: string };

export const PUBLISHED_ONLY: ReportVisibility = { kind: 'published' };

/**
 * Who reads reports by id or by what hangs off them (cells, texts, findings, audit events): the
 * revisions its role may see (`visibility`), and only within its region (`regionPath`; null:
 * everywhere). What `report(id)` answers is exactly this; so is every loader of src/graphql.
 */
export interface ReportReader {
  readonly visibility: ReportVisibility;
  readonly regionPath: string | null;
}

/** What anyone, anonymous included, may read: published revisions everywhere. */
export const PUBLIC_READER: ReportReader = { visibility: PUBLISHED_ONLY, regionPath: null };

type Clause = [string, Record<string, unknown>];

const inRegion = (path: string, name = 'vis', alias = 'va'): Clause => {
  const [cond, params] = inSubtree(`${alias}.region_path`, path, name);
  return [`r.agency_id IN (SELECT ${alias}.id FROM agency ${alias} WHERE ${cond})`, params];
};

const both = (a: Clause | null, b: Clause | null): Clause | null => (a && b ? [`(${a[0]}) AND (${b[0]})`, { ...a[1], ...b[1] }] : (a ?? b));

/** The revisions `reader` may read, over a report alias `r`; null when all. */
export function readableRevisions(reader: ReportReader): Clause | null {
  return both(visibleRevisions(reader.visibility), reader.regionPath ? inRegion(reader.regionPath, 'rdr', 'ra') : null);
}

/** "The report" of each series as `reader` sees it, within its region. */
export function readableLatest(reader: ReportReader): Clause {
  return both(latestVisible(reader.visibility), reader.regionPath ? inRegion(reader.regionPath, 'rdr', 'ra') : null)!;
}

/**
 * Rows hanging off a report (`column` holds its id) whose report `reader` may read: a correlated
 * lookup by primary key, so a page of cells or findings costs no scan of the report table.
 */
export function hangsOffReadable(column: string, reader: ReportReader): Clause | null {
  const clause = readableRevisions(reader);
  return clause ? [`EXISTS (SELECT 1 FROM report r WHERE r.id = ${column} AND ${clause[0]})`, clause[1]] : null;
}

/** Revisions the viewer may see; null when all. */
export function visibleRevisions(v: ReportVisibility): Clause | null {
  switch (v.kind) {
    case 'all':
      return null;
    case 'published':
      return ["r.state = 'PUBLISHED'", {}];
    case 'agency':
      return ["(r.state = 'PUBLISHED' OR r.agency_id = :visAgency)", { visAgency: v.agencyId }];
    case 'region': {
      const [cond, params] = inRegion(v.regionPath);
      return [`(r.state = 'PUBLISHED' OR (r.state <> 'DRAFT' AND ${cond}))`, params];
    }
  }
}

/**
 * "The report" of each series for the viewer: its latest revision the viewer may see. For the
 * public that is the flagged latest published one (one indexed column, the hot path).
 */
export function latestVisible(v: ReportVisibility): Clause {
  switch (v.kind) {
    case 'all':
      return ['r.current = :visCur', { visCur: true }];
    case 'published':
      return ['r.published_current = :visPub', { visPub: true }];
    case 'agency':
      return [
        '((r.agency_id = :visAgency AND r.current = :visCur) OR (r.agency_id <> :visAgency AND r.published_current = :visPub))',
        { visAgency: v.agencyId, visCur: true, visPub: true },
      ];
    case 'region': {
      const [cond, params] = inRegion(v.regionPath);
      const latestFiled = `r.state <> 'DRAFT' AND r.revision = (SELECT MAX(p.revision) FROM report p WHERE p.agency_id = r.agency_id AND p.year = r.year AND p.scope = r.scope AND p.state <> 'DRAFT')`;
      return [`((${cond} AND ${latestFiled}) OR (NOT (${cond}) AND r.published_current = :visPub))`, { ...params, visPub: true }];
    }
  }
}
