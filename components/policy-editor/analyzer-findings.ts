// The editor's findings in IAM Access Analyzer's vocabulary, so the editor and the ValidatePolicy API say the
// same thing: AWS issue codes and wording, computed in the browser as you type (without the catalogue) and by
// the API (with it) shortly after.
import type { Finding, PolicyType } from '@/lib/policy';
import { analyzerFindings, type AnalyzerPolicyType, type ValidatePolicyFinding } from '@/lib/policy/access-analyzer-findings';

/** ValidatePolicy's policy type (and resource type) of an editor's policy kind. */
export function analyzerPolicyType(policyType: PolicyType): {
  policyType: AnalyzerPolicyType;
  validatePolicyResourceType?: 'AWS::IAM::AssumeRolePolicyDocument';
} {
  if (policyType === 'trust') return { policyType: 'RESOURCE_POLICY', validatePolicyResourceType: 'AWS::IAM::AssumeRolePolicyDocument' };
  if (policyType === 'resource') return { policyType: 'RESOURCE_POLICY' };
  if (policyType === 'scp') return { policyType: 'SERVICE_CONTROL_POLICY' };
  return { policyType: 'IDENTITY_POLICY' };
}

const SEVERITY: Record<string, Finding['severity']> = {
  ERROR: 'error',
  SECURITY_WARNING: 'security_warning',
  WARNING: 'warning',
  SUGGESTION: 'suggestion',
};

/** A ValidatePolicy finding as an editor finding (its first location; columns back to 1-based). */
export function fromAnalyzerFinding(
  finding: Pick<ValidatePolicyFinding, 'findingType' | 'issueCode' | 'findingDetails'> & { locations?: ValidatePolicyFinding['locations'] },
): Finding {
  const out: Finding = { severity: SEVERITY[finding.findingType] ?? 'warning', code: finding.issueCode, message: finding.findingDetails };
  const location = finding.locations?.[0];
  if (location) {
    const { start, end } = location.span;
    out.range = {
      start: { line: start.line, column: start.column + 1, offset: start.offset },
      end: { line: end.line, column: end.column + 1, offset: end.offset },
    };
    out.path = location.path.map((p) => ('index' in p ? p.index : 'value' in p ? p.value : 'key' in p ? p.key : ''));
  }
  return out;
}

/** ValidatePolicy's findings without the catalogue, computed in the browser. */
export function localAnalyzerFindings(text: string, policyType: PolicyType): Finding[] {
  const type = analyzerPolicyType(policyType);
  return analyzerFindings(text, type.policyType, { validatePolicyResourceType: type.validatePolicyResourceType }).map(fromAnalyzerFinding);
}
