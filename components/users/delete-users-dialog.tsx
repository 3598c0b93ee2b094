'use client';
// Deleting users the way AWS requires: read what each user still has (keys, password, MFA, policies, groups,
// certificates, SSH keys, service credentials), name all of it in one confirmation, remove it, then delete.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { ErrorState } from '@/components/ui/error-state';
import { unwrap, actionErrorOf } from '@/components/ui/query';
import { LoadingBlock, ProgressBar } from '@/components/ui/spinner';
import { deleteAccessKey } from '@/lib/console/actions/users/delete-access-key';
import { deleteLoginProfile } from '@/lib/console/actions/users/delete-login-profile';
import { deleteServiceSpecificCredential } from '@/lib/console/actions/users/delete-service-specific-credential';
import { deleteSigningCertificate } from '@/lib/console/actions/users/delete-signing-certificate';
import { deleteSshPublicKey } from '@/lib/console/actions/users/delete-ssh-public-key';
import { deleteUser } from '@/lib/console/actions/users/delete-user';
import { deleteUserPolicy } from '@/lib/console/actions/users/delete-user-policy';
import { deactivateMfaDevice } from '@/lib/console/actions/users/deactivate-mfa-device';
import { deleteVirtualMfaDevice } from '@/lib/console/actions/users/delete-virtual-mfa-device';
import { detachUserPolicy } from '@/lib/console/actions/users/detach-user-policy';
import { listUserDependents, type UserDependents } from '@/lib/console/actions/users/list-user-dependents';
import { removeUserFromGroup } from '@/lib/console/actions/users/remove-user-from-group';
import type { ActionError } from '@/lib/console/result';
import { runSteps, type Step } from './run-steps';
import { userKeys } from './use-users';

/** The calls that remove a user's dependents and then the user, in an order AWS accepts. */
export function deletionSteps(userName: string, d: UserDependents): Step[] {
  const steps: Step[] = [];
  for (const id of d.accessKeyIds)
    steps.push({ label: `Delete access key ${id}`, run: () => deleteAccessKey({ userName, accessKeyId: id }) });
  if (d.loginProfile) steps.push({ label: 'Delete console password', run: () => deleteLoginProfile({ userName }) });
  for (const serial of d.mfaDevices) {
    steps.push({ label: `Deactivate MFA device ${serial}`, run: () => deactivateMfaDevice({ userName, serialNumber: serial }) });
    if (serial.includes(':mfa/'))
      steps.push({ label: `Delete virtual MFA device ${serial}`, run: () => deleteVirtualMfaDevice({ serialNumber: serial }) });
  }
  for (const id of d.signingCertificateIds)
    steps.push({ label: `Delete signing certificate ${id}`, run: () => deleteSigningCertificate({ userName, certificateId: id }) });
  for (const id of d.sshPublicKeyIds)
    steps.push({ label: `Delete SSH public key ${id}`, run: () => deleteSshPublicKey({ userName, sshPublicKeyId: id }) });
  for (const id of d.serviceSpecificCredentialIds)
    steps.push({
      label: `Delete service-specific credential ${id}`,
      run: () => deleteServiceSpecificCredential({ userName, serviceSpecificCredentialId: id }),
    });
  for (const p of d.attachedPolicies)
    steps.push({ label: `Detach policy ${p.name}`, run: () => detachUserPolicy({ userName, policyArn: p.arn }) });
  for (const name of d.inlinePolicies)
    steps.push({ label: `Delete inline policy ${name}`, run: () => deleteUserPolicy({ userName, policyName: name }) });
  for (const group of d.groups)
    steps.push({ label: `Remove from group ${group}`, run: () => removeUserFromGroup({ userName, groupName: group }) });
  steps.push({ label: `Delete user ${userName}`, run: () => deleteUser({ userName }) });
  return steps;
}

/** Human lines naming what will go with a user. */
function describe(d: UserDependents): string[] {
  const lines: string[] = [];
  if (d.accessKeyIds.length) lines.push(`Access keys: ${d.accessKeyIds.join(', ')}`);
  if (d.loginProfile) lines.push('Console password');
  if (d.mfaDevices.length) lines.push(`MFA devices: ${d.mfaDevices.join(', ')}`);
  if (d.attachedPolicies.length)
    lines.push(`Attached policies (detached, not deleted): ${d.attachedPolicies.map((p) => p.name).join(', ')}`);
  if (d.inlinePolicies.length) lines.push(`Inline policies: ${d.inlinePolicies.join(', ')}`);
  if (d.groups.length) lines.push(`Group memberships: ${d.groups.join(', ')}`);
  if (d.signingCertificateIds.length) lines.push(`Signing certificates: ${d.signingCertificateIds.length}`);
  if (d.sshPublicKeyIds.length) lines.push(`SSH public keys: ${d.sshPublicKeyIds.length}`);
  if (d.serviceSpecificCredentialIds.length) lines.push(`Service-specific credentials: ${d.serviceSpecificCredentialIds.length}`);
  return lines;
}

export interface DeleteUsersDialogProps {
  open: boolean;
  userNames: string[];
  onClose: () => void;
  /** Called with the names actually deleted. */
  onDeleted: (deleted: string[]) => void;
}

export function DeleteUsersDialog({ open, userNames, onClose, onDeleted }: DeleteUsersDialogProps) {
  const client = useQueryClient();
  const [dependents, setDependents] = useState<Map<string, UserDependents>>();
  const [loadError, setLoadError] = useState<ActionError>();
  const [progress, setProgress] = useState<{ done: number; total: number; current?: string }>();
  const [failure, setFailure] = useState<ActionError & { step?: string }>();
  const [running, setRunning] = useState(false);
  const [finished, setFinished] = useState<string[]>();

  // Each opening (or new set of users) starts clean: adjusted while rendering, as React's "adjusting some state
  // when a prop changes" does, so no render shows the previous opening's outcome.
  const [opening, setOpening] = useState<{ open: boolean; userNames: string[] }>({ open: false, userNames });
  if (opening.open !== open || opening.userNames !== userNames) {
    setOpening({ open, userNames });
    if (open) {
      setDependents(undefined);
      setLoadError(undefined);
      setFailure(undefined);
      setFinished(undefined);
      setProgress(undefined);
    }
  }

  useEffect(() => {
    if (!open) return;
    let cancelled = false;
    (async () => {
      const map = new Map<string, UserDependents>();
      try {
        // A few at a time: enough to be quick, few enough not to flood the endpoint.
        for (let i = 0; i < userNames.length; i += 8) {
          const batch = userNames.slice(i, i + 8);
          const results = await Promise.all(batch.map((userName) => listUserDependents({ userName })));
          results.forEach((r, j) => map.set(batch[j]!, unwrap(r)));
        }
        if (!cancelled) setDependents(map);
      } catch (error) {
        if (!cancelled) setLoadError(actionErrorOf(error));
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [open, userNames]);

  const confirm = async () => {
    if (!dependents) return;
    setRunning(true);
    setFailure(undefined);
    const deleted: string[] = [];
    const all = userNames.map((name) => ({ name, steps: deletionSteps(name, dependents.get(name)!) }));
    const total = all.reduce((n, u) => n + u.steps.length, 0);
    let base = 0;
    for (const { name, steps } of all) {
      const outcome = await runSteps(steps, (done, _t, current) => setProgress({ done: base + done, total, current }));
      if (outcome.failed) {
        setFailure({ ...outcome.failed.error, step: outcome.failed.step.label });
        break;
      }
      deleted.push(name);
      base += steps.length;
    }
    setProgress((p) => (p ? { ...p, current: undefined } : p));
    setRunning(false);
    setFinished(deleted);
    if (deleted.length) onDeleted(deleted);
    for (const n of deleted) client.removeQueries({ queryKey: userKeys.user(n) });
    await client.invalidateQueries({ queryKey: userKeys.lists });
  };

  const count = userNames.length;
  const title = count === 1 ? `Delete user ${userNames[0]}?` : `Delete ${count} users?`;
  return (
    <Dialog
      open={open}
      onClose={() => !running && onClose()}
      title={title}
      description="IAM deletes a user only once everything attached to it is gone. The console removes these first, then the user. This cannot be undone."
      footer={
        finished ? (
          <Button onClick={onClose}>Close</Button>
        ) : (
          <>
            <Button variant="secondary" onClick={onClose} disabled={running}>
              Cancel
            </Button>
            <Button variant="danger" onClick={confirm} pending={running} disabled={!dependents}>
              {count === 1 ? 'Delete user and its dependents' : `Delete ${count} users and their dependents`}
            </Button>
          </>
        )
      }
    >
      {loadError && <ErrorState error={loadError} title="What the users still have could not be read" />}
      {!dependents && !loadError && <LoadingBlock label="Reading what must be removed first…" />}
      {dependents && (
        <div className="max-h-72 space-y-3 overflow-auto text-sm" data-testid="delete-dependents">
          {userNames.map((name) => {
            const lines = describe(dependents.get(name)!);
            return (
              <div key={name}>
                <p className="font-medium">{name}</p>
                {lines.length ? (
                  <ul className="list-disc pl-5">
                    {lines.map((l) => (
                      <li key={l}>{l}</li>
                    ))}
                  </ul>
                ) : (
                  <p className="text-slate-600 dark:text-slate-300">Nothing else to remove.</p>
                )}
              </div>
            );
          })}
        </div>
      )}
      {progress && (
        <div className="space-y-1">
          <ProgressBar value={(progress.done / Math.max(1, progress.total)) * 100} label="Deleting" />
          <p className="text-xs text-slate-600 dark:text-slate-300" aria-live="polite">
            {progress.current ? `${progress.current}…` : `${progress.done} of ${progress.total} steps done.`}
          </p>
        </div>
      )}
      {failure && <ErrorState error={failure} title={`Stopped at: ${failure.step}`} />}
      {finished && !failure && (
        <Alert tone="success">{finished.length === 1 ? `User ${finished[0]} deleted.` : `${finished.length} users deleted.`}</Alert>
      )}
    </Dialog>
  );
}
