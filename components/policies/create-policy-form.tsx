'use client';
// Create a customer managed policy: name, path, description and the document in the policy editor.
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { PolicyEditor, hasErrors } from '@/components/policy-editor';
import { Button } from '@/components/ui/button';
import { ErrorState } from '@/components/ui/error-state';
import { Input, Textarea } from '@/components/ui/input';
import { actionErrorOf, useActionMutation } from '@/components/ui/query';
import { createPolicy } from '@/lib/console/actions/policies/create-policy';
import type { Finding } from '@/lib/policy';
import { STARTER_POLICY, policyHref } from './format';

export function CreatePolicyForm() {
  const router = useRouter();
  const [policyName, setPolicyName] = useState('');
  const [path, setPath] = useState('/');
  const [description, setDescription] = useState('');
  const [document, setDocument] = useState(STARTER_POLICY);
  const [findings, setFindings] = useState<Finding[]>([]);
  const create = useActionMutation(createPolicy, {
    invalidates: [['policies']],
    onSuccess: (data) => router.push(policyHref(data.arn)),
  });
  const error = actionErrorOf(create.error);
  const blocked = hasErrors(findings);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ policyName, path, description, document });
  };

  return (
    <form onSubmit={submit} className="max-w-4xl space-y-4">
      <div className="grid gap-4 sm:grid-cols-2">
        <Input
          label="Policy name"
          name="policyName"
          required
          value={policyName}
          onChange={(e) => setPolicyName(e.target.value)}
          error={error?.field === 'policyName' ? error.message : undefined}
          hint="Letters, digits and +=,.@-_ (up to 128)."
        />
        <Input
          label="Path"
          name="path"
          value={path}
          onChange={(e) => setPath(e.target.value)}
          error={error?.field === 'path' ? error.message : undefined}
          hint="Begins and ends with /, e.g. /engineering/."
        />
      </div>
      <Textarea
        label="Description"
        name="description"
        rows={2}
        value={description}
        onChange={(e) => setDescription(e.target.value)}
        hint="Cannot be changed later."
      />
      <div className="space-y-1">
        <p className="text-sm font-medium">Policy document</p>
        <PolicyEditor
          value={document}
          onChange={setDocument}
          policyType="identity"
          onFindings={setFindings}
          label="Policy document (JSON)"
        />
      </div>
      {error && error.field !== 'policyName' && error.field !== 'path' && <ErrorState error={error} title="The policy was not created" />}
      <div className="flex items-center gap-3">
        <Button type="submit" pending={create.isPending} disabled={blocked}>
          Create policy
        </Button>
        {blocked && <span className="text-sm text-red-700 dark:text-red-400">Fix the errors in the document first.</span>}
      </div>
    </form>
  );
}
