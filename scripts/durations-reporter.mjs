// A node:test reporter that writes one JSON line per top-level suite or test that finished
// (its file and how long it took), so run-tests.mjs can learn each file's duration and start
// the longest files first next time.
export default async function* durationsReporter(source) {
  for await (const event of source) {
    if ((event.type !== 'test:pass' && event.type !== 'test:fail') || event.data.nesting !== 0 || !event.data.file) continue;
    yield `${JSON.stringify({ file: event.data.file, ms: Math.round(event.data.details?.duration_ms ?? 0) })}\n`;
  }
}
