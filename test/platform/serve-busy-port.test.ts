import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { runCli } from '../support/process.js';

test('serve on a port something else holds exits non-zero with a message naming the port, instead of hanging', { timeout: 60_000 }, async () => {
  const holder = net.createServer();
  await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
  const port = (holder.address() as net.AddressInfo).port;
  try {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'firebreak-busy-'));
    const result = await runCli(['serve'], { FIREBREAK_DATA_DIR: dataDir, FIREBREAK_DATABASE_URL: undefined, FIREBREAK_PORT: String(port), FIREBREAK_HOST: '127.0.0.1' });
    assert.notEqual(result.code, 0);
    assert.match(result.stderr, new RegExp(`cannot listen on 127\\.0\\.0\\.1:${port}: the port is already in use`));
  } finally {
    await new Promise<void>((resolve) => holder.close(() => resolve()));
  }
});
