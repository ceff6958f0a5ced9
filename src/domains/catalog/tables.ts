/** Tables of the catalog domain, as Kysely sees them. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface CatalogTables {}
