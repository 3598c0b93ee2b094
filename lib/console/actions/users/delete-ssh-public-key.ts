'use server';
// DeleteSSHPublicKey.
import { DeleteSSHPublicKeyCommand } from '@aws-sdk/client-iam';
import { z } from 'zod';
import { action } from '@/lib/console/action';

export const deleteSshPublicKey = action(
  z.object({ userName: z.string().min(1), sshPublicKeyId: z.string().min(1) }),
  async ({ userName, sshPublicKeyId }, { iam }) => {
    await iam.send(new DeleteSSHPublicKeyCommand({ UserName: userName, SSHPublicKeyId: sshPublicKeyId }));
    return { sshPublicKeyId };
  },
);
