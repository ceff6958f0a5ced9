/** In the war room: who could not be paged. Services of the incident whose policy reaches nobody now, and escalations that paged nobody. */
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';

export function PagingGaps({ incidentId, services }: { incidentId: string; services: readonly string[] }) {
  const catalog = useQuery({ queryKey: ['services'], queryFn: async () => (await unwrap(api.GET('/api/v1/services', { params: { query: {} } }))).services, refetchInterval: 30_000 });
  const escalations = useQuery({
    queryKey: ['escalations', 'incident', incidentId],
    queryFn: async () => (await unwrap(api.GET('/api/v1/escalations', { params: { query: { incidentId } } }))).escalations,
    refetchInterval: 10_000,
  });
  const named = new Set(services);
  const gaps = [
    ...(catalog.data ?? []).filter((s) => (named.has(s.id) || named.has(s.name)) && s.pagesNobody).map((s) => `${s.name} pages nobody: ${s.pagesNobody}`),
    ...(escalations.data ?? []).filter((e) => e.pagedNobody).map((e) => `${e.title}: ${e.pagedNobody}`),
  ];
  if (gaps.length === 0) return null;
  return (
    <div className="paging-gaps" aria-label="Paging gaps" role="status">
      {gaps.map((g) => <p key={g} className="paged-nobody small">{g}</p>)}
    </div>
  );
}
