/**
 * How many live streams one caller may hold open in this process: per
 * credential (an API token or a session) and per user. A stream holds a
 * connection and a file descriptor for as long as the client likes, so
 * without a cap one viewer token could open streams until the process runs
 * out of descriptors. Beyond the cap a new stream is refused with 429 and
 * Retry-After; the ones already open keep running.
 */
import { rateLimited } from '../errors.js';

/** When a refused client may try again: about when a browser tab's stream would have been closed. */
const RETRY_AFTER_SECONDS = 30;

export interface StreamHolder {
  userId: string;
  /** The API token or session the stream was opened with. */
  credentialId: string;
}

export class StreamLimits {
  private readonly byCredential = new Map<string, number>();
  private readonly byUser = new Map<string, number>();

  constructor(private readonly limits: { streamsPerToken: number; streamsPerUser: number }) {}

  /** Counts a new stream for `holder`, or throws 429 when it would pass a cap; the returned function releases it (once). */
  acquire(holder: StreamHolder): () => void {
    const credential = this.byCredential.get(holder.credentialId) ?? 0;
    const user = this.byUser.get(holder.userId) ?? 0;
    if (credential >= this.limits.streamsPerToken) {
      throw rateLimited('too-many-streams', `this token already holds ${credential} live streams, the most one token may hold (FIREBREAK_STREAMS_PER_TOKEN); close one first`, RETRY_AFTER_SECONDS);
    }
    if (user >= this.limits.streamsPerUser) {
      throw rateLimited('too-many-streams', `you already hold ${user} live streams, the most one person may hold (FIREBREAK_STREAMS_PER_USER); close one first`, RETRY_AFTER_SECONDS);
    }
    this.byCredential.set(holder.credentialId, credential + 1);
    this.byUser.set(holder.userId, user + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      decrement(this.byCredential, holder.credentialId);
      decrement(this.byUser, holder.userId);
    };
  }
}

function decrement(counts: Map<string, number>, key: string): void {
  const next = (counts.get(key) ?? 1) - 1;
  if (next <= 0) counts.delete(key);
  else counts.set(key, next);
}
