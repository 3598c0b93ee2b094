// Context keys for the simulator: the keys the policies read, typed by the operators that read them, and the
// request context built from the inputs, the caller and its tags.

import { referencedContextKeys, type CompiledPolicy, type RequestContext } from '@/lib/policy';
import type { ContextKeyType } from './types';

/** A context key the policies reference, offered as a typed input. */
export interface ContextKeyField {
  key: string;
  type: ContextKeyType;
  /** True for set keys (used with ForAllValues/ForAnyValue, or multivalued by nature such as aws:TagKeys). */
  multiValue: boolean;
  /** Operators that read the key, as written. */
  operators: string[];
}

const FAMILY_TYPES: Record<string, ContextKeyType> = {
  Numeric: 'number',
  Date: 'date',
  Bool: 'bool',
  IpAddress: 'ip',
  Arn: 'arn',
  Binary: 'binary',
};

/** Keys AWS documents as multivalued. */
const SET_KEYS = new Set([
  'aws:tagkeys',
  'aws:calledvia',
  'aws:principalorgpaths',
  'aws:resourceorgpaths',
  'aws:principalservicenameslist',
  'aws:sourceorgpaths',
  'aws:vpceorgpaths',
]);

/** Every key the policies reference, with the type its operators imply (string when only String or Null read it). */
export function detectContextKeys(policies: CompiledPolicy[]): ContextKeyField[] {
  const fields = new Map<string, ContextKeyField>();
  for (const key of referencedContextKeys(policies)) {
    const lower = key.toLowerCase();
    fields.set(lower, { key, type: 'string', multiValue: SET_KEYS.has(lower), operators: [] });
  }
  for (const policy of policies) {
    for (const statement of policy.statements) {
      for (const condition of statement.conditions) {
        const field = fields.get(condition.keyLower);
        if (!field) continue;
        if (!field.operators.includes(condition.operator)) field.operators.push(condition.operator);
        const type = FAMILY_TYPES[condition.family];
        if (type && field.type === 'string') field.type = type;
        if (condition.setOperator) field.multiValue = true;
      }
    }
  }
  return [...fields.values()];
}

/** What the simulator knows about the caller. */
export interface CallerInfo {
  arn?: string;
  accountId?: string;
  type?: 'user' | 'group' | 'role' | 'session' | 'root';
  /** User name (for aws:username). */
  userName?: string;
  tags: Record<string, string>;
}

/**
 * The request context: keys AWS derives from the caller (aws:PrincipalArn, aws:PrincipalAccount, aws:username,
 * aws:PrincipalType, aws:PrincipalTag/*), then the values typed in (which win). Empty values are left out.
 */
export function buildRequestContext(caller: CallerInfo, entries: Record<string, string[]>): RequestContext {
  const context: RequestContext = {};
  if (caller.arn) context['aws:PrincipalArn'] = caller.arn;
  if (caller.accountId) context['aws:PrincipalAccount'] = caller.accountId;
  if (caller.type === 'user' && caller.userName) context['aws:username'] = caller.userName;
  const principalType = { user: 'User', role: 'AssumedRole', session: 'AssumedRole', root: 'Account', group: undefined }[
    caller.type ?? 'group'
  ];
  if (principalType) context['aws:PrincipalType'] = principalType;
  for (const [key, value] of Object.entries(caller.tags)) context[`aws:PrincipalTag/${key}`] = value;
  const lowerKeys = new Map(Object.keys(context).map((k) => [k.toLowerCase(), k]));
  for (const [key, values] of Object.entries(entries)) {
    const existing = lowerKeys.get(key.toLowerCase());
    if (existing) delete context[existing];
    const kept = values.filter((v) => v !== '');
    if (kept.length === 0) continue;
    context[key] = kept.length === 1 ? kept[0] : kept;
  }
  return context;
}
