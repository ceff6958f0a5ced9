/** A scratch database for an import test: some of the vendor's people already have accounts, and the CLI's environment to import into it. */
import { createScratchDatabase, type ScratchDatabase } from '../../../src/db/testing.js';
import { cliActor } from '../../../src/domains/auth/identity.js';
import { createUser } from '../../../src/domains/auth/service.js';

export async function importScratch(dialect: Parameters<typeof createScratchDatabase>[0], existing: Array<{ email: string; name: string }>, token: string, now: string): Promise<{ scratch: ScratchDatabase; env: Record<string, string> }> {
  const scratch = await createScratchDatabase(dialect);
  const store = await scratch.open();
  try {
    for (const u of existing) await createUser(store, cliActor(), { email: u.email, name: u.name, role: 'responder' });
  } finally {
    await store.close();
  }
  const env = { FIREBREAK_DATA_DIR: scratch.dataDir, FIREBREAK_NOW: now, FIREBREAK_IMPORT_TOKEN: token, FIREBREAK_PUBLIC_URL: 'https://firebreak.example.test', ...(scratch.databaseUrl ? { FIREBREAK_DATABASE_URL: scratch.databaseUrl } : {}) };
  return { scratch, env };
}
