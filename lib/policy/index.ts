// Public surface of the policy language core: parse, compile, validate, evaluate, explain, simulate (pure, browser-safe).

export * from './types';
export { parsePolicy, PolicyParseError, LineIndex, STATEMENT_ELEMENTS, TOP_LEVEL_ELEMENTS } from './parse';
export { compilePolicy, compileParsedPolicy } from './compile';
export * from './evaluate';
export type { RequestContext } from './context';
export { CONDITION_OPERATORS, parseOperator, parseDate, parseNumber } from './operators';
export { matchWildcard, compileWildcard, type WildcardPattern } from './wildcard';
export { splitArn } from './arn';
export { validatePolicy, createStaticCatalog, type ActionCatalog, type CatalogAction } from './validate';
export { malformedPolicyMessage, legacyDateValueOk, resourceFormatError, INVALID_JSON } from './malformed';
export { referencedContextKeys } from './context-keys';
export * from './simulate';
