#!/usr/bin/env node
// Regenerates web/src/api/schema.d.ts from the server's OpenAPI document (run after `tsc`).
import { writeFileSync } from 'node:fs';
import { CLIENT_TYPES_PATH, openApiDocument, renderClientTypes } from '../dist/test/web/client-types.js';

const text = await renderClientTypes(await openApiDocument());
writeFileSync(CLIENT_TYPES_PATH, text);
console.log(`wrote ${CLIENT_TYPES_PATH}`);
