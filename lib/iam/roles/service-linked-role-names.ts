// Names AWS gives service-linked roles: AWS's own answers for the services it was asked about
// (aws-service-linked-roles.json, recorded from CreateServiceLinkedRole), else `AWSServiceRoleFor<Service>`
// formed from the service principal's name as AWS's documentation shows.
import recorded from './aws-service-linked-roles.json';

/** What AWS answered CreateServiceLinkedRole for one service. */
export interface RecordedServiceLinkedRole {
  roleName: string;
  path: string;
  attachedPolicies: string[];
  /** Undefined when AWS accepts a CustomSuffix; else its error message. */
  customSuffixRejection?: string;
}

interface RecordedEntry {
  RoleName: string;
  Path: string;
  AttachedPolicies: string[];
  CustomSuffix?: { Code: string; Message: string };
}

const RECORDED: ReadonlyMap<string, RecordedServiceLinkedRole> = new Map(
  Object.entries(recorded as Record<string, RecordedEntry>)
    // "svc (CustomSuffix)" entries show the same role created with a suffix: `<name>_<suffix>`.
    .filter(([key]) => !key.includes(' '))
    .map(([service, entry]) => [
      service,
      {
        roleName: entry.RoleName,
        path: entry.Path,
        attachedPolicies: entry.AttachedPolicies,
        customSuffixRejection: entry.CustomSuffix?.Message,
      },
    ]),
);

/** AWS's recorded answer for a service principal, when there is one. */
export function recordedServiceLinkedRole(serviceName: string): RecordedServiceLinkedRole | undefined {
  return RECORDED.get(serviceName);
}

/** Services whose role name is not simply their first label in PascalCase (from AWS's documentation). */
const KNOWN_SERVICES: Record<string, string> = {
  'autoscaling.amazonaws.com': 'AutoScaling',
  'elasticbeanstalk.amazonaws.com': 'ElasticBeanstalk',
  'elasticloadbalancing.amazonaws.com': 'ElasticLoadBalancing',
  'elasticache.amazonaws.com': 'ElastiCache',
  'ecs.amazonaws.com': 'ECS',
  'eks.amazonaws.com': 'AmazonEKS',
  'rds.amazonaws.com': 'RDS',
  'spot.amazonaws.com': 'EC2Spot',
  'spotfleet.amazonaws.com': 'EC2SpotFleet',
  'organizations.amazonaws.com': 'Organizations',
  'support.amazonaws.com': 'Support',
  'trustedadvisor.amazonaws.com': 'TrustedAdvisor',
  'cloudtrail.amazonaws.com': 'CloudTrail',
  'config.amazonaws.com': 'Config',
  'guardduty.amazonaws.com': 'AmazonGuardDuty',
  'ssm.amazonaws.com': 'AmazonSSM',
  'es.amazonaws.com': 'AmazonElasticsearchService',
  'opensearchservice.amazonaws.com': 'AmazonOpenSearchService',
  'redshift.amazonaws.com': 'Redshift',
  'dynamodb.application-autoscaling.amazonaws.com': 'ApplicationAutoScaling_DynamoDBTable',
  'ecs.application-autoscaling.amazonaws.com': 'ApplicationAutoScaling_ECSService',
  'ec2.application-autoscaling.amazonaws.com': 'ApplicationAutoScaling_EC2SpotFleetRequest',
  // Application Auto Scaling's service-linked roles (its user guide, "Service-linked roles").
  'custom-resource.application-autoscaling.amazonaws.com': 'ApplicationAutoScaling_CustomResource',
  'appstream.application-autoscaling.amazonaws.com': 'ApplicationAutoScaling_AppStreamFleet',
  'comprehend.application-autoscaling.amazonaws.com': 'ApplicationAutoScaling_ComprehendEndpoint',
  'elasticache.application-autoscaling.amazonaws.com': 'ApplicationAutoScaling_ElastiCacheRG',
  'kafka.application-autoscaling.amazonaws.com': 'ApplicationAutoScaling_KafkaCluster',
  'lambda.application-autoscaling.amazonaws.com': 'ApplicationAutoScaling_LambdaConcurrency',
  'neptune.application-autoscaling.amazonaws.com': 'ApplicationAutoScaling_NeptuneCluster',
  'rds.application-autoscaling.amazonaws.com': 'ApplicationAutoScaling_RDSCluster',
  'sagemaker.application-autoscaling.amazonaws.com': 'ApplicationAutoScaling_SageMakerEndpoint',
  'workspaces.application-autoscaling.amazonaws.com': 'ApplicationAutoScaling_WorkSpacesPool',
};

const SERVICE_NAME = /^[a-z0-9][a-z0-9-]*(\.[a-z0-9][a-z0-9-]*)*\.amazonaws\.com$/;

function pascalCase(label: string): string {
  return label
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

/** True for a service principal name such as `elasticbeanstalk.amazonaws.com`. */
export function isServicePrincipalName(serviceName: string): boolean {
  return SERVICE_NAME.test(serviceName);
}

/** The service part of a service-linked role's name: a known name, else the service's label in PascalCase. */
export function serviceLinkedRoleLabel(serviceName: string): string {
  const known = KNOWN_SERVICES[serviceName];
  if (known !== undefined) return known;
  const labels = serviceName.slice(0, -'.amazonaws.com'.length).split('.');
  const main = pascalCase(labels[labels.length - 1]);
  return labels.length > 1 ? `${main}_${labels.slice(0, -1).map(pascalCase).join('')}` : main;
}

/**
 * The role name for a service principal: `AWSServiceRoleFor` + its label (`sub.service.amazonaws.com` →
 * `Service_Sub`), with `_<CustomSuffix>` when given.
 */
export function serviceLinkedRoleName(serviceName: string, customSuffix?: string): string {
  const name = `AWSServiceRoleFor${serviceLinkedRoleLabel(serviceName)}`;
  return customSuffix ? `${name}_${customSuffix}` : name;
}

/** Names AWS gives the managed policy of a service's linked role, most likely first (`AWS<Service>ServiceRolePolicy`, ...). */
export function serviceRolePolicyNameCandidates(label: string): string[] {
  // Application Auto Scaling names them AWSApplicationAutoscaling<Resource>Policy (CustomResource: AutoScaling).
  const scaling = /^ApplicationAutoScaling_(\w+)$/.exec(label);
  if (scaling) return [`AWSApplicationAutoscaling${scaling[1]}Policy`, `AWSApplicationAutoScaling${scaling[1]}Policy`];
  const base = label.replace(/^(Amazon|AWS)(?=[A-Z])/, '');
  return [
    ...new Set([
      `${label}ServiceRolePolicy`,
      `AWS${base}ServiceRolePolicy`,
      `Amazon${base}ServiceRolePolicy`,
      `${base}ServiceRolePolicy`,
      `AWS${base}ServiceTrustPolicy`,
    ]),
  ];
}

/** The path AWS puts service-linked roles under: `/aws-service-role/<service principal>/`. */
export function serviceLinkedRolePath(serviceName: string): string {
  return `/aws-service-role/${serviceName}/`;
}

/** The trust policy of a service-linked role: only the service may assume it (plain strings, as AWS stores it). */
export function serviceLinkedTrustPolicy(serviceName: string): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { Service: serviceName }, Action: 'sts:AssumeRole' }],
  });
}
