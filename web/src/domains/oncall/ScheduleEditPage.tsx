/** Create or edit a schedule: name, zone, and its layers (bottom first). */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { api, type ApiError, unwrap } from '../../api/client';
import { navigate } from '../../shell/router';
import type { ScreenProps } from '../../shell/registry';
import { useCan } from '../../shell/session';
import { Button, FormError, SelectField, TextArea, TextField } from '../../ui/components';
import { LayerEditor, type LayerDraft } from './LayerEditor';
import { OnCallTabs } from './OnCallTabs';
import { asApiError, useViewerZone, type Schedule } from './queries';
import { isoToLocal, ZONES } from '../../ui/zone-input';
import './oncall.css';
import { plainMessage, refusalText } from '../../ui/refusal';

function newLayer(zone: string, n: number): LayerDraft {
  const tomorrow9 = isoToLocal(Date.now() + 86_400_000, zone).slice(0, 10) + 'T09:00';
  return { name: `Layer ${n}`, start: tomorrow9, length: { unit: 'weeks', count: 1 }, participants: [''], restrictions: [] };
}

function draftOf(s: Schedule): LayerDraft[] {
  return s.layers.map((l) => ({ name: l.name, start: l.start, length: { unit: l.length.unit as LayerDraft['length']['unit'], count: l.length.count }, participants: l.participants, restrictions: l.restrictions }));
}

export default function ScheduleEditPage({ params }: ScreenProps) {
  const ref = params.schedule;
  const isAdmin = useCan('admin');
  const client = useQueryClient();
  const viewerZone = useViewerZone();
  const existing = useQuery({ queryKey: ['oncall', 'schedule', ref], enabled: !!ref, queryFn: () => unwrap(api.GET('/api/v1/oncall/schedules/{schedule}', { params: { path: { schedule: ref ?? '' } } })) });
  const [form, setForm] = useState({ name: '', timeZone: viewerZone, description: '' });
  const [layers, setLayers] = useState<LayerDraft[]>(() => (ref ? [] : [newLayer(viewerZone, 1)]));
  const [error, setError] = useState<ApiError | null>(null);
  const loaded = existing.data;
  useEffect(() => {
    if (!loaded) return;
    setForm({ name: loaded.name, timeZone: loaded.timeZone, description: loaded.description ?? '' });
    setLayers(draftOf(loaded));
  }, [loaded]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const body = { name: form.name, timeZone: form.timeZone, description: form.description || null, layers: layers.map((l) => ({ ...l, participants: l.participants.filter(Boolean) })) };
    try {
      const saved = ref
        ? await unwrap(api.PATCH('/api/v1/oncall/schedules/{schedule}', { params: { path: { schedule: ref } }, body }))
        : await unwrap(api.POST('/api/v1/oncall/schedules', { body }));
      await client.invalidateQueries({ queryKey: ['oncall'] });
      navigate(`/oncall/schedules/${saved.id}`);
    } catch (err) {
      setError(asApiError(err));
    }
  };
  const remove = async () => {
    if (!ref || !window.confirm(`Delete schedule ${form.name}?`)) return;
    try {
      await unwrap(api.DELETE('/api/v1/oncall/schedules/{schedule}', { params: { path: { schedule: ref } } }));
      await client.invalidateQueries({ queryKey: ['oncall'] });
      navigate('/oncall');
    } catch (err) {
      setError(asApiError(err));
    }
  };
  const fieldError = (field: string) => {
    const message = error?.errors.find((x) => x.field.replace(/^body[./]?/, '').replace(/\./g, '/').replace(/^\//, '').startsWith(field))?.message;
    return message === undefined ? undefined : plainMessage(message);
  };

  return (
    <main id="main" className="page">
      <h1>{ref ? `Edit schedule ${loaded?.name ?? ''}` : 'New schedule'}</h1>
      <OnCallTabs />
      <form onSubmit={submit} aria-label={ref ? 'Edit schedule' : 'New schedule'}>
        <div className="row">
          <TextField label="Name" required value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} error={error?.forField('name')} />
          <SelectField label="Time zone" value={form.timeZone} onChange={(e) => setForm({ ...form, timeZone: e.target.value })} error={error?.forField('timeZone')}>
            {(ZONES.includes(form.timeZone) ? ZONES : [form.timeZone, ...ZONES]).map((z) => <option key={z} value={z}>{z}</option>)}
          </SelectField>
        </div>
        <TextArea label="Description" rows={2} value={form.description} onChange={(e) => setForm({ ...form, description: e.target.value })} />
        <h2>Layers</h2>
        <p className="muted small">Later layers win during their hours (for example business-hours primary over a 24/7 secondary).</p>
        {layers.map((layer, i) => (
          <LayerEditor key={i} index={i} layer={layer} fieldError={fieldError}
            onChange={(next) => setLayers(layers.map((l, j) => (j === i ? next : l)))}
            onRemove={() => setLayers(layers.filter((_, j) => j !== i))} />
        ))}
        <div className="row">
          <Button onClick={() => setLayers([...layers, newLayer(form.timeZone, layers.length + 1)])}>Add layer</Button>
          <Button type="submit" variant="primary">{ref ? 'Save schedule' : 'Create schedule'}</Button>
          {ref && isAdmin && <Button variant="danger" onClick={() => void remove()}>Delete schedule</Button>}
        </div>
        <FormError error={error ? refusalText(error) : null} />
      </form>
    </main>
  );
}
