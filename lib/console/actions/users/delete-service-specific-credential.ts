'use server';
// DeleteServiceSpecificCredential.
import { DeleteServiceSpecificCredentialCommand } from '@aws-sdk/client-iam';
import { z } from 'zod';
import { action } from '@/lib/console/action';

export const deleteServiceSpecificCredential = action(
  z.object({ userName: z.string().min(1), serviceSpecificCredentialId: z.string().min(1) }),
  async ({ userName, serviceSpecificCredentialId }, { iam }) => {
    await iam.send(
      new DeleteServiceSpecificCredentialCommand({ UserName: userName, ServiceSpecificCredentialId: serviceSpecificCredentialId }),
    );
    return { serviceSpecificCredentialId };
  },
);
