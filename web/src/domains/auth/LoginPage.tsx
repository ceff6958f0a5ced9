import { useState, type FormEvent } from 'react';
import { api, ApiError, unwrap } from '../../api/client';
import { Link, navigate, useLocation } from '../../shell/router';
import { useSignedIn } from '../../shell/session';
import { Button, FormError, TextField } from '../../ui/components';
import type { ScreenProps } from '../../shell/registry';
import { refusalText } from '../../ui/refusal';

export function LoginPage(_props: ScreenProps) {
  // Signing in also sets the one clock to the profile's zone.
  const signedIn = useSignedIn();
  const { pathname } = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const session = await unwrap(api.POST('/api/v1/auth/login', { body: { email, password } }));
      signedIn(session.user);
      if (pathname === '/login') navigate('/incidents', { replace: true });
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, String(err)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main id="main" className="auth-page">
      <form className="auth-card" onSubmit={submit} aria-labelledby="login-title">
        <h1 id="login-title">Sign in to Firebreak</h1>
        <TextField label="Email" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} error={error?.forField('email')} />
        <TextField label="Password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} error={error?.forField('password')} />
        <FormError error={error && error.errors.length === 0 ? refusalText(error) : null} />
        <Button type="submit" variant="primary" disabled={busy}>{busy ? 'Signing in…' : 'Sign in'}</Button>
        <p className="hint">First start? <Link to="/setup">Set the admin password</Link> with the token the console printed.</p>
      </form>
    </main>
  );
}
