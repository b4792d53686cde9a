import type { Viewer } from '../auth/viewer';
import { ForbiddenError } from '../common/errors';
import { canRead, supervises } from './viewer.policy';

/**
 * Regions, the agencies located in them, and the figures summed over them (roll-ups, trends,
 * group-bys, the 汇总). Rows are confined in the statements (src/data); these decide what a viewer
 * may ask for and whether a figure may carry a region's name.
 */

/** What `region(code)` and `agency(id)` answer: within the viewer's jurisdiction. */
export function maySeeRegion(viewer: Viewer, region: { path: string }): boolean {
  return canRead(viewer, region.path);
}

export function maySeeAgency(viewer: Viewer, agency: { regionPath: string }): boolean {
  return canRead(viewer, agency.regionPath);
}

/** Listed among regions: inside the jurisdiction, or one of its ancestors (the way down to it). */
export function mayListRegion(viewer: Viewer, region: { path: string }): boolean {
  return canRead(viewer, region.path) || (viewer.regionPath ?? '').startsWith(region.path);
}

/**
 * The subtree a list may cover when `askedPath` is asked (null: everywhere): the asked one, or the
 * viewer's own inside it; throws when the two are disjoint.
 */
export function readablePath(viewer: Viewer, askedPath: string | null): string | null {
  if (!viewer.regionPath) return askedPath;
  if (!askedPath) return viewer.regionPath;
  if (askedPath.startsWith(viewer.regionPath)) return askedPath;
  if (viewer.regionPath.startsWith(askedPath)) return viewer.regionPath;
  throw new ForbiddenError('that region is outside your jurisdiction');
}

/**
 * A figure of one region or agency (a roll-up, a trend, a group) is shown only to a viewer who may
 * read all of it: summed over the readable part, it would carry another region's name.
 */
export function readsWhole(viewer: Viewer, path: string): boolean {
  return canRead(viewer, path);
}

export function assertReadsWhole(viewer: Viewer, path: string, what: string): void {
  if (!readsWhole(viewer, path))
    throw new ForbiddenError(`${what} lies partly outside your jurisdiction: its figures cover more than you may read`);
}

/** `rollup(includeSubmitted: true)`: figures not yet published, for a supervisor of the region or an administrator. */
export function maySeeUnpublishedRollup(viewer: Viewer, region: { path: string }): boolean {
  return supervises(viewer, region.path);
}

export function assertMaySeeUnpublishedRollup(viewer: Viewer, region: { path: string }): void {
  if (!maySeeUnpublishedRollup(viewer, region))
    throw new ForbiddenError('includeSubmitted: only a supervisor of this region or an administrator sees figures not yet published');
}
