import { inSubtree } from './subtree';

/**
 * Which revisions a viewer may see (README "Filing workflow"), as SQL over a report alias `r`:
 * everyone sees PUBLISHED revisions; an agency all of its own, drafts included; a supervisor its
 * region's except drafts; an administrator everything. Applied inside each statement, never after.
 */
export type ReportVisibility =
  | { kind: 'all' }
  | { kind: 'published' }
  | { kind: 'agency'; agencyId: number }
  | { kind: 'region'; regionPath: string };

export const PUBLISHED_ONLY: ReportVisibility = { kind: 'published' };

type Clause = [string, Record<string, unknown>];

const inRegion = (path: string): Clause => {
  const [cond, params] = inSubtree('va.region_path', path, 'vis');
  return [`r.agency_id IN (SELECT va.id FROM agency va WHERE ${cond})`, params];
};

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
      return ['((r.agency_id = :visAgency AND r.current = :visCur) OR (r.agency_id <> :visAgency AND r.published_current = :visPub))', { visAgency: v.agencyId, visCur: true, visPub: true }];
    case 'region': {
      const [cond, params] = inRegion(v.regionPath);
      const latestFiled = `r.state <> 'DRAFT' AND r.revision = (SELECT MAX(p.revision) FROM report p WHERE p.agency_id = r.agency_id AND p.year = r.year AND p.scope = r.scope AND p.state <> 'DRAFT')`;
      return [`((${cond} AND ${latestFiled}) OR (NOT (${cond}) AND r.published_current = :visPub))`, { ...params, visPub: true }];
    }
  }
}
