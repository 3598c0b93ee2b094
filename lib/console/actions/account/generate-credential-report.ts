'use server';
// GenerateCredentialReport: one call; the browser polls it until the state is COMPLETE.
import { GenerateCredentialReportCommand } from '@aws-sdk/client-iam';
import { z } from 'zod';
import { action } from '@/lib/console/action';

export const generateCredentialReport = action(z.object({}), async (_input, { iam }) => {
  const { State, Description } = await iam.send(new GenerateCredentialReportCommand({}));
  return { state: State ?? 'STARTED', description: Description ?? '' };
});
