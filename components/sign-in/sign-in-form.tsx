'use client';
// The sign-in form: root user, IAM user, or access keys; asks for the MFA code when the service requires it.
import { signIn } from 'next-auth/react';
import { useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { cn } from '@/components/ui/cn';
import { signInErrorMessage } from './messages';

export type SignInMode = 'root' | 'user' | 'access-keys';

const MODES: Array<{ id: SignInMode; label: string }> = [
  { id: 'root', label: 'Root user' },
  { id: 'user', label: 'IAM user' },
  { id: 'access-keys', label: 'Access keys' },
];

export interface SignInFormProps {
  initialMode: SignInMode;
  initialAccount?: string;
  passwordSignInAvailable: boolean;
}

export function SignInForm({ initialMode, initialAccount, passwordSignInAvailable }: SignInFormProps) {
  const [mode, setMode] = useState<SignInMode>(passwordSignInAvailable ? initialMode : 'access-keys');
  const [error, setError] = useState<string>();
  const [mfaNeeded, setMfaNeeded] = useState(false);
  const [pending, setPending] = useState(false);

  const selectMode = (next: SignInMode) => {
    setMode(next);
    setError(undefined);
    setMfaNeeded(false);
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const fields: Record<string, string> = { type: mode };
    for (const [key, value] of form.entries()) if (typeof value === 'string') fields[key] = value;
    setPending(true);
    setError(undefined);
    try {
      const result = await signIn('gatehouse', { ...fields, redirect: false });
      if (result?.ok && !result.error) {
        window.location.assign('/');
        return;
      }
      const code = result?.error ?? 'ServiceUnavailable';
      if (code === 'MfaRequired') setMfaNeeded(true);
      setError(signInErrorMessage(code));
    } catch {
      setError(signInErrorMessage('ServiceUnavailable'));
    }
    setPending(false);
  };

  return (
    <div className="space-y-5">
      <fieldset>
        <legend className="mb-2 text-sm font-medium">Sign in as</legend>
        <div className="grid grid-cols-3 gap-1 rounded-lg bg-slate-200 p-1 dark:bg-slate-800">
          {MODES.map((m) => {
            const disabled = m.id !== 'access-keys' && !passwordSignInAvailable;
            return (
              <label
                key={m.id}
                className={cn(
                  'cursor-pointer rounded-md px-2 py-1.5 text-center text-sm has-[:focus-visible]:outline has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-blue-600',
                  mode === m.id ? 'bg-white font-semibold shadow-sm dark:bg-slate-950' : 'text-slate-700 dark:text-slate-300',
                  disabled && 'cursor-not-allowed opacity-50',
                )}
              >
                <input
                  type="radio"
                  name="sign-in-mode"
                  value={m.id}
                  className="sr-only"
                  checked={mode === m.id}
                  disabled={disabled}
                  onChange={() => selectMode(m.id)}
                />
                {m.label}
              </label>
            );
          })}
        </div>
      </fieldset>

      <form key={mode} onSubmit={submit} className="space-y-4" noValidate={false}>
        {mode === 'root' && (
          <>
            <Input label="Root user e-mail address" name="email" type="email" autoComplete="username" required autoFocus />
            <Input label="Password" name="password" type="password" autoComplete="current-password" required />
          </>
        )}
        {mode === 'user' && (
          <>
            <Input
              label="Account ID (12 digits) or account alias"
              name="account"
              autoComplete="organization"
              defaultValue={initialAccount}
              required
              autoFocus={!initialAccount}
            />
            <Input label="IAM user name" name="userName" autoComplete="username" required autoFocus={Boolean(initialAccount)} />
            <Input label="Password" name="password" type="password" autoComplete="current-password" required />
          </>
        )}
        {mode === 'access-keys' && (
          <>
            <Input label="Access key ID" name="accessKeyId" autoComplete="off" spellCheck={false} required autoFocus />
            <Input label="Secret access key" name="secretAccessKey" type="password" autoComplete="off" required />
            <Input
              label="Session token (optional)"
              name="sessionToken"
              type="password"
              autoComplete="off"
              hint="Only for temporary credentials (access key IDs starting with ASIA)."
            />
          </>
        )}
        {mode !== 'access-keys' && mfaNeeded && (
          <Input
            label="MFA code"
            name="mfaCode"
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9]{6}"
            maxLength={6}
            hint="The 6-digit code from your authenticator app."
            required
            autoFocus
          />
        )}
        {error && <Alert tone={mfaNeeded && error.startsWith('Enter the code') ? 'info' : 'error'}>{error}</Alert>}
        <Button type="submit" className="w-full" pending={pending}>
          Sign in
        </Button>
      </form>
    </div>
  );
}
