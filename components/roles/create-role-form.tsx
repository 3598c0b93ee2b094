'use client';
// Create a role: trust policy in the policy editor (with who can assume it, live; starters for a service, an
// account, or the account's SAML / OpenID Connect providers), name, path, description, maximum session duration,
// permissions boundary, tags.
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { PolicyEditor, hasErrors } from '@/components/policy-editor';
import { Button } from '@/components/ui/button';
import { CreateFooter, NameAndPathFields, nameAndPathProblems } from '@/components/ui/create-form';
import { Input, Textarea } from '@/components/ui/input';
import { TagsEditor, tagsInvalid, tagsOf, type TagDraft } from '@/components/users/tags-editor';
import { actionErrorOf, useActionMutation, useActionQuery } from '@/components/ui/query';
import { listIdentityProviders } from '@/lib/console/actions/identity-providers/list-identity-providers';
import { createRole } from '@/lib/console/actions/roles/create-role';
import type { Finding } from '@/lib/policy';
import { accountTrustPolicy, samlTrustPolicy, serviceTrustPolicy, webIdentityTrustPolicy } from './trust-templates';
import { TrustedPrincipals } from './trusted-principals';

export function CreateRoleForm({ accountId }: { accountId: string }) {
  const router = useRouter();
  const [roleName, setRoleName] = useState('');
  const [path, setPath] = useState('/');
  const [description, setDescription] = useState('');
  const [maxHours, setMaxHours] = useState('1');
  const [boundary, setBoundary] = useState('');
  const [tags, setTags] = useState<TagDraft[]>([]);
  const [checked, setChecked] = useState(false);
  const [trustPolicy, setTrustPolicy] = useState(serviceTrustPolicy('ec2.amazonaws.com'));
  const [findings, setFindings] = useState<Finding[]>([]);
  // Federation starters name the account's first registered provider of each kind (a placeholder when none).
  const providers = useActionQuery(['identity-providers'], listIdentityProviders, {});
  const samlProvider = providers.data?.find((p) => p.type === 'SAML');
  const oidcProvider = providers.data?.find((p) => p.type === 'OIDC');
  const create = useActionMutation(createRole, {
    invalidates: [['roles']],
    onSuccess: (data) => router.push(`/roles/${encodeURIComponent(data.roleName)}?tab=trust`),
  });
  const error = actionErrorOf(create.error);
  const fieldError = (field: string) => (error?.field === field ? error.message : undefined);
  const known = ['roleName', 'path', 'description', 'maxSessionDuration', 'permissionsBoundary', 'tags'];

  const problems = checked ? nameAndPathProblems('role', roleName, path) : {};

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    const found = nameAndPathProblems('role', roleName, path);
    if (found.name || found.path || tagsInvalid(tags)) return;
    create.mutate({
      roleName: roleName.trim(),
      path: path.trim() || '/',
      description,
      trustPolicy,
      maxSessionDuration: Math.round(Number(maxHours) * 3600),
      permissionsBoundary: boundary,
      tags: tagsOf(tags),
    });
  };

  return (
    <form
      onSubmit={submit}
      noValidate
      className="space-y-5 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
    >
      <NameAndPathFields
        kind="role"
        name={roleName}
        onName={setRoleName}
        path={path}
        onPath={setPath}
        problems={problems}
        serviceError={error}
        nameField="roleName"
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <Input
          label="Maximum session duration (hours)"
          type="number"
          min={1}
          max={12}
          step={0.25}
          value={maxHours}
          onChange={(e) => setMaxHours(e.target.value)}
          error={fieldError('maxSessionDuration')}
          hint="1 to 12 hours."
        />
        <Input
          label="Permissions boundary (policy ARN, optional)"
          value={boundary}
          onChange={(e) => setBoundary(e.target.value)}
          error={fieldError('permissionsBoundary')}
        />
      </div>
      <Textarea
        label="Description"
        rows={2}
        value={description}
        onChange={(e) => setDescription(e.target.value)}
        error={fieldError('description')}
      />
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">Tags</legend>
        <TagsEditor tags={tags} onChange={setTags} />
        {fieldError('tags') && <p className="text-sm text-red-700 dark:text-red-400">{fieldError('tags')}</p>}
      </fieldset>
      <div className="space-y-2">
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <span className="font-medium">Trust policy</span>
          <span className="text-slate-600 dark:text-slate-300">Start from:</span>
          <Button size="sm" variant="secondary" onClick={() => setTrustPolicy(serviceTrustPolicy('ec2.amazonaws.com'))}>
            An AWS service (EC2)
          </Button>
          <Button size="sm" variant="secondary" onClick={() => setTrustPolicy(serviceTrustPolicy('lambda.amazonaws.com'))}>
            Lambda
          </Button>
          <Button size="sm" variant="secondary" onClick={() => setTrustPolicy(accountTrustPolicy(accountId))}>
            This account
          </Button>
          <Button size="sm" variant="secondary" onClick={() => setTrustPolicy(accountTrustPolicy('111122223333', 'choose-an-external-id'))}>
            Another account (with external ID)
          </Button>
          <Button
            size="sm"
            variant="secondary"
            onClick={() => setTrustPolicy(samlTrustPolicy(samlProvider?.arn ?? `arn:aws:iam::${accountId}:saml-provider/ExampleProvider`))}
          >
            SAML 2.0 federation{samlProvider ? ` (${samlProvider.name})` : ''}
          </Button>
          <Button
            size="sm"
            variant="secondary"
            onClick={() =>
              setTrustPolicy(
                webIdentityTrustPolicy(
                  oidcProvider?.arn ?? `arn:aws:iam::${accountId}:oidc-provider/token.example.com`,
                  oidcProvider?.clientIds[0] ?? 'your-client-id',
                ),
              )
            }
          >
            Web identity{oidcProvider ? ` (${oidcProvider.name})` : ''}
          </Button>
        </div>
        <div className="grid gap-4 lg:grid-cols-[3fr_2fr]">
          <PolicyEditor
            value={trustPolicy}
            onChange={setTrustPolicy}
            policyType="trust"
            onFindings={setFindings}
            label="Trust policy (JSON)"
          />
          <TrustedPrincipals trustPolicy={trustPolicy} />
        </div>
      </div>
      <CreateFooter
        kind="role"
        pending={create.isPending}
        serviceError={error}
        fieldsShown={known}
        disabled={hasErrors(findings)}
        extra={
          hasErrors(findings) && <span className="text-sm text-red-700 dark:text-red-400">Fix the errors in the trust policy first.</span>
        }
      />
    </form>
  );
}
