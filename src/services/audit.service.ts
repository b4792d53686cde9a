import { createHash } from 'crypto';
import type { Viewer } from '../auth/viewer';
import { connection, decodeCursor, pageSize } from '../common/cursor';
import { BadInputError } from '../common/errors';
import type { DataContext, TransactionalConnection } from '../data/transactional-connection';
import type { RequestContext } from '../context/request-context';
import { assertMayReadAudit, auditAgencyOf, auditHidesPrivateDrafts, auditSeesEveryRevision } from '../policy/audit.policy';
import { scopedRegionPath } from './region.service';
import { readerOf } from './visible-reports';

/** What the audit log names (README "Filing workflow"). */
export const AUDIT_ACTIONS = [
  'LOGIN',
  'LOGIN_FAILED',
  'IMPORT',
  'SAVE_DRAFT',
  'SUBMIT',
  'SUBMIT_DRAFT',
  'RETURN',
  'ACCEPT',
  'PUBLISH',
  'REVIEW_FINDING',
  'CREATE_USER',
  'DISABLE_USER',
  'CREATE_API_TOKEN',
  'REVOKE_API_TOKEN',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/**
 * The agency's private drafting: saving a draft (a file or figures filed with `draft: true`). A
 * supervisor never sees these events, not even once the draft is submitted: its file names, times
 * and revisions are the agency's working copies; the filing itself is the SUBMIT_DRAFT event. Any
 * other event of a revision still DRAFT (an administrator's review of one of its findings) is left
 * out too, as the revision itself is (README "Filing workflow", audit log).
 */
export const PRIVATE_DRAFT_ACTIONS: readonly AuditAction[] = ['SAVE_DRAFT'];

export interface AuditEntry {
  action: AuditAction;
  reportId?: number | null;
  findingId?: number | null;
  agencyId?: number | null;
  /** The agency's region path; the acting account's when no agency is concerned. */
  regionPath?: string | null;
  before?: unknown;
  after?: unknown;
  detail?: string | null;
  /** Who, when not the viewer (a failed login names the account asked for). */
  actorName?: string;
}

/** A failed login, counted in the row of its name, address, reason and window. */
export interface FailedLogin {
  /** The name asked (never the password). */
  name: string;
  address: string | null;
  /** wrong password, no such account, account disabled, locked out */
  reason: string;
  /** The length of a counting window, ms: windows start at multiples of it since the epoch. */
  windowMs: number;
}

export interface AuditFilterInput {
  regionCode?: string | null;
  agencyId?: string | null;
  reportId?: string | null;
  action?: string | null;
  from?: string | null;
  to?: string | null;
}

const json = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));
const ISO = /^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$/;

/** Records every change and login in the change's own transaction, and reads the log back within the viewer's jurisdiction. */
export class AuditService {
  constructor(private readonly connection: TransactionalConnection) {}

  /** One event, written through txCtx: it commits, or rolls back, with the change it records. */
  async record(txCtx: DataContext, viewer: Viewer, e: AuditEntry): Promise<void> {
    await this.connection.repos(txCtx).audit.insert({
      at: new Date().toISOString(),
      actorId: viewer.userId ?? null,
      actorName: (e.actorName ?? viewer.id).slice(0, 100),
      role: viewer.role,
      action: e.action,
      reportId: e.reportId ?? null,
      findingId: e.findingId ?? null,
      agencyId: e.agencyId ?? null,
      regionPath: e.regionPath ?? viewer.regionPath,
      before: json(e.before),
      after: json(e.after),
      detail: e.detail?.slice(0, 2000) ?? null,
    });
  }

  /**
   * A failed login, counted in place: one row per name asked, address, reason and window, its
   * `after` holding `{ address, windowStart, attempts, lastAt }`, so that a guesser's pace adds to a
   * count instead of adding rows. Written through txCtx, with the failure it records.
   */
  async countFailedLogin(txCtx: DataContext, viewer: Viewer, f: FailedLogin): Promise<void> {
    const now = new Date();
    const windowStart = new Date(Math.floor(now.getTime() / f.windowMs) * f.windowMs).toISOString();
    const actorName = f.name.slice(0, 100);
    const key = createHash('sha256')
      .update(JSON.stringify(['LOGIN_FAILED', actorName, f.address, f.reason, windowStart]))
      .digest('hex');
    const at = now.toISOString();
    await this.connection.repos(txCtx).audit.countInPlace(
      {
        at,
        actorId: viewer.userId ?? null,
        actorName,
        role: viewer.role,
        action: 'LOGIN_FAILED',
        reportId: null,
        findingId: null,
        agencyId: null,
        regionPath: null,
        before: null,
        after: JSON.stringify({ address: f.address, windowStart, attempts: 1, lastAt: at }),
        detail: f.reason,
      },
      key,
      at,
    );
  }

  /**
   * Administrators read everything; a supervisor its region's events but none of an agency's
   * drafts (PRIVATE_DRAFT_ACTIONS, and events of revisions it may not read); an agency the events
   * of its own agency; nobody else. All confined in the statement.
   */
  async list(ctx: RequestContext, filter: AuditFilterInput | null | undefined, first?: number | null, after?: string | null) {
    const v = ctx.viewer;
    assertMayReadAudit(v);
    const agencyId = auditAgencyOf(v, filter?.agencyId != null ? Number(filter.agencyId) : null);
    for (const arg of ['from', 'to'] as const)
      if (filter?.[arg] && !ISO.test(filter[arg]!))
        throw new BadInputError(`filter.${arg} "${filter[arg]}": an ISO date or instant (2024-01-31 or 2024-01-31T08:00:00Z)`, {
          argument: `filter.${arg}`,
        });
    if (filter?.action && !(AUDIT_ACTIONS as readonly string[]).includes(filter.action))
      throw new BadInputError(`filter.action "${filter.action}": one of ${AUDIT_ACTIONS.join(', ')}`, { argument: 'filter.action' });
    const limit = pageSize(first);
    const { rows, total } = await this.connection.repos(ctx).audit.page({
      regionPath: await scopedRegionPath(ctx, filter?.regionCode),
      agencyId,
      reportId: filter?.reportId != null ? Number(filter.reportId) : null,
      action: filter?.action,
      from: filter?.from,
      // A bare date covers its whole day.
      to: filter?.to && filter.to.length === 10 ? `${filter.to}T99` : filter?.to,
      afterId: decodeCursor('audit', after),
      limit,
      reportReader: auditSeesEveryRevision(v) ? null : readerOf(v),
      withoutActions: auditHidesPrivateDrafts(v) ? PRIVATE_DRAFT_ACTIONS : [],
    });
    return connection('audit', rows, total, limit);
  }
}
