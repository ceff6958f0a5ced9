/** A modal form for one entry (reject a hypothesis, give a role, attach evidence…): the API's refusals are shown beside the field they name. */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../../../api/client';
import { Button, FormError, SelectField, TextArea, TextField } from '../../../ui/components';
import type { Draft, EntryContext } from '../../../../../src/domains/incidents/entry/command-kit.js';
import type { EventForm } from './event-forms';
import { refusalText } from '../../../ui/refusal';

interface Props {
  form: EventForm;
  me: EntryContext['me'];
  room?: EntryContext['room'];
  onSubmit(draft: Draft): Promise<void>;
  onClose(): void;
}

export function EventDialog({ form, me, room, onSubmit, onClose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(form.fields.map((f) => [f.name, f.initial ?? f.options?.[0]?.[0] ?? ''])));
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const el = dialog.current;
    if (el && !el.open) el.showModal();
    return () => el?.close();
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = form.toDraft(values, { now: new Date(), me, ...(room ? { room } : {}) });
    if (!result.ok) {
      setFieldErrors({ [result.field]: result.error });
      setGeneral(null);
      return;
    }
    setBusy(true);
    try {
      await onSubmit(result.draft);
      onClose();
    } catch (err) {
      const api = err instanceof ApiError ? err : new ApiError(0, String(err));
      const byField: Record<string, string> = {};
      for (const f of form.fields) {
        const message = [f.name, ...(f.alsoFills ?? [])].map((name) => api.forField(name)).find(Boolean);
        if (message) byField[f.name] = message;
      }
      setFieldErrors(byField);
      setGeneral(Object.keys(byField).length === 0 || api.errors.length > Object.keys(byField).length ? refusalText(api) : null);
    } finally {
      setBusy(false);
    }
  };

  const set = (name: string, value: string) => {
    setValues((v) => ({ ...v, [name]: value }));
    if (fieldErrors[name]) setFieldErrors((e) => ({ ...e, [name]: '' }));
  };

  return (
    <dialog ref={dialog} className="event-dialog" aria-labelledby="event-dialog-title" onCancel={(e) => { e.preventDefault(); onClose(); }}>
      <form onSubmit={submit}>
        <h2 id="event-dialog-title">{form.title}</h2>
        {form.fields.map((f, i) => {
          const common = { label: f.label, error: fieldErrors[f.name] || undefined, hint: f.hint, name: f.name, required: f.required, autoFocus: i === 0 };
          if (f.type === 'select') {
            return (
              <SelectField key={f.name} {...common} value={values[f.name]} onChange={(e) => set(f.name, e.target.value)}>
                {f.options?.map(([value, label]) => <option key={value} value={value}>{label}</option>)}
              </SelectField>
            );
          }
          if (f.type === 'textarea') return <TextArea key={f.name} {...common} rows={3} value={values[f.name]} onChange={(e) => set(f.name, e.target.value)} />;
          return <TextField key={f.name} {...common} value={values[f.name]} onChange={(e) => set(f.name, e.target.value)} />;
        })}
        <FormError error={general} />
        <div className="row">
          <Button type="submit" variant="primary" disabled={busy}>{form.submit}</Button>
          <Button onClick={onClose}>Cancel</Button>
        </div>
      </form>
    </dialog>
  );
}
