import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'http';
import { ApolloServer, HeaderMap } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import pino from 'pino';
import type { App } from './app';
import { asksOnlyToLogIn } from './auth/anonymous-access';
import { tokenSettings } from './auth/token-settings';
import { TokenService } from './auth/token.service';
import { ANONYMOUS } from './auth/viewer';
import { UnauthenticatedError } from './common/errors';
import type { Env } from './config/env';
import { badRequestResponse, errorFormatter, httpErrorResponse, httpStatusPlugin, type HttpErrorResponse } from './graphql/error-mapping';
import { queryCostPlugin } from './graphql/query-cost.plugin';
import { createRequestContext, type RequestContext } from './graphql/request-context';
import { ResponseCache, responseCachePlugin } from './graphql/response-cache';
import { buildSchema } from './graphql/schema';

export interface RunningServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export type ServerEnv = Pick<Env, 'PORT' | 'JWT_SECRET' | 'JWT_ISSUER' | 'JWT_AUDIENCE' | 'TOKEN_TTL_SECONDS' | 'ANONYMOUS_ACCESS' | 'NODE_ENV' | 'RESPONSE_CACHE'> &
  Partial<Pick<Env, 'LOG_LEVEL'>>;

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
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
  if (settings.ephemeral) log.warn('JWT_SECRET is unset: login tokens are signed with a random key of this process and do not survive a restart');
  const accounts = app.services.accounts.withTokens(new TokenService(settings));
  const schema = buildSchema({ ...app.services, accounts });
  const cache = env.RESPONSE_CACHE === 'on' ? new ResponseCache() : null;
  const apollo = new ApolloServer<RequestContext>({
    schema,
    introspection: true,
    includeStacktraceInErrorResponses: false,
    formatError: errorFormatter(logInternal),
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      queryCostPlugin(schema),
      httpStatusPlugin<RequestContext>(),
      ...(cache ? [responseCachePlugin<RequestContext>(cache, () => repos.dataVersions.current())] : []),
    ],
  });
  await apollo.start();

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== '/graphql') {
      res.writeHead(url.pathname === '/' ? 302 : 404, url.pathname === '/' ? { location: '/graphql' } : {});
      res.end();
      return;
    }
    const headers = new HeaderMap();
    for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(', ') : v);
    const raw = req.method === 'POST' ? await readBody(req) : '';
    let body: unknown = raw;
    if (raw && (headers.get('content-type') ?? '').includes('application/json')) {
      try {
        body = JSON.parse(raw);
      } catch {
        send(res, badRequestResponse('request body is not valid JSON', req.headers.accept));
        return;
      }
    }
    // A bad token throws UnauthenticatedError: the catch below answers 401 through the error mapping.
    const viewer = (await accounts.authenticate(req.headers.authorization)) ?? ANONYMOUS;
    if (viewer === ANONYMOUS && env.ANONYMOUS_ACCESS === 'off' && !asksOnlyToLogIn(body, url.searchParams)) {
      throw new UnauthenticatedError('sign in first: anonymous access is off here (ANONYMOUS_ACCESS=off); only the login mutation is open');
    }
    const result = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
      context: async () => createRequestContext(app.connection, viewer),
    });
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
