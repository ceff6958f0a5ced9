import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isSafeLink, renderRunbook, runbookLinks } from './render.js';

describe('runbook rendering', () => {
  test('runbook Markdown with script tags, javascript: links and raw HTML renders without any of them', () => {
    const hostile = [
      '# Checkout is down',
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(2)>',
      '<iframe src="https://evil.example"></iframe>',
      '<a href="javascript:alert(3)">raw anchor</a>',
      '[plain](javascript:alert(4))',
      '[mixed case](JaVaScRiPt:alert(5))',
      '[entity](&#106;avascript:alert(6))',
      '[hex entity](&#x6A;avascript:alert(7))',
      '[tab inside](java&#9;script:alert(8))',
      '[percent](javascript%3Aalert(9))',
      '[leading space]( javascript:alert(10))',
      '[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxMSk8L3NjcmlwdD4=)',
      '![data image](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMTIpPg==)',
      '[vbscript](vbscript:msgbox(13))',
      '[file](file:///etc/passwd)',
      '<javascript:alert(14)>',
      '[ref link][evil]',
      '',
      '[evil]: javascript:alert(15)',
    ].join('\n\n');
    const html = renderRunbook(hostile);
    assert.doesNotMatch(html, /<script/i);
    assert.doesNotMatch(html, /<iframe/i);
    assert.doesNotMatch(html, /<img[^>]*onerror/i);
    assert.doesNotMatch(html, /<[a-z][^>]*\son\w+=/i, 'no tag carries an event handler');
    assert.doesNotMatch(html, /<img/i, 'no image survives');
    // Only the bare https address inside the (escaped) iframe text is linkified; no hostile scheme reaches an attribute.
    const hrefs = [...html.matchAll(/(?:href|src)="([^"]*)"/g)].map((m) => m[1]!);
    assert.deepEqual(hrefs, ['https://evil.example']);
    // The raw HTML is shown as text, so a reader still sees what was written.
    assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    assert.match(html, /<h1>Checkout is down<\/h1>/);
  });

  test('http(s), mailto and relative links survive, and leave without a referrer', () => {
    const html = renderRunbook('[dash](https://grafana.example.com/d/x) [mail](mailto:oncall@example.com) [ops](/services) [anchor](#mitigation) and https://logs.example.com/q');
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
    assert.deepEqual(hrefs, ['https://grafana.example.com/d/x', 'mailto:oncall@example.com', '/services', '#mitigation', 'https://logs.example.com/q']);
    assert.match(html, /rel="noopener noreferrer nofollow"/);
  });

  test('the link check looks at the http(s) links only, each once', () => {
    assert.deepEqual(runbookLinks('[a](https://a.example/x) [b](/rel) [c](mailto:x@y) [a again](https://a.example/x) ![i](http://img.example/p.png) [js](javascript:alert(1))'), [
      'https://a.example/x',
      'http://img.example/p.png',
    ]);
  });

  test('isSafeLink refuses other schemes however they are spelled', () => {
    for (const bad of ['javascript:x', 'JAVASCRIPT:x', ' javascript:x', 'java\tscript:x', 'java\nscript:x', 'javascript%3Ax', 'data:text/html,x', 'vbscript:x', 'file:///x', 'ftp://x']) assert.equal(isSafeLink(bad), false, bad);
    for (const good of ['https://x', 'HTTP://x', 'mailto:a@b', '/path', 'relative/path', '#top', '?q=1', '//cdn.example/x']) assert.equal(isSafeLink(good), true, good);
  });
});
