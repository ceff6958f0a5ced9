/** The keyboard-first entry bar: slash commands with completion and help; API refusals shown beside the field. */
import { forwardRef, useImperativeHandle, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { argumentOptions, completions, parseEntry, type Draft, type EntryContext, type Room } from '../../../../../src/domains/incidents/entry/commands.js';
import { refusalText } from '../../../ui/refusal';

export interface EntryBarHandle {
  prefill(text: string): void;
}

interface Props {
  me: EntryContext['me'];
  /** The room's open items, for "/confirmed" without a number and for Tab. */
  room?: Room;
  onSubmit(draft: Draft): Promise<void>;
}

export const EntryBar = forwardRef<EntryBarHandle, Props>(function EntryBar({ me, room, onSubmit }, ref) {
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  useImperativeHandle(ref, () => ({
    prefill(text) {
      setValue(text);
      setError(null);
      input.current?.focus();
    },
  }));
  const commands = completions(value);
  const options: Array<{ value: string; key: string; code: string; help: string; example?: string }> =
    commands.length > 0
      ? commands.map((c) => ({ value: `/${c.name} `, key: c.name, code: `/${c.name}`, help: c.help, example: c.usage }))
      : argumentOptions(value, room).map((o) => ({ value: o.value, key: o.value, code: '', help: o.label }));

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    const parsed = parseEntry(value, { now: new Date(), me, ...(room ? { room } : {}) });
    if (!parsed.ok) {
      setError(parsed.error);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await onSubmit(parsed.draft);
      setValue('');
    } catch (err) {
      setError(refusalText(err));
    } finally {
      setBusy(false);
      input.current?.focus();
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (options.length === 0) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((a) => (a + (event.key === 'ArrowDown' ? 1 : options.length - 1)) % options.length);
    } else if (event.key === 'Tab' && !event.shiftKey) {
      event.preventDefault();
      setValue(options[Math.min(active, options.length - 1)]!.value);
      setActive(0);
    }
  };

  return (
    <form className="entry-bar" onSubmit={submit} aria-label="Add to the timeline">
      <label htmlFor="entry" className="visually-hidden">Add to the timeline (type / for commands)</label>
      <div className="entry-row">
        <input
          id="entry"
          ref={input}
          value={value}
          autoComplete="off"
          spellCheck={false}
          placeholder="/obs, /hyp, /dec, /mit, /update, /unsafe, /impact …  (type / for help)"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'entry-error' : 'entry-help'}
          aria-expanded={options.length > 0}
          aria-controls="entry-options"
          role="combobox"
          onChange={(e) => {
            setValue(e.target.value);
            setActive(0);
            if (error) setError(null);
          }}
          onKeyDown={onKeyDown}
          // Read-only rather than disabled while sending: a disabled field loses the keyboard focus.
          readOnly={busy}
          aria-busy={busy}
        />
        <button type="submit" className="btn btn-primary" disabled={busy}>Add</button>
      </div>
      {options.length > 0 && (
        <ul id="entry-options" className="completions" role="listbox" aria-label={commands.length > 0 ? 'Commands' : 'Choices'}>
          {options.map((o, i) => (
            <li key={o.key} role="option" aria-selected={i === active} className={i === active ? 'active' : ''} onMouseDown={(e) => { e.preventDefault(); setValue(o.value); input.current?.focus(); }}>
              {o.code && <code>{o.code}</code>} <span>{o.help}</span> {o.example && <span className="muted">e.g. {o.example}</span>}
            </li>
          ))}
        </ul>
      )}
      {error ? <div id="entry-error" className="field-error" role="alert">{error}</div> : <div id="entry-help" className="visually-hidden">Tab completes a command; Enter adds the entry.</div>}
    </form>
  );
});
