// The console's session shape as next-auth exposes it to the browser: who is signed in, never the credentials.
import type { DefaultSession } from 'next-auth';

declare module 'next-auth' {
  interface Session {
    expires: DefaultSession['expires'];
    principal: {
      type: 'Root' | 'IAMUser' | 'AssumedRole' | 'FederatedUser' | 'Unknown';
      arn: string;
      accountId: string;
      userName?: string;
      accountAlias?: string;
    };
    passwordResetRequired: boolean;
    target: string;
  }
}
