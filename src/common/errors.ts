import { describeLocation, type SourceLocation } from '../shared/source-place';

/**
 * The one base of domain errors: plain errors that know nothing of GraphQL or HTTP. Each carries a
 * stable `code` and machine-readable `extensions`; src/graphql/error-mapping.ts turns them into
 * `extensions.code` and an HTTP status at the boundary.
 */
export class NianbaoError extends Error {
  readonly extensions: Record<string, unknown>;

  constructor(
    message: string,
    readonly code: string,
    extensions: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = new.target.name;
    this.extensions = extensions;
  }
}

/** A source that cannot be read as a report: nothing of it is stored. */
export class ReportParseError extends NianbaoError {
  constructor(
    readonly reason: string,
    readonly location: SourceLocation = {},
    code = 'REPORT_UNREADABLE',
  ) {
    const where = describeLocation(location);
    super(where ? `${where}: ${reason}` : reason, code, { location });
  }
  withFile(file: string): ReportParseError {
    return new ReportParseError(this.reason, { ...this.location, file }, this.code);
  }
}

/** Input the caller can fix: a bad argument, an unknown key, a year out of range. */
export class BadInputError extends NianbaoError {
  constructor(message: string, extensions: Record<string, unknown> = {}) {
    super(message, 'BAD_USER_INPUT', extensions);
  }
}

export class NotFoundError extends NianbaoError {
  constructor(what: string, id: string | number) {
    super(`${what} ${id} not found`, 'NOT_FOUND', { what, id });
  }
}

/** The caller could not be identified: a malformed, expired or wrongly signed token. */
export class UnauthenticatedError extends NianbaoError {
  constructor(message: string) {
    super(message, 'UNAUTHENTICATED');
  }
}

/** The caller is known but may not do or see this. */
export class ForbiddenError extends NianbaoError {
  constructor(message: string) {
    super(message, 'FORBIDDEN');
  }
}

export class ConflictError extends NianbaoError {
  constructor(message: string, extensions: Record<string, unknown> = {}) {
    super(message, 'CONFLICT', extensions);
  }
}

/** What one queued write stores (src/data/write-batch.ts): named when the database refuses it. */
export interface WriteTarget {
  table: string;
  reportId?: number | null;
  /** The row within the report: a cell key, a finding rule, a narrative section. */
  row?: string | null;
}

/**
 * The database refused a write's rows (a duplicate key, a value its column cannot hold): named by
 * the entry that queued it, whichever statement it travelled with; its transaction stored nothing.
 */
export class WriteRefusedError extends ConflictError {
  constructor(
    readonly target: WriteTarget,
    engineCode: string,
    cause?: unknown,
  ) {
    const where = [target.reportId != null ? `报告 ${target.reportId}` : null, target.row ? `行 ${target.row}` : null].filter(Boolean);
    super(`数据库拒绝写入 ${target.table}${where.length ? `（${where.join('，')}）` : ''}：${engineCode}，本次事务未保存任何内容`, {
      table: target.table,
      reportId: target.reportId ?? null,
      row: target.row ?? null,
      engineCode,
    });
    if (cause !== undefined) Object.defineProperty(this, 'cause', { value: cause, enumerable: false });
  }
}

/** Something the platform depends on is down for now; trying again later may work. */
export class UnavailableError extends NianbaoError {
  constructor(message: string, extensions: Record<string, unknown> = {}) {
    super(message, 'UNAVAILABLE', extensions);
  }
}

/** An ad hoc query above the cost limit: refused before anything runs. */
export class QueryTooCostlyError extends NianbaoError {
  constructor(cost: number, limit: number) {
    super(`query costs ${cost}, above the limit of ${limit}: ask for smaller pages or fewer nested lists`, 'QUERY_TOO_COSTLY', {
      cost,
      limit,
    });
  }
}

/** A request over one of the limits checked before execution (body size, depth, aliases, directives, nodes). */
export class QueryLimitError extends NianbaoError {
  constructor(
    code: 'REQUEST_TOO_LARGE' | 'QUERY_TOO_DEEP' | 'TOO_MANY_ALIASES' | 'TOO_MANY_DIRECTIVES' | 'TOO_MANY_NODES' | 'VARIABLES_TOO_DEEP',
    message: string,
    extensions: Record<string, unknown> = {},
  ) {
    super(message, code, extensions);
  }
}

/** The caller spent its points for the hour: refused before anything runs, with the time points come back. */
export class BudgetExceededError extends NianbaoError {
  constructor(cost: number, remaining: number, limit: number, resetAt: string) {
    super(
      `this query costs ${cost} points and ${remaining} of your ${limit} points per hour are left; try again after ${resetAt}`,
      'RATE_LIMITED',
      { cost, remaining, limit, resetAt },
    );
  }
}

/**
 * Logins of this account or from this address are locked after repeated failures (README "Accounts
 * and roles"): refused before any password is checked, a correct one included, until the lockout ends.
 * Its own code, not RATE_LIMITED: the remedy is waiting out a lockout, not a spent query budget.
 */
export class LoginThrottledError extends NianbaoError {
  constructor(retryAfterSeconds: number, retryAt: string) {
    super(`登录失败次数过多，请在 ${retryAfterSeconds} 秒后重试`, 'LOGIN_THROTTLED', { retryAfterSeconds, retryAt });
  }
}

/** A request or one of its SQL statements ran past its time: cut off, nothing of it is kept. */
export class QueryTimeoutError extends NianbaoError {
  constructor(what: 'request' | 'statement', limitMs?: number) {
    const limit = limitMs ? `longer than ${limitMs / 1000} s` : 'past its time limit';
    super(
      `the ${what === 'request' ? 'request' : 'database statement'} ran ${limit} and was cut off: ask for less (smaller pages, fewer nested lists)`,
      'QUERY_TIMEOUT',
      { what, ...(limitMs ? { limitMs } : {}) },
    );
  }
}

/** Which limit of reading a file was hit (src/ingest/file-limits.ts). */
export type FileLimit =
  'zip.entries' | 'zip.partBytes' | 'zip.totalBytes' | 'zip.ratio' | 'html.depth' | 'html.nodes' | 'sandbox.heapMb' | 'sandbox.timeMs';

const MB = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const FILE_LIMIT_TEXT: Record<FileLimit, (value: number, max: number, part?: string) => string> = {
  'zip.entries': (v, max) => `压缩包含 ${v} 个条目，超过上限 ${max} 个`,
  'zip.partBytes': (v, max, part) => `${part ?? '文档'} 解压后为 ${MB(v)}，超过上限 ${MB(max)}`,
  'zip.totalBytes': (v, max) => `压缩包解压后共 ${MB(v)}，超过上限 ${MB(max)}`,
  'zip.ratio': (v, max, part) => `${part ?? '压缩包'} 的压缩比为 ${Math.round(v)}:1，超过上限 ${max}:1（疑似压缩炸弹）`,
  'html.depth': (_v, max) => `HTML 元素嵌套超过 ${max} 层`,
  'html.nodes': (_v, max) => `HTML 元素超过 ${max} 个`,
  'sandbox.heapMb': (_v, max) => `读取时占用内存超过上限 ${max} MB`,
  'sandbox.timeMs': (v) => `读取 ${(v / 1000).toFixed(1)} 秒仍未完成，已中止`,
};

/** A file over one of the reading limits: refused whole, nothing of it read or stored. */
export class ReportTooComplexError extends NianbaoError {
  constructor(limit: FileLimit, value: number, max: number, extra: { part?: string; file?: string } = {}) {
    super(
      `${extra.file ? `${extra.file}：` : ''}文件过于复杂，无法读取：${FILE_LIMIT_TEXT[limit](value, max, extra.part)}`,
      'REPORT_TOO_COMPLEX',
      { limit, value, max, ...extra },
    );
  }

  /** The same refusal naming the file it came from. */
  withFile(file: string): ReportTooComplexError {
    const { limit, value, max, part } = this.extensions as { limit: FileLimit; value: number; max: number; part?: string };
    return this.extensions.file ? this : new ReportTooComplexError(limit, value, max, { part, file });
  }
}

/** Too many file reads and renders already under way in this server: try again after `retryAfterSeconds` (Retry-After). */
export class ServerBusyError extends NianbaoError {
  constructor(running: number, retryAfterSeconds: number) {
    super(`服务器正忙：同时读取文件和生成文档的任务已达上限（${running} 个），请在 ${retryAfterSeconds} 秒后重试`, 'SERVER_BUSY', {
      limit: running,
      retryAfterSeconds,
    });
  }
}
