'use server';
// DeleteSigningCertificate.
import { DeleteSigningCertificateCommand } from '@aws-sdk/client-iam';
import { z } from 'zod';
import { action } from '@/lib/console/action';

export const deleteSigningCertificate = action(
  z.object({ userName: z.string().min(1), certificateId: z.string().min(1) }),
  async ({ userName, certificateId }, { iam }) => {
    await iam.send(new DeleteSigningCertificateCommand({ UserName: userName, CertificateId: certificateId }));
    return { certificateId };
  },
);
