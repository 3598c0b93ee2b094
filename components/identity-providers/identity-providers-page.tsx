'use client';
// Identity providers: add a SAML provider (name and metadata, pasted or from a file) or an OpenID Connect provider
// (URL, audiences, thumbprints); list them; per provider, replace SAML metadata, manage OIDC audiences and
// thumbprints, or delete it.
import { useState, type FormEvent } from 'react';
import { formatDate } from '@/components/policies/format';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { Input, Textarea } from '@/components/ui/input';
import { actionErrorOf, useActionMutation, useActionQuery } from '@/components/ui/query';
import { LoadingBlock } from '@/components/ui/spinner';
import { TBody, THead, Table, Td, Th, Tr } from '@/components/ui/table';
import { createIdentityProvider } from '@/lib/console/actions/identity-providers/create-identity-provider';
import { listIdentityProviders, type IdentityProviderView } from '@/lib/console/actions/identity-providers/list-identity-providers';
import {
  addClientId,
  deleteIdentityProvider,
  removeClientId,
  updateSamlMetadata,
  updateThumbprints,
} from '@/lib/console/actions/identity-providers/update-identity-provider';

const KEY = ['identity-providers'];

/** A metadata textarea with a file picker that loads the file's text into it. */
function MetadataField({ value, onChange, error }: { value: string; onChange: (text: string) => void; error?: string }) {
  return (
    <div className="space-y-2">
      <Textarea
        label="Metadata document"
        rows={6}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        error={error}
        hint="The XML your identity provider publishes (an EntityDescriptor)."
      />
      <label className="inline-flex items-center gap-2 text-sm">
        <span>Or load a file:</span>
        <input
          type="file"
          accept=".xml,text/xml,application/xml"
          aria-label="Metadata file"
          className="text-sm text-slate-700 file:mr-3 file:h-8 file:cursor-pointer file:rounded-md file:border file:border-solid file:border-slate-300 file:bg-white file:px-3 file:text-sm file:font-medium file:text-slate-900 hover:file:bg-slate-100 dark:text-slate-300 dark:file:border-slate-600 dark:file:bg-slate-900 dark:file:text-slate-100 dark:hover:file:bg-slate-800"
          onChange={async (e) => onChange((await e.target.files?.[0]?.text()) ?? value)}
        />
      </label>
    </div>
  );
}

function AddProviderForm() {
  const [type, setType] = useState<'SAML' | 'OIDC'>('SAML');
  const [name, setName] = useState('');
  const [metadata, setMetadata] = useState('');
  const [url, setUrl] = useState('https://');
  const [clientIds, setClientIds] = useState('');
  const [thumbprints, setThumbprints] = useState('');
  const create = useActionMutation(createIdentityProvider, {
    invalidates: [KEY],
    onSuccess: () => {
      setName('');
      setMetadata('');
      setUrl('https://');
      setClientIds('');
      setThumbprints('');
    },
  });
  const error = actionErrorOf(create.error);
  const fieldError = (field: string) => (error?.field === field ? error.message : undefined);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(type === 'SAML' ? { type, name, metadata } : { type, url, clientIds, thumbprints });
  };
  return (
    <form onSubmit={submit} aria-label="Add provider" className="space-y-3 rounded-lg border border-slate-200 p-4 dark:border-slate-800">
      <h2 className="font-semibold">Add provider</h2>
      <fieldset className="flex gap-4 text-sm">
        <legend className="sr-only">Provider type</legend>
        {(['SAML', 'OIDC'] as const).map((t) => (
          <label key={t} className="inline-flex items-center gap-1.5">
            <input type="radio" name="provider-type" checked={type === t} onChange={() => setType(t)} />
            {t === 'SAML' ? 'SAML' : 'OpenID Connect'}
          </label>
        ))}
      </fieldset>
      {type === 'SAML' ? (
        <>
          <Input
            label="Provider name"
            required
            value={name}
            onChange={(e) => setName(e.target.value)}
            error={fieldError('name')}
            className="w-72"
          />
          <MetadataField value={metadata} onChange={setMetadata} error={fieldError('metadata')} />
        </>
      ) : (
        <>
          <Input
            label="Provider URL"
            required
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            error={fieldError('url')}
            hint="e.g. https://token.actions.githubusercontent.com"
          />
          <Input
            label="Audiences"
            value={clientIds}
            onChange={(e) => setClientIds(e.target.value)}
            error={fieldError('clientIds')}
            hint="Client IDs, separated by commas."
          />
          <Input
            label="Thumbprints"
            value={thumbprints}
            onChange={(e) => setThumbprints(e.target.value)}
            error={fieldError('thumbprints')}
            hint="SHA-1 of the provider's signing certificate (40 hex digits), separated by commas. Gatehouse verifies tokens only against pinned certificates."
          />
        </>
      )}
      {error && !['name', 'metadata', 'url', 'clientIds', 'thumbprints'].includes(error.field ?? '') && <ErrorState error={error} />}
      <Button type="submit" pending={create.isPending}>
        Add provider
      </Button>
    </form>
  );
}

function SamlDetails({ provider }: { provider: IdentityProviderView }) {
  const [metadata, setMetadata] = useState('');
  const update = useActionMutation(updateSamlMetadata, { invalidates: [KEY], onSuccess: () => setMetadata('') });
  const error = actionErrorOf(update.error);
  return (
    <form
      className="space-y-2"
      aria-label={`Replace metadata of ${provider.name}`}
      onSubmit={(e) => {
        e.preventDefault();
        update.mutate({ arn: provider.arn, metadata });
      }}
    >
      <p className="text-sm">Metadata valid until {provider.validUntil ? formatDate(provider.validUntil) : '—'}.</p>
      <MetadataField value={metadata} onChange={setMetadata} error={error?.field === 'metadata' ? error.message : undefined} />
      {error && error.field !== 'metadata' && <ErrorState error={error} />}
      {update.isSuccess && <p className="text-sm text-green-800 dark:text-green-300">Metadata replaced.</p>}
      <Button type="submit" variant="secondary" pending={update.isPending}>
        Replace metadata
      </Button>
    </form>
  );
}

function OidcDetails({ provider }: { provider: IdentityProviderView }) {
  const [clientId, setClientId] = useState('');
  const [thumbprints, setThumbprints] = useState(provider.thumbprints.join(', '));
  const add = useActionMutation(addClientId, { invalidates: [KEY], onSuccess: () => setClientId('') });
  const remove = useActionMutation(removeClientId, { invalidates: [KEY] });
  const pin = useActionMutation(updateThumbprints, { invalidates: [KEY] });
  const error = actionErrorOf(add.error ?? remove.error ?? pin.error);
  return (
    <div className="space-y-4">
      <section aria-label={`Audiences of ${provider.name}`} className="space-y-2">
        <h3 className="text-sm font-semibold">Audiences</h3>
        <ul className="space-y-1">
          {provider.clientIds.map((id) => (
            <li key={id} className="flex items-center gap-2 text-sm">
              <span className="font-mono">{id}</span>
              <Button
                size="sm"
                variant="ghost"
                aria-label={`Remove audience ${id}`}
                pending={remove.isPending && remove.variables?.clientId === id}
                onClick={() => remove.mutate({ arn: provider.arn, clientId: id })}
              >
                Remove
              </Button>
            </li>
          ))}
        </ul>
        <form
          className="flex items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            add.mutate({ arn: provider.arn, clientId });
          }}
        >
          <Input label="New audience" value={clientId} onChange={(e) => setClientId(e.target.value)} className="w-72" />
          <Button type="submit" variant="secondary" pending={add.isPending}>
            Add audience
          </Button>
        </form>
      </section>
      <form
        className="flex items-end gap-2"
        aria-label={`Thumbprints of ${provider.name}`}
        onSubmit={(e) => {
          e.preventDefault();
          pin.mutate({ arn: provider.arn, thumbprints });
        }}
      >
        <Input
          label="Thumbprints"
          value={thumbprints}
          onChange={(e) => setThumbprints(e.target.value)}
          className="w-[32rem] max-w-full"
          hint="40 hex digits each, separated by commas."
        />
        <Button type="submit" variant="secondary" pending={pin.isPending}>
          Save thumbprints
        </Button>
      </form>
      {error && <ErrorState error={error} />}
    </div>
  );
}

function DeleteProviderButton({ provider }: { provider: IdentityProviderView }) {
  const [open, setOpen] = useState(false);
  const remove = useActionMutation(deleteIdentityProvider, { invalidates: [KEY], onSuccess: () => setOpen(false) });
  const error = actionErrorOf(remove.error);
  return (
    <>
      <Button size="sm" variant="danger" onClick={() => setOpen(true)} aria-label={`Delete ${provider.name}`}>
        Delete
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title={`Delete ${provider.name}?`}
        description="Roles that trust this provider keep their trust policies, but nobody can assume them through it any more."
        footer={
          <>
            <Button variant="secondary" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button variant="danger" pending={remove.isPending} onClick={() => remove.mutate({ arn: provider.arn, type: provider.type })}>
              Delete provider
            </Button>
          </>
        }
      >
        {error && <ErrorState error={error} />}
      </Dialog>
    </>
  );
}

export function IdentityProvidersPage() {
  const list = useActionQuery(KEY, listIdentityProviders, {});
  const [selected, setSelected] = useState<string | undefined>();
  const current = list.data?.find((p) => p.arn === selected);
  return (
    <div className="space-y-6">
      <AddProviderForm />
      {list.isPending ? (
        <LoadingBlock label="Reading identity providers…" />
      ) : list.isError ? (
        <ErrorState error={actionErrorOf(list.error)!} />
      ) : list.data.length === 0 ? (
        <EmptyState title="No identity provider yet." />
      ) : (
        <Table caption="Identity providers">
          <THead>
            <tr>
              <Th>Provider</Th>
              <Th>Type</Th>
              <Th>Created</Th>
              <Th>
                <span className="sr-only">Actions</span>
              </Th>
            </tr>
          </THead>
          <TBody>
            {list.data.map((p) => (
              <Tr key={p.arn}>
                <Td>
                  <button
                    type="button"
                    className="font-medium text-blue-800 underline-offset-2 hover:underline dark:text-sky-300"
                    aria-expanded={selected === p.arn}
                    onClick={() => setSelected(selected === p.arn ? undefined : p.arn)}
                  >
                    {p.name}
                  </button>
                  <div className="break-all font-mono text-xs text-slate-500 dark:text-slate-400">{p.arn}</div>
                </Td>
                <Td>
                  <Badge tone="info">{p.type === 'SAML' ? 'SAML' : 'OpenID Connect'}</Badge>
                </Td>
                <Td className="text-xs">{p.createDate ? formatDate(p.createDate) : '—'}</Td>
                <Td>
                  <DeleteProviderButton provider={p} />
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
      {current && (
        <section aria-label={`Provider ${current.name}`} className="space-y-3 rounded-lg border border-slate-200 p-4 dark:border-slate-800">
          <h2 className="font-semibold">{current.name}</h2>
          {current.type === 'SAML' ? (
            <SamlDetails key={current.arn} provider={current} />
          ) : (
            <OidcDetails key={current.arn} provider={current} />
          )}
        </section>
      )}
    </div>
  );
}
