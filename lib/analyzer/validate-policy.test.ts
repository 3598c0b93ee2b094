import { describe, expect, it } from 'vitest';
import { createStaticCatalog } from '../policy';
import { learnMoreLink, pageFindings, validatePolicyFindings } from './validate-policy';

describe('validatePolicyFindings', () => {
  it("uses AWS's issue codes and finding types for lib/policy's findings", () => {
    const text = JSON.stringify({
      Statement: [
        { Sid: 'a', Effect: 'Allow', Action: ['iam:PassRole', 'iam:PassRole'], Resource: '*', Principal: '*' },
        { Sid: 'a', Effect: 'Allow', Action: 'x', Resource: 'bucket' },
      ],
    });
    const codes = validatePolicyFindings(text, 'IDENTITY_POLICY').map((f) => `${f.findingType}:${f.issueCode}`);
    expect(codes).toEqual(
      expect.arrayContaining([
        'WARNING:MISSING_VERSION',
        'ERROR:UNSUPPORTED_PRINCIPAL',
        'SUGGESTION:REDUNDANT_ACTION',
        'SECURITY_WARNING:PASS_ROLE_WITH_STAR_IN_RESOURCE',
        'ERROR:UNIQUE_SID_REQUIRED',
        'ERROR:INVALID_ACTION',
        'ERROR:INVALID_ARN_PREFIX',
      ]),
    );
  });

  it('reports locations with 1-based lines and 0-based columns, as Access Analyzer does', () => {
    const text =
      '{\n  "Version": "2012-10-17",\n  "Statement": {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*", "Sid": ""}\n}';
    const [finding] = validatePolicyFindings(text, 'IDENTITY_POLICY');
    expect(finding.issueCode).toBe('EMPTY_SID_VALUE');
    const offset = text.indexOf('""');
    expect(finding.locations[0].span).toEqual({
      start: { line: 3, column: offset - text.indexOf('\n  "Statement"') - 1, offset },
      end: { line: 3, column: offset - text.indexOf('\n  "Statement"') + 1, offset: offset + 2 },
    });
  });

  it('checks actions against condition keys per action with the catalogue', () => {
    const catalog = createStaticCatalog({
      s3: { GetObject: { conditionKeys: ['s3:ExistingObjectTag/<key>'] }, ListBucket: { conditionKeys: ['s3:prefix'] } },
    });
    const text = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: ['s3:GetObject', 's3:ListBucket'],
          Resource: '*',
          Condition: { StringEquals: { 's3:prefix': 'home/' } },
        },
      ],
    });
    const findings = validatePolicyFindings(text, 'IDENTITY_POLICY', { catalog });
    expect(findings.map((f) => f.issueCode)).toEqual(['UNSUPPORTED_ACTION_FOR_CONDITION_KEY']);
    expect(findings[0].findingDetails).toContain('The following actions: s3:GetObject are not supported by the condition key s3:prefix.');
  });

  it('accepts validatePolicyResourceType only with RESOURCE_POLICY; a trust policy may not have Resource', () => {
    const trust = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole', Resource: '*' }],
    });
    expect(
      validatePolicyFindings(trust, 'RESOURCE_POLICY', { validatePolicyResourceType: 'AWS::IAM::AssumeRolePolicyDocument' }).map(
        (f) => f.issueCode,
      ),
    ).toEqual(['UNSUPPORTED_RESOURCE_ARN_IN_POLICY']);
    expect(() => validatePolicyFindings(trust, 'IDENTITY_POLICY', { validatePolicyResourceType: 'AWS::S3::Bucket' })).toThrow(
      /only valid with policyType RESOURCE_POLICY/,
    );
  });

  it('checks the SCP grammar', () => {
    const scp = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', NotAction: 's3:*', Resource: 'arn:aws:s3:::b', Condition: { Bool: { 'aws:SecureTransport': 'true' } } },
        { Effect: 'Deny', Action: 's3:*Object', Resource: '*' },
      ],
    });
    expect(validatePolicyFindings(scp, 'SERVICE_CONTROL_POLICY').map((f) => f.issueCode)).toEqual(
      expect.arrayContaining([
        'SCP_SYNTAX_ERROR_ALLOW_CONDITION',
        'SCP_SYNTAX_ERROR_ALLOW_NOTACTION',
        'SCP_SYNTAX_ERROR_ALLOW_RESOURCE',
        'SCP_SYNTAX_ERROR_ACTION_WILDCARD',
      ]),
    );
  });

  it("links each AWS check to its section of AWS's check reference", () => {
    expect(learnMoreLink('MISSING_VERSION', 'WARNING')).toBe(
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html#access-analyzer-reference-policy-checks-general-warning-missing-version',
    );
  });
});

describe('pageFindings', () => {
  it('pages and refuses a token of another request', () => {
    const findings = validatePolicyFindings(
      JSON.stringify({ Statement: [{ Sid: '', Effect: 'Allow', Action: ['a:b', 'a:b'], Resource: '*' }] }),
      'IDENTITY_POLICY',
    );
    expect(findings.length).toBeGreaterThan(1);
    const first = pageFindings(findings, 'k', 1);
    expect(first.findings).toHaveLength(1);
    const rest = pageFindings(findings, 'k', 100, first.nextToken);
    expect([...first.findings, ...rest.findings]).toEqual(findings);
    expect(rest.nextToken).toBeUndefined();
    expect(() => pageFindings(findings, 'other', 1, first.nextToken)).toThrow(/not valid/);
  });
});
