import type { Migration } from 'kysely';
import * as m0001 from './0001_platform.js';

/**
 * Every migration in order. Names sort by their number; a domain adds its own
 * file here (static imports keep the list identical in source and build).
 */
export const migrations: Record<string, Migration> = {
  '0001_platform': m0001,
};
