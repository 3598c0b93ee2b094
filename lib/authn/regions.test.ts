import { describe, expect, it } from 'vitest';
import { isCommercialRegion } from './regions';

describe('isCommercialRegion (from the AWS SDK partition data)', () => {
  it.each(['us-east-1', 'us-west-2', 'eu-central-1', 'ap-southeast-7', 'mx-central-1', 'il-central-1', 'ca-west-1'])(
    '%s is one',
    (region) => {
      expect(isCommercialRegion(region)).toBe(true);
    },
  );

  it.each([
    ['a name of the right shape that AWS has not opened', 'us-fake-9'],
    ['an unknown prefix', 'xx-fake-9'],
    ['the pseudo-region of global endpoints', 'aws-global'],
    ['China', 'cn-north-1'],
    ['GovCloud', 'us-gov-west-1'],
    ['the European Sovereign Cloud', 'eusc-de-east-1'],
    ['upper case', 'US-EAST-1'],
    ['empty', ''],
  ])('%s is not (%s)', (_why, region) => {
    expect(isCommercialRegion(region)).toBe(false);
  });
});
