'use client';
// A user's MFA devices: assign a virtual device (QR code or Base32 seed, then two consecutive codes),
// deactivate (confirmed; a virtual device is deleted with it).
import { useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { Input } from '@/components/ui/input';
import { actionErrorOf, useActionMutation } from '@/components/ui/query';
import { LoadingBlock } from '@/components/ui/spinner';
import { createVirtualMfaDevice } from '@/lib/console/actions/users/create-virtual-mfa-device';
import { deactivateMfaDevice } from '@/lib/console/actions/users/deactivate-mfa-device';
import { deleteVirtualMfaDevice } from '@/lib/console/actions/users/delete-virtual-mfa-device';
import { enableMfaDevice } from '@/lib/console/actions/users/enable-mfa-device';
import { useMfaDevices, userKeys } from './use-users';

export function MfaSection({ userName }: { userName: string }) {
  const devices = useMfaDevices(userName);
  const invalidates = [userKeys.part(userName, 'mfa')];
  const [assigning, setAssigning] = useState(false);
  const [deviceName, setDeviceName] = useState(userName);
  const [showSeed, setShowSeed] = useState(false);
  const [code1, setCode1] = useState('');
  const [code2, setCode2] = useState('');
  const [confirmDeactivate, setConfirmDeactivate] = useState<string>();
  const create = useActionMutation(createVirtualMfaDevice);
  const enable = useActionMutation(enableMfaDevice, { invalidates, onSuccess: () => setAssigning(false) });
  const abandon = useActionMutation(deleteVirtualMfaDevice);
  const deactivate = useActionMutation(deactivateMfaDevice, { invalidates });
  const removeDevice = useActionMutation(deleteVirtualMfaDevice, { invalidates });
  const [deactivated, setDeactivated] = useState<string>();

  if (devices.isPending) return <LoadingBlock label="Reading MFA devices…" />;
  if (devices.isError) return <ErrorState error={actionErrorOf(devices.error)!} />;

  const start = () => {
    create.reset();
    enable.reset();
    setCode1('');
    setCode2('');
    setShowSeed(false);
    setAssigning(true);
  };
  const cancel = () => {
    // A device created but never enabled would linger, unassigned: delete it.
    if (create.data && !enable.isSuccess) abandon.mutate({ serialNumber: create.data.serialNumber });
    setAssigning(false);
  };
  const submitCodes = (event: FormEvent) => {
    event.preventDefault();
    if (create.data) enable.mutate({ userName, serialNumber: create.data.serialNumber, code1, code2 });
  };
  const enableError = actionErrorOf(enable.error);

  return (
    <div className="space-y-3 text-sm">
      {enable.isSuccess && <Alert tone="success">MFA device {enable.data.serialNumber} assigned.</Alert>}
      {deactivated && <Alert tone="success">MFA device {deactivated} deactivated.</Alert>}
      {devices.data.devices.length === 0 ? (
        <EmptyState title="No MFA device" action={<Button onClick={start}>Assign virtual MFA device</Button>} />
      ) : (
        <>
          <ul className="space-y-2">
            {devices.data.devices.map((d) => (
              <li
                key={d.serialNumber}
                className="flex flex-wrap items-center justify-between gap-2 rounded border border-slate-200 p-2 dark:border-slate-800"
              >
                <span>
                  <span className="break-all font-mono text-xs">{d.serialNumber}</span>
                  <span className="ml-2 text-xs text-slate-600 dark:text-slate-300">
                    {d.virtual ? 'Virtual' : 'Hardware'}, enabled {d.enableDate.slice(0, 10)}
                  </span>
                </span>
                <Button size="sm" variant="danger" onClick={() => (deactivate.reset(), setConfirmDeactivate(d.serialNumber))}>
                  Deactivate
                </Button>
              </li>
            ))}
          </ul>
          <Button variant="secondary" onClick={start}>
            Assign another virtual MFA device
          </Button>
        </>
      )}
      <Dialog open={assigning} onClose={cancel} title="Assign a virtual MFA device">
        {!create.data ? (
          <form
            className="space-y-3"
            onSubmit={(e) => {
              e.preventDefault();
              create.mutate({ deviceName: deviceName.trim() });
            }}
          >
            <Input
              label="Device name"
              value={deviceName}
              onChange={(e) => setDeviceName(e.target.value)}
              hint="Letters, digits and + = , . @ _ -"
              error={actionErrorOf(create.error)?.field === 'deviceName' ? actionErrorOf(create.error)!.message : undefined}
            />
            {create.error && actionErrorOf(create.error)?.field !== 'deviceName' && (
              <ErrorState error={actionErrorOf(create.error)!} title="The MFA device was not created" />
            )}
            <div className="flex justify-end gap-2">
              <Button variant="secondary" onClick={cancel}>
                Cancel
              </Button>
              <Button type="submit" pending={create.isPending}>
                Continue
              </Button>
            </div>
          </form>
        ) : (
          <form className="space-y-3" onSubmit={submitCodes}>
            <p>Scan the QR code with an authenticator app (or type the secret key), then enter two consecutive codes.</p>
            {create.data.qrCodePng && (
              // eslint-disable-next-line @next/next/no-img-element -- a data: URL of the QR code IAM returned, not a remote image
              <img
                src={`data:image/png;base64,${create.data.qrCodePng}`}
                alt="QR code for the virtual MFA device"
                className="h-48 w-48 rounded bg-white p-2"
              />
            )}
            <div>
              <Button size="sm" variant="ghost" onClick={() => setShowSeed((s) => !s)} aria-expanded={showSeed}>
                {showSeed ? 'Hide secret key' : 'Show secret key'}
              </Button>
              {showSeed && (
                <code className="mt-1 block break-all rounded bg-slate-100 p-2 font-mono text-xs dark:bg-slate-800" data-testid="mfa-seed">
                  {create.data.base32Seed}
                </code>
              )}
            </div>
            <div className="grid grid-cols-2 gap-2">
              <Input
                label="MFA code 1"
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={6}
                value={code1}
                onChange={(e) => setCode1(e.target.value)}
                error={enableError?.field === 'code1' ? enableError.message : undefined}
              />
              <Input
                label="MFA code 2"
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={6}
                value={code2}
                onChange={(e) => setCode2(e.target.value)}
                error={enableError?.field === 'code2' ? enableError.message : undefined}
              />
            </div>
            {enableError && !enableError.field?.startsWith('code') && (
              <ErrorState error={enableError} title="The MFA device was not enabled" />
            )}
            <div className="flex justify-end gap-2">
              <Button variant="secondary" onClick={cancel}>
                Cancel
              </Button>
              <Button type="submit" pending={enable.isPending}>
                Assign MFA
              </Button>
            </div>
          </form>
        )}
      </Dialog>
      <Dialog
        open={!!confirmDeactivate}
        onClose={() => setConfirmDeactivate(undefined)}
        title="Deactivate this MFA device?"
        description={`${confirmDeactivate ?? ''} stops being required at sign-in${confirmDeactivate?.includes(':mfa/') ? ' and the virtual device is deleted' : ''}.`}
        footer={
          <>
            <Button variant="secondary" onClick={() => setConfirmDeactivate(undefined)}>
              Cancel
            </Button>
            <Button
              variant="danger"
              pending={deactivate.isPending || removeDevice.isPending}
              onClick={async () => {
                const serial = confirmDeactivate!;
                setDeactivated(undefined);
                try {
                  await deactivate.mutateAsync({ userName, serialNumber: serial });
                  if (serial.includes(':mfa/')) await removeDevice.mutateAsync({ serialNumber: serial });
                  setConfirmDeactivate(undefined);
                  setDeactivated(serial);
                } catch {
                  // The refusal is shown in the dialog.
                }
              }}
            >
              Deactivate
            </Button>
          </>
        }
      >
        {(deactivate.error || removeDevice.error) && (
          <ErrorState error={actionErrorOf(deactivate.error ?? removeDevice.error)!} title="The MFA device was not removed" />
        )}
      </Dialog>
    </div>
  );
}
