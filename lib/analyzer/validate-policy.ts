// ValidatePolicy of IAM Access Analyzer: the request's own checks and paging around lib/policy's findings.
import { analyzerFindings, type AnalyzerPolicyType, type ValidatePolicyFinding } from '../policy/access-analyzer-findings';
import type { ActionCatalog } from '../policy';
import { ValidationException } from './errors';

export {
  learnMoreLink,
  locationOf,
  type AnalyzerPolicyType,
  type FindingType,
  type Location,
  type ValidatePolicyFinding,
} from '../policy/access-analyzer-findings';

/**
 * All findings of a policy document, in document order. Throws ValidationException for a policy type
 * this analyzer does not judge.
 */
export function validatePolicyFindings(
  text: string,
  policyType: AnalyzerPolicyType,
  options: { validatePolicyResourceType?: string; catalog?: ActionCatalog } = {},
): ValidatePolicyFinding[] {
  if (policyType !== 'RESOURCE_POLICY' && options.validatePolicyResourceType !== undefined) {
    throw new ValidationException('validatePolicyResourceType is only valid with policyType RESOURCE_POLICY.', 'fieldValidationFailed', [
      { name: 'validatePolicyResourceType', message: 'Only valid with policyType RESOURCE_POLICY' },
    ]);
  }
  return analyzerFindings(text, policyType, options);
}

/** A short digest of a request, so that a page token cannot continue another request's findings. */
function digest(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash.toString(36);
}

/** One page of findings; the token is the next offset tied to the request's digest. */
export function pageFindings(
  findings: ValidatePolicyFinding[],
  requestKey: string,
  maxResults?: number,
  nextToken?: string,
): { findings: ValidatePolicyFinding[]; nextToken?: string } {
  let start = 0;
  const key = digest(requestKey);
  if (nextToken !== undefined) {
    const m = /^(\d+)\.([0-9a-z]+)$/.exec(Buffer.from(nextToken, 'base64url').toString());
    if (!m || m[2] !== key || Number(m[1]) > findings.length)
      throw new ValidationException('The nextToken is not valid for this request.', 'fieldValidationFailed', [
        { name: 'nextToken', message: 'Invalid token' },
      ]);
    start = Number(m[1]);
  }
  if (maxResults !== undefined && maxResults < 1)
    throw new ValidationException('maxResults must be at least 1.', 'fieldValidationFailed', [
      { name: 'maxResults', message: 'Must be at least 1' },
    ]);
  const end = maxResults === undefined ? findings.length : Math.min(findings.length, start + maxResults);
  const page = { findings: findings.slice(start, end) } as { findings: ValidatePolicyFinding[]; nextToken?: string };
  if (end < findings.length) page.nextToken = Buffer.from(`${end}.${key}`).toString('base64url');
  return page;
}
