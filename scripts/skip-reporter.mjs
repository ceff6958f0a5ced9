// A node:test reporter that writes one JSON line per skipped suite or test (name, file, reason),
// so run-tests.mjs can say in its closing summary what was skipped and why: node's own
// summary counts only skipped tests, not the suites skipped whole (every PostgreSQL suite without a database).
export default async function* skipReporter(source) {
  for await (const event of source) {
    if (event.type !== 'test:pass' || event.data.skip === undefined) continue;
    const reason = typeof event.data.skip === 'string' ? event.data.skip : 'skipped';
    yield `${JSON.stringify({ suite: event.data.details?.type === 'suite', name: event.data.name, file: event.data.file ?? null, reason })}\n`;
  }
}
