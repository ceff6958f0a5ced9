/** Tables of the catalog domain, as Kysely sees them. */
export interface ServicesTable {
  id: string;
  name: string;
  description: string | null;
  owner_team_id: string | null;
  runbook_url: string | null;
  /** 1 (most critical) to 4; null when not classified. */
  tier: number | null;
  /** The escalation policy that pages for this service; no domain sets it yet, so it stays null. */
  escalation_policy_id: string | null;
  /** JSON array of label names that split this service's alerts into separate groups; null = one group per window. */
  group_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface ServiceDependenciesTable {
  service_id: string;
  depends_on_id: string;
  created_at: string;
}

export interface CatalogTables {
  services: ServicesTable;
  service_dependencies: ServiceDependenciesTable;
}
