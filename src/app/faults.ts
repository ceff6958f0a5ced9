/**
 * A test-only seam: the consumers that intake feeds (paging, runbooks, the
 * status page, metrics) can be made to fail on demand, to prove that intake
 * survives them. Set through createTestApp's `faults` option; a running
 * product process never has one.
 */
export type IntakeConsumer = 'paging' | 'runbooks' | 'statuspage' | 'metrics';

export interface ConsumerFaults {
  /** The consumers failing right now; a test adds and removes names. */
  failing: Set<IntakeConsumer>;
}

/** The error an injected fault raises. */
export class InjectedFault extends Error {
  constructor(readonly consumer: IntakeConsumer) {
    super(`injected fault: ${consumer} is failing`);
  }
}

/** Throws when a test made this consumer fail; a no-op otherwise. */
export function injectFault(faults: ConsumerFaults | undefined, consumer: IntakeConsumer): void {
  if (faults?.failing.has(consumer)) throw new InjectedFault(consumer);
}
