import { useState, type FormEvent } from 'react';
import { api, ApiError, unwrap } from '../../api/client';
import { Button, FormError, TextField } from '../../ui/components';
import { refusalText } from '../../ui/refusal';

/** Changing one's own password: the API asks for the current one and ends the user's other sessions. */
export function PasswordForm({ userId }: { userId: string }) {
  const [currentPassword, setCurrentPassword] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [changed, setChanged] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setChanged(false);
    try {
      await unwrap(api.PATCH('/api/v1/users/{id}', { params: { path: { id: userId } }, body: { currentPassword, password } }));
      setCurrentPassword('');
      setPassword('');
      setChanged(true);
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, String(err)));
    }
  };

  return (
    <form onSubmit={submit} aria-labelledby="password-title">
      <h2 id="password-title">Change password</h2>
      <TextField label="Current password" type="password" autoComplete="current-password" required value={currentPassword} onChange={(e) => setCurrentPassword(e.target.value)} error={error?.forField('currentPassword')} />
      <TextField label="New password (at least 12 characters)" type="password" autoComplete="new-password" minLength={12} required value={password} onChange={(e) => setPassword(e.target.value)} error={error?.forField('password')} />
      <FormError error={error && error.errors.length === 0 ? refusalText(error) : null} />
      <Button type="submit">Change password</Button>
      {changed && <span role="status" className="saved">Password changed; your other sessions were signed out</span>}
    </form>
  );
}
