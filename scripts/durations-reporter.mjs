// A node:test reporter that writes one JSON line per test file that ended (its compiled path and
// its wall time, from the runner's file-level `test:complete` event), so run-tests.mjs can learn
// each file's duration and start the longest files first next time.
export default async function* durationsReporter(source) {
  for await (const event of source) {
    const { name, file, nesting, details } = event.data ?? {};
    if (event.type !== 'test:complete' || nesting !== 0 || !file || name !== file) continue;
    yield `${JSON.stringify({ file, ms: Math.round(details?.duration_ms ?? 0) })}\n`;
  }
}
