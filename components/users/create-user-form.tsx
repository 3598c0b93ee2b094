'use client';
// Create user (its own page, like groups and roles): name, path, tags, console access (generated or typed
// password, reset required) and an access key. Name, path and tags are checked in the browser first; each step
// is its own IAM call, and a refusal is shown once, at the step that failed. New secrets are shown once.
import { useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { buttonClass } from '@/components/ui/button';
import { CreateFooter, NameAndPathFields, nameAndPathProblems } from '@/components/ui/create-form';
import { Input } from '@/components/ui/input';
import { createAccessKey } from '@/lib/console/actions/users/create-access-key';
import { createLoginProfile } from '@/lib/console/actions/users/create-login-profile';
import { createUser } from '@/lib/console/actions/users/create-user';
import type { ActionError } from '@/lib/console/result';
import { generatePassword, userCredentialsCsv, downloadText } from './credentials-csv';
import { CredentialValue, SecretOnce } from './secret-once';
import { TagsEditor, tagsInvalid, tagsOf, type TagDraft } from './tags-editor';
import { userKeys } from './use-users';

interface Created {
  userName: string;
  password?: string;
  passwordResetRequired?: boolean;
  accessKeyId?: string;
  secretAccessKey?: string;
  /** Every requested step succeeded. */
  done?: boolean;
}

export function CreateUserForm({ initialPath, signInUrl }: { initialPath: string; signInUrl: string }) {
  const client = useQueryClient();
  const [userName, setUserName] = useState('');
  const [path, setPath] = useState(initialPath);
  const [tags, setTags] = useState<TagDraft[]>([]);
  const [consoleAccess, setConsoleAccess] = useState(false);
  const [passwordMode, setPasswordMode] = useState<'generated' | 'custom'>('generated');
  const [customPassword, setCustomPassword] = useState('');
  const [resetRequired, setResetRequired] = useState(true);
  const [withAccessKey, setWithAccessKey] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ActionError & { stage?: string }>();
  const [created, setCreated] = useState<Created>();
  const [checked, setChecked] = useState(false);
  const problems = checked ? nameAndPathProblems('user', userName, path) : {};

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    const found = nameAndPathProblems('user', userName, path);
    if (!created && (found.name || found.path || tagsInvalid(tags))) return;
    setPending(true);
    setError(undefined);
    const name = userName.trim();
    let result: Created | undefined = created?.userName === name ? created : undefined;
    try {
      if (!result) {
        const user = await createUser({ userName: name, path: path.trim() || '/', tags: tagsOf(tags) });
        if (!user.ok) return setError(user.error);
        result = { userName: user.data.userName };
        setCreated(result);
        await client.invalidateQueries({ queryKey: userKeys.lists });
      }
      if (consoleAccess && !result.password) {
        const password = passwordMode === 'generated' ? generatePassword(20) : customPassword;
        const profile = await createLoginProfile({ userName: name, password, passwordResetRequired: resetRequired });
        if (!profile.ok) return setError({ ...profile.error, stage: `User ${name} was created, but its console password was refused` });
        result = { ...result, password, passwordResetRequired: resetRequired };
        setCreated(result);
      }
      if (withAccessKey && !result.accessKeyId) {
        const key = await createAccessKey({ userName: name });
        if (!key.ok) return setError({ ...key.error, stage: `User ${name} was created, but its access key was refused` });
        result = { ...result, accessKeyId: key.data.accessKeyId, secretAccessKey: key.data.secretAccessKey };
        setCreated(result);
      }
      setCreated({ ...result, done: true });
    } finally {
      setPending(false);
    }
  };

  const done = created?.done;
  const fieldError = (field: string) => (error && !error.stage && error.field === field ? error.message : undefined);

  return done ? (
    <div className="space-y-4">
      <h2 className="text-lg font-semibold">User {created!.userName} created</h2>
      {created!.password || created!.accessKeyId ? (
        <SecretOnce
          downloadLabel="Download .csv file"
          onDownload={() =>
            downloadText(
              `${created!.userName}_credentials.csv`,
              userCredentialsCsv({
                userName: created!.userName,
                password: created!.password,
                accessKeyId: created!.accessKeyId,
                secretAccessKey: created!.secretAccessKey,
                signInUrl,
              }),
            )
          }
        >
          <CredentialValue label="Console sign-in URL" value={signInUrl} />
          <CredentialValue label="User name" value={created!.userName} />
          {created!.password && <CredentialValue label="Console password" value={created!.password} secret testId="new-password" />}
          {created!.password && created!.passwordResetRequired && (
            <p className="text-sm">The user must choose a new password at first sign-in.</p>
          )}
          {created!.accessKeyId && <CredentialValue label="Access key ID" value={created!.accessKeyId} testId="new-access-key-id" />}
          {created!.secretAccessKey && (
            <CredentialValue label="Secret access key" value={created!.secretAccessKey} secret testId="new-secret-access-key" />
          )}
        </SecretOnce>
      ) : (
        <Alert tone="success">The user has no console password and no access key yet; add them on its Security credentials tab.</Alert>
      )}
      <div className="flex flex-wrap gap-3">
        <Link className={buttonClass('primary')} href={`/users/${encodeURIComponent(created!.userName)}`}>
          Open {created!.userName}
        </Link>
        <Link className={buttonClass('secondary')} href="/users">
          Back to users
        </Link>
      </div>
    </div>
  ) : (
    <form
      id="create-user-form"
      onSubmit={submit}
      noValidate
      className="max-w-3xl space-y-5 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
    >
      <NameAndPathFields
        kind="user"
        name={userName}
        onName={setUserName}
        path={path}
        onPath={setPath}
        problems={problems}
        serviceError={error && !error.stage ? error : undefined}
        nameField="userName"
        disabled={!!created}
      />
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">Tags</legend>
        <TagsEditor tags={tags} onChange={setTags} disabled={!!created} />
      </fieldset>
      <fieldset className="space-y-2 rounded border border-slate-200 p-3 dark:border-slate-700">
        <legend className="px-1 text-sm font-medium">Console access</legend>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={consoleAccess} onChange={(e) => setConsoleAccess(e.target.checked)} />
          Give the user a console password
        </label>
        {consoleAccess && (
          <div className="space-y-2 pl-6">
            <label className="flex items-center gap-2 text-sm">
              <input
                type="radio"
                name="password-mode"
                checked={passwordMode === 'generated'}
                onChange={() => setPasswordMode('generated')}
              />
              Generated password
            </label>
            <label className="flex items-center gap-2 text-sm">
              <input type="radio" name="password-mode" checked={passwordMode === 'custom'} onChange={() => setPasswordMode('custom')} />
              Custom password
            </label>
            {passwordMode === 'custom' && (
              <Input
                label="Console password"
                type="password"
                autoComplete="new-password"
                value={customPassword}
                onChange={(e) => setCustomPassword(e.target.value)}
                error={fieldError('password')}
              />
            )}
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" checked={resetRequired} onChange={(e) => setResetRequired(e.target.checked)} />
              User must create a new password at next sign-in
            </label>
          </div>
        )}
      </fieldset>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={withAccessKey} onChange={(e) => setWithAccessKey(e.target.checked)} />
        Create an access key (programmatic access)
      </label>
      <CreateFooter
        kind="user"
        pending={pending}
        submitLabel={created ? 'Retry the remaining steps' : undefined}
        serviceError={error}
        fieldsShown={error?.stage ? [] : ['userName', 'path', ...(passwordMode === 'custom' && consoleAccess ? ['password'] : [])]}
      />
    </form>
  );
}
