import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, test } from 'node:test';
import Fastify from 'fastify';
import type { App } from './context.js';
import { CONTENT_SECURITY_POLICY, loadWebAssets, registerWebApp, WEB_DIST } from './web-app.js';

function fakeBuild(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'firebreak-web-dist-'));
  mkdirSync(path.join(dir, 'assets'));
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><script type="module" src="/assets/index-abc123.js"></script>');
  writeFileSync(path.join(dir, 'assets', 'index-abc123.js'), `console.log(${JSON.stringify('x'.repeat(4000))});`);
  writeFileSync(path.join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  return dir;
}

async function serve(dir: string | null) {
  const app = Fastify();
  app.setNotFoundHandler((_req, reply) => reply.status(404).type('application/problem+json').send({ status: 404 }));
  registerWebApp(app as unknown as App, dir ? loadWebAssets(dir) : null);
  await app.ready();
  return app;
}

describe('serving the web app', () => {
  test('hashed assets are immutable and gzipped; index.html is no-cache with a strict CSP', async () => {
    const app = await serve(fakeBuild());
    const asset = await app.inject({ url: '/assets/index-abc123.js', headers: { 'accept-encoding': 'gzip, br' } });
    assert.equal(asset.statusCode, 200);
    assert.equal(asset.headers['cache-control'], 'public, max-age=31536000, immutable');
    assert.equal(asset.headers['content-encoding'], 'gzip');
    assert.match(gunzipSync(asset.rawPayload).toString(), /^console\.log/);
    const index = await app.inject({ url: '/' });
    assert.equal(index.headers['cache-control'], 'no-cache');
    assert.equal(index.headers['content-security-policy'], CONTENT_SECURITY_POLICY);
    assert.match(String(index.headers['content-security-policy']), /default-src 'self'/);
    assert.doesNotMatch(String(index.headers['content-security-policy']), /unsafe-inline|unsafe-eval/);
    const favicon = await app.inject({ url: '/favicon.svg' });
    assert.equal(favicon.headers['cache-control'], 'no-cache', 'unhashed files are revalidated');
    await app.close();
  });

  test('browser navigation to an app path gets index.html; API paths, unknown assets and non-browser clients get the 404 problem', async () => {
    const app = await serve(fakeBuild());
    const deep = await app.inject({ url: '/incidents/INC-4?x=1', headers: { accept: 'text/html,application/xhtml+xml' } });
    assert.equal(deep.statusCode, 200);
    assert.match(deep.body, /<!doctype html>/);
    for (const url of ['/api/v1/nope', '/intake/zzz', '/assets/missing-123.js']) {
      const res = await app.inject({ url, headers: { accept: 'text/html' } });
      assert.equal(res.statusCode, 404, url);
    }
    assert.equal((await app.inject({ url: '/incidents', headers: { accept: 'application/json' } })).statusCode, 404);
    await app.close();
  });

  test('without a build, / says how to build the app instead of failing obscurely', async () => {
    const app = await serve(null);
    const res = await app.inject({ url: '/' });
    assert.equal(res.statusCode, 503);
    assert.match(res.body, /npm run build/);
    await app.close();
  });

  test('the real build has no inline script, so the CSP needs no exception', { skip: loadWebAssets() ? false : 'web/dist is not built' }, () => {
    const html = readFileSync(path.join(WEB_DIST, 'index.html'), 'utf8');
    const scripts = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)];
    assert.ok(scripts.length > 0);
    for (const [tag, body] of scripts) {
      assert.match(tag, /src="\/assets\/[^"]+-[A-Za-z0-9_-]{6,}\.js"/, 'scripts come from hashed files');
      assert.equal(body!.trim(), '', 'no inline script');
    }
    assert.doesNotMatch(html, /\sstyle="|<style/, 'no inline style');
  });
});
