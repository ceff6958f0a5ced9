import { useState, type FormEvent } from 'react';
import { api, ApiError, unwrap } from '../../api/client';
import { navigate } from '../../shell/router';
import { useSignedIn } from '../../shell/session';
import { Button, FormError, TextField } from '../../ui/components';
import type { ScreenProps } from '../../shell/registry';
import { refusalText } from '../../ui/refusal';

/** First run: the one-time setup token from the console sets the first admin's password. */
export default function SetupPage(_props: ScreenProps) {
  // Signing in also sets the one clock to the profile's zone.
  const signedIn = useSignedIn();
  const [token, setToken] = useState('');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ApiError | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      const session = await unwrap(api.POST('/api/v1/auth/setup', { body: { token: token.trim(), password, ...(name ? { name } : {}) } }));
      signedIn(session.user);
      navigate('/incidents', { replace: true });
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, String(err)));
    }
  };

  return (
    <main id="main" className="auth-page">
      <form className="auth-card" onSubmit={submit} aria-labelledby="setup-title">
        <h1 id="setup-title">First run: set the admin password</h1>
        <p className="hint">Paste the one-time setup token Firebreak printed on its console when it first started.</p>
        <TextField label="Setup token" required value={token} onChange={(e) => setToken(e.target.value)} error={error?.forField('token')} autoComplete="off" />
        <TextField label="Your name (optional)" value={name} onChange={(e) => setName(e.target.value)} error={error?.forField('name')} />
        <TextField label="New password (at least 12 characters)" type="password" autoComplete="new-password" minLength={12} required value={password} onChange={(e) => setPassword(e.target.value)} error={error?.forField('password')} />
        <FormError error={error && error.errors.length === 0 ? refusalText(error) : null} />
        <Button type="submit" variant="primary">Set password and sign in</Button>
      </form>
    </main>
  );
}
