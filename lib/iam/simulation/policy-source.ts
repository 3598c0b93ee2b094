// The entity a principal simulation is about (PolicySourceArn: a user, group or role) and its policies as simulator inputs.
import { boundaryDocument, entityPolicyDocuments, resolveEntityArn } from '../../authz';
import { compilePolicy, PolicyParseError, type SimulationPolicyInput, type CompiledPolicy, type PolicyType } from '../../policy';
import { InvalidInput, MalformedPolicyDocument, NoSuchEntity } from '../../core/errors';
import type { Store } from '../../store/types';
import { malformedPolicyMessage } from '../../policy';

/** The policies of a PolicySourceArn entity, for the simulator. */
export interface PolicySource {
  kind: 'user' | 'group' | 'role';
  arn: string;
  policies: SimulationPolicyInput[];
  boundary?: SimulationPolicyInput;
}

/**
 * Resolves a PolicySourceArn to its entity and policies; NoSuchEntity when it names none of this account (another
 * account, or a path that is not the entity's). The source's ARN is the entity's own, the one the request was
 * authorized on.
 */
export async function policySource(store: Store, accountId: string, arn: string): Promise<PolicySource> {
  const named = await resolveEntityArn(store, accountId, arn);
  if (!named) throw new InvalidInput(`Invalid ARN ${arn}: PolicySourceArn must be the ARN of an IAM user, group or role.`);
  const { kind, name, entity } = named;
  if (!entity) throw new NoSuchEntity(`The ${kind} with name ${name} cannot be found.`);
  const id = entity.id;
  const boundaryArn = entity.boundaryArn;
  const policies = (await entityPolicyDocuments(store, kind, id)).map((doc) => ({
    policyId: doc.policyId,
    policyType: doc.sourceType,
    text: doc.document,
  }));
  const boundaryDoc = await boundaryDocument(store, boundaryArn);
  const boundary = boundaryDoc
    ? { policyId: boundaryDoc.policyId, policyType: boundaryDoc.sourceType, text: boundaryDoc.document }
    : undefined;
  return { kind, arn: entity.arn, policies, boundary };
}

/** `PolicyInputList.N`-style simulator inputs of policies given as text, checked as IAM checks them. */
export function inputPolicies(texts: string[] | undefined, listName: string, policyType: PolicyType = 'identity'): SimulationPolicyInput[] {
  return (texts ?? []).map((text, i) => {
    const message = malformedPolicyMessage(text, policyType);
    if (message !== undefined) throw new MalformedPolicyDocument(message);
    return { policyId: `${listName}.${i + 1}`, policyType: 'none', text };
  });
}

/** Compiles simulator inputs (for context-key listings); a document that cannot compile is MalformedPolicyDocument. */
export function compileInputs(inputs: SimulationPolicyInput[], policyType: PolicyType = 'identity'): CompiledPolicy[] {
  return inputs.map((input) => {
    try {
      return compilePolicy(input.text, { policyId: input.policyId, policyType });
    } catch (error) {
      if (error instanceof PolicyParseError)
        throw new MalformedPolicyDocument(malformedPolicyMessage(input.text, policyType) ?? error.message);
      throw error;
    }
  });
}
