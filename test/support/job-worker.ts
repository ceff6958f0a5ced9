/**
 * A worker-only process for the job engine's multi-process tests: it runs
 * `firebreak serve --roles worker` semantics with the test job kinds added.
 * Env: FIREBREAK_DATABASE_URL / FIREBREAK_DATA_DIR as for serve.
 */
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/app/logger.js';
import { startFirebreak } from '../../src/app/process.js';
import { testJobs } from '../../src/jobs/testing.js';

const config = loadConfig();
const running = await startFirebreak(config, { roles: ['worker'], logger: createLogger(config.logLevel), extraJobs: testJobs, announce: () => undefined });
process.stdout.write('worker ready\n');
process.on('SIGTERM', () => {
  void running.close().then(() => process.exit(0));
});
