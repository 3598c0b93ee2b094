// Which AWS regions exist, from the AWS SDK's partition data (@aws-sdk/core, updated with every SDK release)
// rather than a list of ours that falls behind when AWS opens a region.
import { partition } from '@aws-sdk/core/client';

/** A region's name as AWS spells them (`us-east-1`, `ap-southeast-7`): not `aws-global`, not a partition name. */
const REGION_NAME = /^[a-z]{2}(-[a-z]+)+-\d+$/;

/**
 * True for a region of AWS's commercial partition (`aws`) that the SDK knows by name. The SDK maps any name of
 * the partition's shape (`us-fake-9`) to the partition too, but only a region it lists carries its own
 * `description`; China, GovCloud and the other partitions answer with their own names.
 */
export function isCommercialRegion(region: string): boolean {
  if (!REGION_NAME.test(region)) return false;
  const info: { name: string; description?: string } = partition(region);
  return info.name === 'aws' && typeof info.description === 'string';
}
