import { GraphQLError } from 'graphql';
import { sectionNumeral } from '../editions/template-headers';

/** The one error base: every error a client sees carries `extensions.code`. */
export class NianbaoError extends GraphQLError {
  constructor(message: string, code: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...extensions } });
    this.name = new.target.name;
  }
  get code(): string {
    return this.extensions.code as string;
  }
}

/** Where in a source file something went wrong; every part optional, the more the better. */
export interface SourceLocation {
  file?: string;
  section?: number;
  row?: string;
  column?: string;
  line?: number;
  page?: number;
}

export function describeLocation(loc: SourceLocation): string {
  const parts: string[] = [];
  if (loc.file) parts.push(loc.file);
  if (loc.section) parts.push(`section ${sectionNumeral(loc.section)}`);
  if (loc.row !== undefined) parts.push(`row "${loc.row}"`);
  if (loc.column) parts.push(`column "${loc.column}"`);
  if (loc.page) parts.push(`page ${loc.page}`);
  if (loc.line) parts.push(`line ${loc.line}`);
  return parts.join(', ');
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

export class NotFoundError extends NianbaoError {
  constructor(what: string, id: string | number) {
    super(`${what} ${id} not found`, 'NOT_FOUND', { what, id });
  }
}

export class BadInputError extends NianbaoError {
  constructor(message: string, extensions: Record<string, unknown> = {}) {
    super(message, 'BAD_USER_INPUT', extensions);
  }
}

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
