/** A page's component groups and components: their state (responders set it), linked service; admins add and remove. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, ApiError, unwrap } from '../../api/client';
import { useCan } from '../../shell/session';
import { Button, Empty, FormError, SelectField, TextField } from '../../ui/components';
import { STATES, stateLabel, useServices, type Component, type ComponentState } from './queries';
import { refusalText } from '../../ui/refusal';

function ordered(components: readonly Component[]): Array<{ c: Component; child: boolean }> {
  const byPos = (a: Component, b: Component) => a.position - b.position || a.name.localeCompare(b.name);
  const top = components.filter((c) => !c.groupId).sort(byPos);
  return top.flatMap((c) => [{ c, child: false }, ...components.filter((x) => x.groupId === c.id).sort(byPos).map((x) => ({ c: x, child: true }))]);
}

export function ComponentsPanel({ pageId }: { pageId: string }) {
  const canSetState = useCan('responder');
  const isAdmin = useCan('admin');
  const client = useQueryClient();
  const key = ['status', 'components', pageId];
  const components = useQuery({ queryKey: key, queryFn: async () => (await unwrap(api.GET('/api/v1/status-pages/{id}/components', { params: { path: { id: pageId } } }))).components });
  const services = useServices().data ?? [];
  const serviceName = new Map(services.map((s) => [s.id, s.name]));
  const [form, setForm] = useState({ name: '', group: false, groupId: '', serviceId: '', status: 'operational' as ComponentState });
  const [error, setError] = useState<ApiError | null>(null);
  const fail = (err: unknown) => setError(err instanceof ApiError ? err : new ApiError(0, String(err)));
  const refresh = () => client.invalidateQueries({ queryKey: key });
  const groups = (components.data ?? []).filter((c) => c.group);

  const add = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await unwrap(api.POST('/api/v1/status-pages/{id}/components', {
        params: { path: { id: pageId } },
        body: { name: form.name, group: form.group, groupId: form.group ? null : form.groupId || null, serviceId: form.group ? null : form.serviceId || null, status: form.status },
      }));
      setForm({ ...form, name: '' });
      await refresh();
    } catch (err) {
      fail(err);
    }
  };
  const setState = async (id: string, status: ComponentState) => {
    setError(null);
    try {
      await unwrap(api.PUT('/api/v1/status-components/{id}/status', { params: { path: { id } }, body: { status } }));
      await refresh();
    } catch (err) {
      fail(err);
    }
  };
  const remove = async (c: Component) => {
    if (!window.confirm(`Remove ${c.name} from the status page?`)) return;
    try {
      await unwrap(api.DELETE('/api/v1/status-components/{id}', { params: { path: { id: c.id } } }));
      await refresh();
    } catch (err) {
      fail(err);
    }
  };

  return (
    <section aria-labelledby="components-heading">
      <h2 id="components-heading">Components</h2>
      {components.data?.length === 0 && <Empty>No components yet.</Empty>}
      {components.data && components.data.length > 0 && (
        <table className="table" aria-label="Components">
          <thead><tr><th scope="col">Component</th><th scope="col">Service</th><th scope="col">State</th>{isAdmin && <th scope="col"><span className="visually-hidden">Actions</span></th>}</tr></thead>
          <tbody>
            {ordered(components.data).map(({ c, child }) => (
              <tr key={c.id} className={c.group ? 'group-row' : undefined} data-component={c.name}>
                <td><span className={child ? 'child-name' : undefined}>{c.name}</span>{c.group && <span className="badge">group</span>}</td>
                <td>{c.serviceId ? serviceName.get(c.serviceId) ?? 'linked service' : '—'}</td>
                <td>
                  {canSetState && !c.group ? (
                    <select aria-label={`State of ${c.name}`} value={c.status} onChange={(e) => void setState(c.id, e.target.value as ComponentState)}>
                      {STATES.map(([k, label]) => <option key={k} value={k}>{label}</option>)}
                    </select>
                  ) : <span className={`state-${c.status}`} data-testid="component-state">{stateLabel(c.status)}</span>}
                </td>
                {isAdmin && <td><Button variant="danger" onClick={() => void remove(c)} aria-label={`Remove ${c.name}`}>Remove</Button></td>}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {isAdmin && (
        <form className="inline-form" onSubmit={add} aria-label="New component">
          <TextField label="Component name" required value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} error={error?.forField('name')} />
          <label className="check"><input type="checkbox" checked={form.group} onChange={(e) => setForm({ ...form, group: e.target.checked })} /> a group of components</label>
          {!form.group && (
            <>
              <SelectField label="In group" value={form.groupId} onChange={(e) => setForm({ ...form, groupId: e.target.value })} error={error?.forField('groupId')}>
                <option value="">none</option>
                {groups.map((g) => <option key={g.id} value={g.id}>{g.name}</option>)}
              </SelectField>
              <SelectField label="Linked service" value={form.serviceId} onChange={(e) => setForm({ ...form, serviceId: e.target.value })} error={error?.forField('serviceId')}>
                <option value="">none</option>
                {services.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
              </SelectField>
            </>
          )}
          <SelectField label="Initial state" value={form.status} onChange={(e) => setForm({ ...form, status: e.target.value as ComponentState })}>
            {STATES.map(([k, label]) => <option key={k} value={k}>{label}</option>)}
          </SelectField>
          <Button type="submit" variant="primary">Add component</Button>
        </form>
      )}
      <FormError error={error && error.errors.length === 0 ? refusalText(error) : null} />
    </section>
  );
}
