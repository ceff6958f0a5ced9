/**
 * Serves the built web app (web/dist) from the api role at `/`.
 *
 * The build is a handful of files, so they are read (and gzipped) once at
 * start and answered from memory: hashed files under /assets/ are immutable for
 * a year, index.html is never cached (it names the current hashes), and every
 * HTML answer carries a strict Content-Security-Policy. Any other browser
 * navigation outside the API gets index.html so the app's own router can show
 * the page; API clients (no text/html in Accept) still get the 404 problem.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from './context.js';

/** Where `vite build` writes the app (see web/vite.config.ts). */
export const WEB_DIST = fileURLToPath(new URL('../../../web/dist', import.meta.url));

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

/** Paths that belong to the API and other roles: never answered with the app. */
const NOT_THE_APP = /^\/(api|intake|v2|status|healthz|readyz|metrics)(\/|$)/;

interface Asset {
  body: Buffer;
  gzip: Buffer | null;
  type: string;
  immutable: boolean;
}

function walk(dir: string, base = dir): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    return statSync(full).isDirectory() ? walk(full, base) : [path.relative(base, full)];
  });
}

/** Reads the built app into memory; null when web/dist has not been built. */
export function loadWebAssets(dir = WEB_DIST): Map<string, Asset> | null {
  if (!existsSync(path.join(dir, 'index.html'))) return null;
  const assets = new Map<string, Asset>();
  for (const file of walk(dir)) {
    const body = readFileSync(path.join(dir, file));
    const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
    const compressible = /^(text\/|image\/svg|application\/json)/.test(type) && body.length > 512;
    const urlPath = `/${file.split(path.sep).join('/')}`;
    assets.set(urlPath, { body, gzip: compressible ? gzipSync(body, { level: 9 }) : null, type, immutable: urlPath.startsWith('/assets/') });
  }
  return assets;
}

function send(request: FastifyRequest, reply: FastifyReply, asset: Asset) {
  reply.header('content-type', asset.type).header('x-content-type-options', 'nosniff').header('vary', 'accept-encoding');
  reply.header('cache-control', asset.immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
  if (asset.type.startsWith('text/html')) {
    reply.header('content-security-policy', CONTENT_SECURITY_POLICY).header('referrer-policy', 'no-referrer').header('x-frame-options', 'DENY');
  }
  const acceptsGzip = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
  if (asset.gzip && acceptsGzip) return reply.header('content-encoding', 'gzip').send(asset.gzip);
  return reply.send(asset.body);
}

/** Registers `/` and the app's files; without a build, `/` explains how to make one. */
export function registerWebApp(app: App, assets: Map<string, Asset> | null = loadWebAssets()): void {
  const options = { config: { access: 'public' as const }, schema: { hide: true } };
  const handler = async (request: FastifyRequest, reply: FastifyReply) => {
    const urlPath = decodeURIComponent(request.url.split('?')[0] ?? '/');
    const file = assets?.get(urlPath);
    if (file && urlPath !== '/index.html') return send(request, reply, file);
    const isNavigation = /text\/html/.test(String(request.headers.accept ?? '')) || urlPath === '/';
    if (NOT_THE_APP.test(urlPath) || !isNavigation || urlPath.startsWith('/assets/')) return reply.callNotFound();
    if (!assets) {
      return reply.status(503).type('text/plain; charset=utf-8').send('The web app is not built: run "npm run build" (it runs "vite build" for web/).\n');
    }
    return send(request, reply, assets.get('/index.html')!);
  };
  app.get('/', options, handler);
  app.get('/*', options, handler);
}
