import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { CLIENT_TYPES_PATH, openApiDocument, renderClientTypes } from './client-types.js';

test('the web app’s checked-in API client matches the server’s OpenAPI document (regenerate with "npm run web:client")', async () => {
  const expected = await renderClientTypes(await openApiDocument());
  const checkedIn = readFileSync(CLIENT_TYPES_PATH, 'utf8');
  assert.ok(checkedIn === expected, 'web/src/api/schema.d.ts is stale: run "npm run web:client" and commit the result');
});
