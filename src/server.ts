import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'http';
import { ApolloServer, HeaderMap } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import pino from 'pino';
import type { RegionLevel } from '../entities';
import type { App } from './app';
import { asksOnlyToLogIn } from './auth/anonymous-access';
import { loginThrottleSettings, type LoginThrottleEnv } from './auth/login-throttle';
import { tokenSettings } from './auth/token-settings';
import { TokenService } from './auth/token.service';
import { ANONYMOUS } from './auth/viewer';
import { QueryLimitError, QueryTimeoutError, UnauthenticatedError } from './common/errors';
import type { Env } from './config/env';
import { badRequestResponse, errorFormatter, httpErrorResponse, httpStatusPlugin, type HttpErrorResponse } from './graphql/error-mapping';
import { BudgetStore } from './graphql/limits/budget';
import { DatabaseBudgetLedger } from './graphql/limits/shared-budget';
import { deadlinePlugin, withinDeadline } from './graphql/limits/deadline.plugin';
import { blockSuggestionsForAnonymous, limitRules, LIMITS } from './graphql/limits/operation-limits';
import { allowlistCache } from './graphql/limits/persisted-operations';
import { queryCostPlugin, type LimitsContext } from './graphql/query-cost.plugin';
import { createRequestContext, type RequestContext } from './context/request-context';
import { serveStatic } from './http/static-site';
import { ResponseCache, responseCachePlugin } from './graphql/response-cache';
import { buildSchema } from './graphql/schema';

export interface RunningServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export type ServerEnv = Pick<
  Env,
  'PORT' | 'JWT_SECRET' | 'JWT_ISSUER' | 'JWT_AUDIENCE' | 'TOKEN_TTL_SECONDS' | 'ANONYMOUS_ACCESS' | 'NODE_ENV' | 'RESPONSE_CACHE'
> &
  Partial<Pick<Env, 'LOG_LEVEL' | 'QUERY_BUDGET_PER_HOUR' | 'ANONYMOUS_BUDGET_PER_HOUR' | 'BUDGET_STORE' | 'REQUEST_DEADLINE_MS'>> &
  LoginThrottleEnv;

type ServerContext = RequestContext & LimitsContext;

const tooLarge = (limit: number) => new QueryLimitError('REQUEST_TOO_LARGE', `the request body is limited to ${limit} bytes`, { limit });

/** The body, refused (413) past the limit without reading the rest: a declared length over it is refused before a byte is read. */
function readBody(req: IncomingMessage, limit: number): Promise<string> {
  if (Number(req.headers['content-length'] ?? 0) > limit) return Promise.reject(tooLarge(limit));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        req.pause();
        req.removeAllListeners('data');
        reject(tooLarge(limit));
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, answer: HttpErrorResponse): void {
  res.writeHead(answer.status, answer.headers);
  res.end(answer.body);
}

/** GraphQL on /graphql over plain node:http; nothing is fetched from outside at run time. */
export async function startServer(app: App, env: ServerEnv): Promise<RunningServer> {
  const log = pino({ level: env.LOG_LEVEL ?? 'info' });
  const logInternal = (err: unknown) => log.error({ err }, 'internal error, answered with a generic message');
  const repos = app.connection.repos();
  // Production refuses to start without JWT_SECRET (tokenSettings throws); elsewhere a random key of this process signs.
  const settings = tokenSettings(env);
  if (settings.ephemeral)
    log.warn('JWT_SECRET is unset: login tokens are signed with a random key of this process and do not survive a restart');
  const accounts = app.services.accounts.withTokens(new TokenService(settings), loginThrottleSettings(env));
  const schema = buildSchema({ ...app.services, accounts });
  const cache = env.RESPONSE_CACHE === 'on' ? new ResponseCache() : null;
  const deadlineMs = env.REQUEST_DEADLINE_MS ?? 10_000;
  const budget = {
    store: env.BUDGET_STORE === 'database' ? new DatabaseBudgetLedger(app.connection) : new BudgetStore(),
    perAccount: env.QUERY_BUDGET_PER_HOUR ?? 50_000_000,
    perAnonymous: env.ANONYMOUS_BUDGET_PER_HOUR ?? 10_000_000,
  };
  const apollo = new ApolloServer<ServerContext>({
    schema,
    introspection: true,
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    formatError: errorFormatter(logInternal),
    // Limits before execution (README "Limits"): tokens while parsing, depth, aliases and directives while validating.
    parseOptions: { maxTokens: LIMITS.maxTokens },
    validationRules: limitRules,
    persistedQueries: { cache: allowlistCache() },
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      queryCostPlugin<ServerContext>(schema, budget, (ctx, q) =>
        q.kind === 'agencies'
          ? app.services.regions.agencyCountUnder(ctx, q.regionCode)
          : app.services.regions.regionCountBelow(ctx, q.regionCode, q.level as RegionLevel | null),
      ),
      deadlinePlugin(deadlineMs),
      blockSuggestionsForAnonymous<ServerContext>(),
      httpStatusPlugin<ServerContext>(),
      ...(cache ? [responseCachePlugin<ServerContext>(cache, () => repos.dataVersions.current())] : []),
    ],
  });
  await apollo.start();

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== '/graphql') {
      // The dashboard and the workbench (web/dist); anything else is a 404.
      if (!serveStatic(req, res, url.pathname)) {
        res.writeHead(404);
        res.end();
      }
      return;
    }
    const headers = new HeaderMap();
    for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(', ') : v);
    // A bad token throws UnauthenticatedError: the catch below answers 401 through the error mapping.
    // Who asks is settled before the body is read: only a signed-in caller may send a report file.
    const viewer = (await accounts.authenticate(req.headers.authorization)) ?? ANONYMOUS;
    const raw = req.method === 'POST' ? await readBody(req, viewer === ANONYMOUS ? LIMITS.maxBodyBytes : LIMITS.maxSignedInBodyBytes) : '';
    let body: unknown = raw;
    if (raw && (headers.get('content-type') ?? '').includes('application/json')) {
      try {
        body = JSON.parse(raw);
      } catch {
        send(res, badRequestResponse('request body is not valid JSON', req.headers.accept));
        return;
      }
    }
    if (viewer === ANONYMOUS && env.ANONYMOUS_ACCESS === 'off' && !asksOnlyToLogIn(body, url.searchParams)) {
      throw new UnauthenticatedError('sign in first: anonymous access is off here (ANONYMOUS_ACCESS=off); only the login mutation is open');
    }
    // An account's budget is its own, whichever token it uses; an anonymous caller's is its address's.
    const caller = viewer.userId ? `account:${viewer.userId}` : `address:${req.socket.remoteAddress ?? 'unknown'}`;
    const deadline = Date.now() + deadlineMs;
    const result = await withinDeadline(
      apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
        context: async () => ({ ...createRequestContext(app.connection, viewer, req.socket.remoteAddress ?? null), caller, deadline }),
      }),
      deadlineMs,
    );
    if (!result) throw new QueryTimeoutError('request', deadlineMs);
    res.writeHead(result.status ?? 200, Object.fromEntries(result.headers));
    if (result.body.kind === 'complete') {
      res.end(result.body.string);
    } else {
      for await (const chunk of result.body.asyncIterator) res.write(chunk);
      res.end();
    }
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((e) => {
      if (res.headersSent) {
        logInternal(e);
        res.destroy();
        return;
      }
      send(res, httpErrorResponse(e, req.headers.accept, logInternal));
    });
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(env.PORT, resolve));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://localhost:${port}/graphql`,
    port,
    stop: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await apollo.stop();
    },
  };
}
