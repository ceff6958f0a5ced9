/**
 * The web app's typed API client is generated from the server's own OpenAPI
 * document: `npm run web:client` writes web/src/api/schema.d.ts, and
 * client.test.ts fails when the checked-in file differs from what the server
 * describes now.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import { Store } from '../../src/db/store.js';
import { createTestApp } from '../../src/app/testing.js';
import { ROOT } from '../support/process.js';

export const CLIENT_TYPES_PATH = path.join(ROOT, 'web', 'src', 'api', 'schema.d.ts');

/** The OpenAPI document of a freshly built server (on a scratch SQLite file). */
export async function openApiDocument(): Promise<Record<string, unknown>> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'firebreak-openapi-'));
  const store = Store.open({ dataDir });
  try {
    await store.migrate();
    const test = await createTestApp(store);
    try {
      return JSON.parse(JSON.stringify(test.app.swagger())) as Record<string, unknown>;
    } finally {
      await test.close();
    }
  } finally {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The TypeScript the web client is typed with, as openapi-typescript renders it. */
export async function renderClientTypes(document: Record<string, unknown>): Promise<string> {
  const ast = await openapiTS(document as unknown as OpenAPI3, { alphabetize: true });
  return `/* Generated from Firebreak's OpenAPI document by "npm run web:client"; do not edit. */\n${astToString(ast)}`;
}
