// The message printed once when a start created the account: how to sign in and how to point the AWS CLI here.
import type { FirstRunSummary } from './bootstrap';

export function firstRunMessage(summary: FirstRunSummary, endpoint: string, consoleUrl?: string): string {
  const lines = [
    '',
    '==================== Gatehouse: new account created ====================',
    `Account ID:        ${summary.accountId}`,
    `Root user e-mail:  ${summary.rootEmail}`,
    `Root password:     ${summary.rootPassword ?? '(from GATEHOUSE_ROOT_PASSWORD)'}`,
    `IAM user:          ${summary.adminUserName} (group Administrators, AdministratorAccess)`,
    `Access key ID:     ${summary.adminAccessKeyId}`,
    `Secret access key: ${summary.adminSecretAccessKey ?? '(from GATEHOUSE_ADMIN_SECRET_ACCESS_KEY)'}`,
  ];
  if (consoleUrl) lines.push('', `Console: ${consoleUrl}  (sign in as root with the e-mail and password above)`);
  lines.push(
    '',
    'Point the AWS CLI at Gatehouse:',
    `  export AWS_ACCESS_KEY_ID=${summary.adminAccessKeyId}`,
    `  export AWS_SECRET_ACCESS_KEY=${summary.adminSecretAccessKey ?? '<GATEHOUSE_ADMIN_SECRET_ACCESS_KEY>'}`,
    '  export AWS_DEFAULT_REGION=us-east-1',
    `  aws --endpoint-url ${endpoint} iam list-users`,
    '',
    'These secrets are shown once; Gatehouse stores only hashes and encrypted copies.',
    '=========================================================================',
    '',
  );
  return lines.join('\n');
}
