// Checks a permissions boundary ARN given to CreateRole: a managed policy that exists in this account or AWS's.
import { InvalidInput, NoSuchEntity } from '../../protocol/errors';
import type { Store } from '../../store/types';
import { linkedRepositories } from './linked-repositories';

const POLICY_ARN = /^arn:aws:iam::(aws|\d{12}):policy\/(.*\/)?[\w+=,.@-]+$/;

/** Throws InvalidInput for a malformed ARN and NoSuchEntity for a customer managed policy that does not exist. */
export function validatePermissionsBoundary(store: Store, accountId: string, arn: string): void {
  const match = POLICY_ARN.exec(arn);
  if (!match) throw new InvalidInput(`ARN ${arn} is not valid.`);
  const notAttachable = () => new NoSuchEntity(`Scope ARN: ${arn} does not exist or is not attachable.`);
  if (match[1] === 'aws') return;
  if (match[1] !== accountId) throw notAttachable();
  const managedPolicies = linkedRepositories(store).managedPolicies;
  if (managedPolicies?.getByArn && !managedPolicies.getByArn(arn)) throw notAttachable();
}
