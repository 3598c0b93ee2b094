'use server';
// GetLoginProfile: whether the user has a console password (null when none).
import { GetLoginProfileCommand } from '@aws-sdk/client-iam';
import { z } from 'zod';
import { action } from '@/lib/console/action';
import { awsErrorCode } from '@/lib/console/errors';

export const getLoginProfile = action(z.object({ userName: z.string().min(1) }), async ({ userName }, { iam }) => {
  try {
    const { LoginProfile } = await iam.send(new GetLoginProfileCommand({ UserName: userName }));
    return {
      loginProfile: {
        createDate: LoginProfile?.CreateDate?.toISOString() ?? '',
        passwordResetRequired: LoginProfile?.PasswordResetRequired ?? false,
      },
    };
  } catch (error) {
    if (awsErrorCode(error) === 'NoSuchEntity') return { loginProfile: null };
    throw error;
  }
});
