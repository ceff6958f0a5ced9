import { useState, type FormEvent } from 'react';
import { api, ApiError, unwrap } from '../../api/client';
import { useMe, useSignedIn } from '../../shell/session';
import { Button, FormError, TextField } from '../../ui/components';
import type { ScreenProps } from '../../shell/registry';
import { PasswordForm } from './PasswordForm';
import { refusalText } from '../../ui/refusal';

export default function ProfilePage(_props: ScreenProps) {
  const me = useMe().data!;
  // A new zone applies to every screen at once.
  const signedIn = useSignedIn();
  const [timeZone, setTimeZone] = useState(me.timeZone);
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setSaved(false);
    try {
      const user = await unwrap(api.PATCH('/api/v1/users/{id}', { params: { path: { id: me.id } }, body: { timeZone } }));
      signedIn(user);
      setSaved(true);
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, String(err)));
    }
  };

  return (
    <main id="main" className="page narrow">
      <h1>My profile</h1>
      <dl className="facts">
        <dt>Name</dt><dd>{me.name}</dd>
        <dt>Email</dt><dd>{me.email}</dd>
        <dt>Role</dt><dd>{me.role}</dd>
      </dl>
      <form onSubmit={submit}>
        <TextField label="Time zone (IANA, e.g. Europe/Berlin)" value={timeZone} onChange={(e) => setTimeZone(e.target.value)} error={error?.forField('timeZone')} />
        <FormError error={error && error.errors.length === 0 ? refusalText(error) : null} />
        <Button type="submit" variant="primary">Save</Button>
        {saved && <span role="status" className="saved">Saved</span>}
      </form>
      <PasswordForm userId={me.id} />
    </main>
  );
}
