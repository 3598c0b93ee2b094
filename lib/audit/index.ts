// The audit trail: CloudTrail-shaped events of every request, buffered writes, the query route's decoding.
export { createAuditSink, lastAccessedEntityArn, type GatehouseAuditSink } from './sink';
export { auditEventOf, userIdentityOf, isReadOnlyAction, type CloudTrailEvent, type UserIdentity } from './event';
export { redactForAudit, cloudTrailName, isSecretKey, REDACTED } from './redact';
export { AuditWriter, DEFAULT_MAX_AUDIT_EVENTS, type AuditWriterOptions } from './writer';
