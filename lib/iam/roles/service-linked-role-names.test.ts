// Service-linked role names and paths as AWS forms them from the service principal.
import { describe, expect, it } from 'vitest';
import {
  isServicePrincipalName,
  recordedServiceLinkedRole,
  serviceLinkedRoleName,
  serviceLinkedRolePath,
  serviceLinkedTrustPolicy,
  serviceRolePolicyNameCandidates,
} from './service-linked-role-names';

describe('service-linked role names', () => {
  it('uses AWS names for known services', () => {
    expect(serviceLinkedRoleName('elasticbeanstalk.amazonaws.com')).toBe('AWSServiceRoleForElasticBeanstalk');
    expect(serviceLinkedRoleName('autoscaling.amazonaws.com')).toBe('AWSServiceRoleForAutoScaling');
    expect(serviceLinkedRoleName('spot.amazonaws.com')).toBe('AWSServiceRoleForEC2Spot');
    expect(serviceLinkedRoleName('dynamodb.application-autoscaling.amazonaws.com')).toBe(
      'AWSServiceRoleForApplicationAutoScaling_DynamoDBTable',
    );
  });

  it('derives a PascalCase name for other services, sub-services after an underscore', () => {
    expect(serviceLinkedRoleName('some-service.amazonaws.com')).toBe('AWSServiceRoleForSomeService');
    expect(serviceLinkedRoleName('part.main-svc.amazonaws.com')).toBe('AWSServiceRoleForMainSvc_Part');
  });

  it('appends a custom suffix', () => {
    expect(serviceLinkedRoleName('autoscaling.amazonaws.com', 'blue')).toBe('AWSServiceRoleForAutoScaling_blue');
  });

  it('proposes AWS-style names for the service role policy', () => {
    expect(serviceRolePolicyNameCandidates('ElasticBeanstalk')).toContain('AWSElasticBeanstalkServiceRolePolicy');
    expect(serviceRolePolicyNameCandidates('AmazonEKS')[0]).toBe('AmazonEKSServiceRolePolicy');
    expect(serviceRolePolicyNameCandidates('ECS')).toContain('AmazonECSServiceRolePolicy');
    expect(serviceRolePolicyNameCandidates('AutoScaling')[0]).toBe('AutoScalingServiceRolePolicy');
  });

  it('accepts only service principal names', () => {
    expect(isServicePrincipalName('ecs.amazonaws.com')).toBe(true);
    expect(isServicePrincipalName('ecs.example.com')).toBe(false);
    expect(isServicePrincipalName('.amazonaws.com')).toBe(false);
    expect(isServicePrincipalName('ECS.amazonaws.com')).toBe(false);
  });

  it('puts the role under /aws-service-role/<service>/ trusted by that service only', () => {
    expect(serviceLinkedRolePath('ecs.amazonaws.com')).toBe('/aws-service-role/ecs.amazonaws.com/');
    expect(JSON.parse(serviceLinkedTrustPolicy('ecs.amazonaws.com'))).toEqual({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'ecs.amazonaws.com' }, Action: 'sts:AssumeRole' }],
    });
  });

  it("knows AWS's recorded role for services whose names cannot be guessed", () => {
    expect(recordedServiceLinkedRole('acm.amazonaws.com')).toEqual({
      roleName: 'AWSServiceRoleForCertificateManager',
      path: '/aws-service-role/acm.amazonaws.com/',
      attachedPolicies: ['arn:aws:iam::aws:policy/aws-service-role/CertificateManagerServiceRolePolicy'],
      customSuffixRejection: 'Custom suffix is not allowed for acm.amazonaws.com',
    });
    expect(recordedServiceLinkedRole('autoscaling.amazonaws.com')?.customSuffixRejection).toBeUndefined();
    expect(recordedServiceLinkedRole('autoscaling.amazonaws.com (CustomSuffix)')).toBeUndefined();
    expect(recordedServiceLinkedRole('unknown.amazonaws.com')).toBeUndefined();
  });

  it("names Application Auto Scaling's roles as its documentation does", () => {
    expect(serviceLinkedRoleName('custom-resource.application-autoscaling.amazonaws.com')).toBe(
      'AWSServiceRoleForApplicationAutoScaling_CustomResource',
    );
    expect(serviceRolePolicyNameCandidates('ApplicationAutoScaling_CustomResource')).toContain(
      'AWSApplicationAutoScalingCustomResourcePolicy',
    );
    expect(serviceRolePolicyNameCandidates('ApplicationAutoScaling_DynamoDBTable')[0]).toBe('AWSApplicationAutoscalingDynamoDBTablePolicy');
  });
});
