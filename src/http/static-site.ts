import { createReadStream, existsSync, statSync } from 'fs';
import type { IncomingMessage, ServerResponse } from 'http';
import { extname, join, normalize, sep } from 'path';

const DIST = join(__dirname, '..', '..', 'web', 'dist');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/** A file of web/dist by URL path, never outside it. */
function fileOf(dist: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  const path = normalize(join(dist, decoded));
  if (path !== dist && !path.startsWith(dist + sep)) return null;
  return existsSync(path) && statSync(path).isFile() && TYPES[extname(path)] ? path : null;
}

/**
 * The dashboard built into web/dist (web/build-if-stale.ts): hashed assets cached for a year, pages
 * revalidated; a path without a file extension gets the app's index.html (the app routes by hash,
 * so this covers / and bookmarked paths); /graphiql/ is the workbench's own page. Returns false for
 * what it does not serve (/graphql, files that do not exist), leaving the answer to the caller.
 */
export function serveStatic(req: IncomingMessage, res: ServerResponse, pathname: string, dist = DIST): boolean {
  if (pathname === '/graphql' || (req.method !== 'GET' && req.method !== 'HEAD')) return false;
  if (pathname === '/graphiql') {
    res.writeHead(301, { location: '/graphiql/' });
    res.end();
    return true;
  }
  let file = fileOf(dist, pathname.endsWith('/') ? `${pathname}index.html` : pathname);
  if (!file && !extname(pathname) && !pathname.startsWith('/graphiql/')) file = fileOf(dist, '/index.html');
  if (!file) return false;
  const hashed = file.includes(`${sep}assets${sep}`);
  res.writeHead(200, {
    'content-type': TYPES[extname(file)],
    'content-length': statSync(file).size,
    'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
    'x-content-type-options': 'nosniff',
  });
  if (req.method === 'HEAD') res.end();
  else createReadStream(file).pipe(res);
  return true;
}
