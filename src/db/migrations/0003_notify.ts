import type { Kysely } from 'kysely';

/** Tables of the notify domain (filled in by that domain's work). */
export async function up(_db: Kysely<any>): Promise<void> {}

export async function down(_db: Kysely<any>): Promise<void> {}
