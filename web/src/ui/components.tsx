/** The app's own small components: buttons, fields with their API error, badges, countdowns. */
import { useId, type ButtonHTMLAttributes, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import { formatSpan, useNow } from './time';

export function Button({ variant = 'default', className = '', ...rest }: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: 'default' | 'primary' | 'danger' | 'quiet' }) {
  return <button type="button" className={`btn btn-${variant} ${className}`} {...rest} />;
}

interface FieldProps {
  label: string;
  error?: string | undefined;
  hint?: ReactNode;
}

export function TextField({ label, error, hint, ...input }: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} {...input} />
      {hint && <div className="hint">{hint}</div>}
      {error && <div className="field-error" id={`${id}-error`} role="alert">{error}</div>}
    </div>
  );
}

export function TextArea({ label, error, hint, ...input }: FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea id={id} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} {...input} />
      {hint && <div className="hint">{hint}</div>}
      {error && <div className="field-error" id={`${id}-error`} role="alert">{error}</div>}
    </div>
  );
}

export function SelectField({ label, error, hint, children, ...select }: FieldProps & SelectHTMLAttributes<HTMLSelectElement>) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} aria-invalid={error ? true : undefined} {...select}>
        {children}
      </select>
      {hint && <div className="hint">{hint}</div>}
      {error && <div className="field-error" role="alert">{error}</div>}
    </div>
  );
}

export function FormError({ error }: { error: string | null | undefined }) {
  return error ? <p className="form-error" role="alert">{error}</p> : null;
}

export function SeverityBadge({ severity }: { severity: string }) {
  return <span className={`badge sev sev-${severity.toLowerCase()}`}>{severity}</span>;
}

export function StatusBadge({ status }: { status: string }) {
  return <span className={`badge status status-${status}`}>{status}</span>;
}

/** Time left until `at` (or how long overdue), ticking every second; loud when overdue. */
export function Countdown({ at, label, overdueLabel = 'overdue' }: { at: string | null; label: string; overdueLabel?: string }) {
  const now = useNow();
  if (!at) return <span className="countdown none">none</span>;
  const left = Date.parse(at) - now;
  const overdue = left <= 0;
  return (
    <span className={`countdown ${overdue ? 'overdue' : left < 5 * 60_000 ? 'soon' : ''}`} role="timer" aria-label={`${label}: ${overdue ? `${overdueLabel} by ${formatSpan(left)}` : `in ${formatSpan(left)}`}`}>
      {overdue ? `${overdueLabel} ${formatSpan(left)}` : formatSpan(left)}
    </span>
  );
}

export function Elapsed({ since }: { since: string }) {
  const now = useNow();
  return <span className="elapsed">{formatSpan(now - Date.parse(since))}</span>;
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="empty">{children}</p>;
}
