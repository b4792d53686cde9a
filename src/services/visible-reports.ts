import type { Viewer } from '../auth/viewer';
import type { ReportReader, ReportVisibility } from '../data/report-visibility';

/** The revisions a viewer sees (README "Filing workflow"): the SQL of src/data/report-visibility.ts applies it. */
export function visibilityOf(viewer: Viewer): ReportVisibility {
  if (viewer.role === 'ADMIN' || viewer.role === 'SYSTEM') return { kind: 'all' };
  if (viewer.role === 'AGENCY' && viewer.agencyId) return { kind: 'agency', agencyId: viewer.agencyId };
  if (viewer.role === 'SUPERVISOR' && viewer.regionPath) return { kind: 'region', regionPath: viewer.regionPath };
  return { kind: 'published' };
}

/**
 * The one answer to "may this viewer read that report, or anything hanging off it": its revisions
 * within its region. Every report loader (src/context/report-loaders.ts), lookup by id and audit
 * listing is built on it, inside the statement.
 */
export function readerOf(viewer: Viewer): ReportReader {
  return { visibility: visibilityOf(viewer), regionPath: viewer.regionPath };
}
