import type { ApolloServerPlugin, GraphQLRequestContextWillSendResponse } from '@apollo/server';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import {
  BadInputError,
  BudgetExceededError,
  ConflictError,
  ForbiddenError,
  LoginThrottledError,
  NianbaoError,
  NotFoundError,
  QueryLimitError,
  QueryTimeoutError,
  QueryTooCostlyError,
  ReportParseError,
  ReportTooComplexError,
  ServerBusyError,
  UnauthenticatedError,
  UnavailableError,
} from '../common/errors';
import { dataFailure } from '../data/transactional-connection';
import { APPLICATION_JSON, contentTypeOf, responseFormat } from './response-format';

/**
 * The one place where errors meet the protocol: domain errors (plain classes in src/common/errors.ts)
 * become `extensions.code` and an HTTP status here, and anything not known becomes
 * INTERNAL_SERVER_ERROR with a generic message, so no engine message or stack ever reaches a client.
 */

export const INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR';
const GENERIC_MESSAGE = 'Internal server error';

/** HTTP status of each domain error class; the first match wins, so subclasses come first. */
const STATUS_BY_CLASS: Array<[new (...args: never[]) => NianbaoError, number]> = [
  [UnauthenticatedError, 401],
  [ForbiddenError, 403],
  [NotFoundError, 404],
  [ConflictError, 409],
  [ReportParseError, 422],
  [ReportTooComplexError, 422],
  [QueryTooCostlyError, 400],
  [QueryLimitError, 400],
  [BadInputError, 400],
  [BudgetExceededError, 429],
  [ServerBusyError, 429],
  [LoginThrottledError, 429],
  [QueryTimeoutError, 504],
  [UnavailableError, 503],
];
/** A body over the size limit is refused before it is read whole (RFC 9110 §15.5.14). */
const STATUS_BY_CODE: Record<string, number> = { REQUEST_TOO_LARGE: 413 };
/**
 * Statuses that stand under every Accept: a spent budget, the database away, a timeout are not
 * errors in the request a client could read from the body and fix; retrying later may work.
 */
const OWN_STATUSES = new Set([413, 429, 503, 504]);

/** Errors Apollo and graphql-js raise about the request itself; their message is meant for the client. */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'OPERATION_RESOLUTION_FAILURE',
]);
/** Apollo's answers to requests that are not well-formed (or to persisted-query handshakes): their status is Apollo's. */
const PROTOCOL_CODES = new Set([
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'PERSISTED_QUERY_HASH_MISMATCH',
]);
/** Apollo's protocol answers that come without a code, named here by their fixed message. */
const CODELESS_APOLLO_ERRORS: Record<string, string> = { 'provided sha does not match query': 'PERSISTED_QUERY_HASH_MISMATCH' };

/** What was thrown: graphql-js and Apollo wrap a resolver's or plugin's error in GraphQLErrors. */
function causeOf(error: unknown): unknown {
  let e = error;
  while (e instanceof GraphQLError && e.originalError) e = e.originalError;
  return e;
}

const codeOf = (error: unknown): unknown =>
  error instanceof GraphQLError ? (error.extensions.code ?? CODELESS_APOLLO_ERRORS[error.message]) : undefined;

export function domainStatus(error: NianbaoError): number {
  return STATUS_BY_CODE[error.code] ?? STATUS_BY_CLASS.find(([cls]) => error instanceof cls)?.[1] ?? 400;
}

type ErrorKind = { kind: 'domain'; error: NianbaoError } | { kind: 'graphql' } | { kind: 'internal'; error: unknown };

function classify(error: unknown): ErrorKind {
  const cause = causeOf(error);
  if (cause instanceof NianbaoError) return { kind: 'domain', error: cause };
  // The database away or a statement cut off: named errors, not internal ones (and no engine detail).
  const failure = dataFailure(cause);
  if (failure) return { kind: 'domain', error: failure };
  const code = codeOf(error);
  if (typeof code === 'string' && (REQUEST_ERROR_CODES.has(code) || PROTOCOL_CODES.has(code))) return { kind: 'graphql' };
  // graphql-js's own execution errors (a null for a non-null field, a value a scalar cannot represent) name fields, not engines;
  // Apollo's "Unexpected error value: …" wraps a thrown non-Error, whose text may say anything.
  if (cause instanceof GraphQLError && !cause.message.startsWith('Unexpected error value')) return { kind: 'graphql' };
  return { kind: 'internal', error: cause };
}

export type ErrorLogger = (error: unknown) => void;

/** Apollo's `formatError`: domain errors keep their message and extensions; unknown ones are logged and hidden. */
export function errorFormatter(log: ErrorLogger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const c = classify(error);
    const { locations, path } = formatted;
    if (c.kind === 'domain')
      return { message: c.error.message, locations, path, extensions: { ...c.error.extensions, code: c.error.code } };
    if (c.kind === 'graphql')
      return {
        ...formatted,
        extensions: {
          ...formatted.extensions,
          code: CODELESS_APOLLO_ERRORS[formatted.message] ?? formatted.extensions?.code ?? INTERNAL_SERVER_ERROR,
        },
      };
    log(c.error);
    return { message: GENERIC_MESSAGE, locations, path, extensions: { code: INTERNAL_SERVER_ERROR } };
  };
}

/**
 * The status of a response without `data` (a request error), before the Accept rule: a domain
 * error's own, 400 for parse, validation and variable errors, Apollo's for malformed requests.
 */
function requestErrorStatus(errors: readonly unknown[], apolloStatus: number | undefined): { status: number; wellFormed: boolean } {
  const first = errors[0];
  const c = classify(first);
  if (c.kind === 'domain') {
    const status = domainStatus(c.error);
    return { status, wellFormed: !OWN_STATUSES.has(status) };
  }
  if (c.kind === 'internal') return { status: 500, wellFormed: false };
  const code = codeOf(first);
  if (typeof code === 'string' && REQUEST_ERROR_CODES.has(code)) return { status: 400, wellFormed: true };
  return { status: apolloStatus ?? 500, wellFormed: false };
}

/** The seconds a domain error asks a client to wait (`extensions.retryAfterSeconds`), for the Retry-After header. */
function retryAfterOf(errors: readonly unknown[]): number | undefined {
  for (const e of errors) {
    const c = classify(e);
    const s = c.kind === 'domain' ? c.error.extensions.retryAfterSeconds : undefined;
    if (typeof s === 'number') return s;
  }
  return undefined;
}

function ownStatusOf(errors: readonly unknown[]): number | undefined {
  for (const e of errors) {
    const c = classify(e);
    if (c.kind === 'domain' && OWN_STATUSES.has(domainStatus(c.error))) return domainStatus(c.error);
  }
  return undefined;
}

/**
 * Statuses of the GraphQL-over-HTTP spec. A response with `data` (even null) was executed: 200. A
 * request error of a well-formed request is 4xx under application/graphql-response+json and 200
 * under application/json, whose clients read errors from the body. Malformed requests and server
 * faults keep their 4xx/5xx under both.
 */
export function httpStatusPlugin<C extends object>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse(rc: GraphQLRequestContextWillSendResponse<C>) {
          const { response, request } = rc;
          if (response.body.kind !== 'single') return;
          const format = responseFormat(request.http?.headers.get('accept'));
          // Set here so that the status below and the content type can never disagree; null: Apollo answers 406.
          if (format) response.http.headers.set('content-type', contentTypeOf(format));
          const result = response.body.singleResult;
          if (!result.errors?.length) return;
          if (result.data !== undefined) {
            // Executed, with data null: an outage or a timeout keeps its status (non-null data is always 200, as the spec asks).
            const own = result.data === null ? ownStatusOf(rc.errors ?? []) : undefined;
            if (own) response.http.status = own;
            const wait = own === 429 ? retryAfterOf(rc.errors ?? []) : undefined;
            if (wait !== undefined && !response.http.headers.has('retry-after')) response.http.headers.set('retry-after', String(wait));
            return;
          }
          const { status, wellFormed } = requestErrorStatus(rc.errors ?? [], response.http.status);
          response.http.status = wellFormed && format === APPLICATION_JSON ? 200 : status;
        },
      };
    },
  };
}

export interface HttpErrorResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** The answer to an error raised outside GraphQL execution (the token, the HTTP body): always its own status. */
export function httpErrorResponse(error: unknown, accept: string | undefined, log: ErrorLogger): HttpErrorResponse {
  const c = classify(error);
  const format = responseFormat(accept) ?? APPLICATION_JSON;
  const headers: Record<string, string> = { 'content-type': contentTypeOf(format) };
  if (c.kind !== 'domain') {
    if (c.kind === 'internal') log(c.error);
    return {
      status: 500,
      headers,
      body: JSON.stringify({ errors: [{ message: GENERIC_MESSAGE, extensions: { code: INTERNAL_SERVER_ERROR } }] }),
    };
  }
  const status = domainStatus(c.error);
  if (status === 401) headers['www-authenticate'] = 'Bearer error="invalid_token"';
  if (status === 413) headers.connection = 'close';
  return {
    status,
    headers,
    body: JSON.stringify({ errors: [{ message: c.error.message, extensions: { ...c.error.extensions, code: c.error.code } }] }),
  };
}

/** A request that is not well-formed GraphQL-over-HTTP (its body is not JSON): 400 under every Accept. */
export function badRequestResponse(message: string, accept: string | undefined): HttpErrorResponse {
  const format = responseFormat(accept) ?? APPLICATION_JSON;
  return {
    status: 400,
    headers: { 'content-type': contentTypeOf(format) },
    body: JSON.stringify({ errors: [{ message, extensions: { code: 'BAD_REQUEST' } }] }),
  };
}
