// The policy editor's public surface (reused by the simulator).
export { PolicyEditor, type PolicyEditorProps } from './policy-editor';
export { toDiagnostics } from './diagnostics';
export { FindingsList, hasErrors } from './findings-list';
export { QuotaMeter, SizeMeter } from './size-meter';
export {
  POLICY_SIZE_LIMITS,
  INLINE_POLICY_SIZE_LIMITS,
  MANAGED_POLICIES_PER_PRINCIPAL,
  policySizeOf,
  type EditorPolicyType,
} from './policy-limits';
