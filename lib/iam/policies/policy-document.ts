// Checks a managed or inline policy document on write: well-formed per lib/policy, within AWS's size quotas.
import { BoundedCache } from '../../core/bounded-cache';
import { LimitExceeded, MalformedPolicyDocument } from '../../core/errors';
import { malformedPolicyMessage, type PolicyType } from '../../policy';
import { policySize, QUOTAS } from '../validation';

/** How many verdicts are kept per policy type, and the longest document kept (at most about 1 MB of text each). */
const VERDICTS = 256;
const VERDICT_DOCUMENT_LENGTH = 4096;
/** One cache per policy type, keyed by the text itself (no key to build per call). */
const verdicts = new Map<PolicyType, BoundedCache<string, { message: string | undefined }>>();

/**
 * `malformedPolicyMessage` remembered for recent documents: clients write the same text again and again (one trust
 * policy for many roles, an unchanged document put again on every apply), and the verdict is a pure function of the
 * text and the policy type, rejections included. An unexpected error is thrown every time, never remembered.
 */
export function malformedPolicyVerdict(document: string, policyType: PolicyType): string | undefined {
  if (typeof document !== 'string' || document.length > VERDICT_DOCUMENT_LENGTH) return malformedPolicyMessage(document, policyType);
  let cache = verdicts.get(policyType);
  if (cache === undefined) {
    cache = new BoundedCache(VERDICTS);
    verdicts.set(policyType, cache);
  }
  const known = cache.get(document);
  if (known !== undefined) return known.message;
  const message = malformedPolicyMessage(document, policyType);
  cache.set(document, { message });
  return message;
}

/** Throws MalformedPolicyDocument with lib/policy's message when IAM would reject the document. */
export function rejectMalformedPolicy(document: string, policyType: PolicyType = 'identity'): void {
  const message = malformedPolicyVerdict(document, policyType);
  if (message !== undefined) throw new MalformedPolicyDocument(message);
}

/** Checks a managed policy version's document: well-formed and at most 6,144 non-whitespace characters. */
export function checkManagedPolicyDocument(document: string): void {
  rejectMalformedPolicy(document, 'identity');
  if (policySize(document) > QUOTAS.managedPolicyBytes) {
    throw new LimitExceeded(`Cannot exceed quota for PolicySize: ${QUOTAS.managedPolicyBytes}`);
  }
}
