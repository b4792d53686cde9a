import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'http';
import { ApolloServer, HeaderMap } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { DataSource } from 'typeorm';
import { viewerFromToken } from './auth/viewer';
import { NianbaoError } from './common/errors';
import type { Env } from './config/env';
import { createRequestContext, type RequestContext } from './graphql/request-context';
import { DataVersionRepository } from './data/data-version.repository';
import { RegionRepository } from './data/region.repository';
import { queryCostPlugin } from './graphql/query-cost.plugin';
import { isReadOnly, ResponseCache } from './graphql/response-cache';
import { buildSchema } from './graphql/schema';
import type { Services } from './services';

export interface RunningServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** GraphQL on /graphql over plain node:http; nothing is fetched from outside at run time. */
export async function startServer(db: DataSource, env: Pick<Env, 'PORT' | 'JWT_SECRET' | 'RESPONSE_CACHE'>, services: Services): Promise<RunningServer> {
  const schema = buildSchema();
  const apollo = new ApolloServer<RequestContext>({
    schema,
    introspection: true,
    includeStacktraceInErrorResponses: false,
    plugins: [ApolloServerPluginLandingPageDisabled(), queryCostPlugin(schema)],
    formatError: (formatted, error) => {
      const original = (error as { originalError?: unknown }).originalError;
      if (original instanceof NianbaoError) return { ...formatted, extensions: { ...formatted.extensions, ...original.extensions } };
      return formatted;
    },
  });
  await apollo.start();

  const cache = env.RESPONSE_CACHE === 'on' ? new ResponseCache() : null;
  const versions = new DataVersionRepository(db);
  const regions = new RegionRepository(db);
  const pathOf = async (code: string) => (await regions.byCodes([code]))[0]?.path ?? null;

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
        res.writeHead(400, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ errors: [{ message: 'request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }] }));
        return;
      }
    }
    const viewer = await viewerFromToken(req.headers.authorization, env.JWT_SECRET, pathOf);
    // Read the version before executing: a write committed meanwhile makes this answer's key stale at once.
    const version = cache ? await versions.current() : '';
    const key = `${viewer.role}|${viewer.regionPath ?? ''}|${viewer.agencyId ?? ''}|${req.method}|${url.search}|${raw}`;
    const hit = cache?.get(version, key);
    if (hit) {
      res.writeHead(hit.status, Object.fromEntries([...hit.headers, ['x-nianbao-cache', 'hit']]));
      res.end(hit.body);
      return;
    }
    const result = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
      context: async () => createRequestContext(db, viewer, services),
    });
    const outHeaders: Array<[string, string]> = [...result.headers];
    if (result.body.kind === 'complete') {
      const text = result.body.string;
      const status = result.status ?? 200;
      const request = (typeof body === 'object' && body) || Object.fromEntries(url.searchParams);
      const { query, operationName } = request as { query?: unknown; operationName?: unknown };
      if (cache && status === 200 && !text.startsWith('{"errors"') && !text.includes('"errors":[') && isReadOnly(query, operationName))
        cache.set(version, key, { status, headers: outHeaders, body: text });
      res.writeHead(status, Object.fromEntries([...outHeaders, ['x-nianbao-cache', 'miss']]));
      res.end(text);
    } else {
      res.writeHead(result.status ?? 200, Object.fromEntries(outHeaders));
      for await (const chunk of result.body.asyncIterator) res.write(chunk);
      res.end();
    }
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((e) => {
      const code = e instanceof NianbaoError ? e.code : 'INTERNAL_SERVER_ERROR';
      res.writeHead(e instanceof NianbaoError ? 403 : 500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ errors: [{ message: e.message, extensions: { code } }] }));
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
