/** One rotation layer of a schedule: participants in order, hand-off and length, optional active hours. */
import { Button, SelectField, TextField } from '../../ui/components';
import { useUsers } from './queries';

export interface LayerDraft {
  name: string;
  start: string;
  length: { unit: 'hours' | 'days' | 'weeks'; count: number };
  participants: string[];
  restrictions: Array<{ days: number[]; from: string; to: string }>;
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

interface Props {
  index: number;
  layer: LayerDraft;
  onChange: (layer: LayerDraft) => void;
  onRemove: () => void;
  fieldError: (field: string) => string | undefined;
}

export function LayerEditor({ index, layer, onChange, onRemove, fieldError }: Props) {
  const users = useUsers().data ?? [];
  const at = `layers/${index}`;
  const setParticipant = (i: number, id: string) => onChange({ ...layer, participants: layer.participants.map((p, j) => (j === i ? id : p)) });
  const moveUp = (i: number) => {
    const next = [...layer.participants];
    [next[i - 1], next[i]] = [next[i]!, next[i - 1]!];
    onChange({ ...layer, participants: next });
  };
  const setRestriction = (i: number, r: LayerDraft['restrictions'][number]) => onChange({ ...layer, restrictions: layer.restrictions.map((x, j) => (j === i ? r : x)) });

  return (
    <fieldset className="layer-box">
      <legend>Layer {index + 1}{index > 0 ? ' (wins over the layers above during its hours)' : ''}</legend>
      <div className="row">
        <TextField label="Layer name" required value={layer.name} onChange={(e) => onChange({ ...layer, name: e.target.value })} error={fieldError(`${at}/name`)} />
        <TextField label="First hand-off (schedule's zone)" type="datetime-local" required value={layer.start} onChange={(e) => onChange({ ...layer, start: e.target.value })} error={fieldError(`${at}/start`)} />
        <TextField label="Rotation length" type="number" min={1} max={8760} required value={layer.length.count} onChange={(e) => onChange({ ...layer, length: { ...layer.length, count: Number(e.target.value) } })} error={fieldError(`${at}/length`)} />
        <SelectField label="Unit" value={layer.length.unit} onChange={(e) => onChange({ ...layer, length: { ...layer.length, unit: e.target.value as LayerDraft['length']['unit'] } })}>
          <option value="hours">hours</option><option value="days">days</option><option value="weeks">weeks</option>
        </SelectField>
      </div>
      <h3 className="small">Participants, in rotation order</h3>
      <ol className="ordered">
        {layer.participants.map((p, i) => (
          <li key={i} className="row">
            <SelectField label={`Participant ${i + 1}`} required value={p} onChange={(e) => setParticipant(i, e.target.value)}>
              <option value="">choose…</option>
              {users.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
            </SelectField>
            {i > 0 && <Button variant="quiet" onClick={() => moveUp(i)} aria-label={`Move participant ${i + 1} up`}>↑</Button>}
            <Button variant="quiet" onClick={() => onChange({ ...layer, participants: layer.participants.filter((_, j) => j !== i) })} aria-label={`Remove participant ${i + 1}`}>✕</Button>
          </li>
        ))}
      </ol>
      {fieldError(`${at}/participants`) && <p className="field-error" role="alert">{fieldError(`${at}/participants`)}</p>}
      <Button onClick={() => onChange({ ...layer, participants: [...layer.participants, ''] })}>Add participant</Button>
      <h3 className="small">Active hours (none: around the clock)</h3>
      {layer.restrictions.map((r, i) => (
        <div key={i} className="row">
          <fieldset className="day-checks">
            <legend className="visually-hidden">Days of restriction {i + 1}</legend>
            {WEEKDAYS.map((d, k) => (
              <label key={d}>
                <input type="checkbox" checked={r.days.includes(k + 1)} onChange={(e) => setRestriction(i, { ...r, days: e.target.checked ? [...r.days, k + 1].sort() : r.days.filter((x) => x !== k + 1) })} />
                {d}
              </label>
            ))}
          </fieldset>
          <TextField label="From" type="time" value={r.from} onChange={(e) => setRestriction(i, { ...r, from: e.target.value })} />
          <TextField label="To" type="time" value={r.to} onChange={(e) => setRestriction(i, { ...r, to: e.target.value })} />
          <Button variant="quiet" onClick={() => onChange({ ...layer, restrictions: layer.restrictions.filter((_, j) => j !== i) })}>Remove hours</Button>
        </div>
      ))}
      {fieldError(`${at}/restrictions`) && <p className="field-error" role="alert">{fieldError(`${at}/restrictions`)}</p>}
      <div className="row">
        <Button onClick={() => onChange({ ...layer, restrictions: [...layer.restrictions, { days: [1, 2, 3, 4, 5], from: '09:00', to: '17:00' }] })}>Add active hours</Button>
        <Button variant="danger" onClick={onRemove}>Remove layer</Button>
      </div>
    </fieldset>
  );
}
