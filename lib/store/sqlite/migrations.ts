// Schema migrations of the SQLite store, versioned in code and applied in order at open (PRAGMA user_version).
import type { CountedTable } from '../entity-counts';

/** One schema step. Append new steps; never edit a step that has shipped. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** The tables migration 5 counts (a fixed list: a later migration that counts another table adds its own triggers). */
const COUNTED_IN_MIGRATION_5: readonly CountedTable[] = [
  'users',
  'groups',
  'roles',
  'managed_policies',
  'instance_profiles',
  'server_certificates',
  'mfa_devices',
];

/** The two triggers that keep `table`'s row in `entity_counts` in the writing transaction. */
function countingTriggers(table: CountedTable): string {
  return `CREATE TRIGGER ${table}_counted_insert AFTER INSERT ON ${table} BEGIN
  INSERT INTO entity_counts (kind, n) VALUES ('${table}', 1) ON CONFLICT (kind) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER ${table}_counted_delete AFTER DELETE ON ${table} BEGIN
  UPDATE entity_counts SET n = n - 1 WHERE kind = '${table}';
END;
`;
}

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'initial schema',
    sql: `
CREATE TABLE account (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  account_id TEXT NOT NULL,
  root_email TEXT NOT NULL,
  root_password_hash TEXT,
  root_password_last_used TEXT,
  root_mfa_serial TEXT,
  password_policy TEXT,
  create_date TEXT NOT NULL
);
CREATE TABLE account_aliases (alias TEXT PRIMARY KEY);

CREATE TABLE users (
  user_id TEXT PRIMARY KEY,
  user_name TEXT NOT NULL,
  name_key TEXT NOT NULL UNIQUE,
  path TEXT NOT NULL,
  create_date TEXT NOT NULL,
  permissions_boundary_arn TEXT,
  password_last_used TEXT
);
CREATE INDEX users_by_path ON users (path, name_key);

CREATE TABLE groups (
  group_id TEXT PRIMARY KEY,
  group_name TEXT NOT NULL,
  name_key TEXT NOT NULL UNIQUE,
  path TEXT NOT NULL,
  create_date TEXT NOT NULL
);
CREATE INDEX groups_by_path ON groups (path, name_key);

CREATE TABLE group_members (
  group_id TEXT NOT NULL REFERENCES groups (group_id) ON DELETE CASCADE,
  user_id TEXT NOT NULL REFERENCES users (user_id) ON DELETE CASCADE,
  added_date TEXT NOT NULL,
  PRIMARY KEY (group_id, user_id)
);
CREATE INDEX group_members_by_user ON group_members (user_id);

CREATE TABLE roles (
  role_id TEXT PRIMARY KEY,
  role_name TEXT NOT NULL,
  name_key TEXT NOT NULL UNIQUE,
  path TEXT NOT NULL,
  create_date TEXT NOT NULL,
  assume_role_policy TEXT NOT NULL,
  description TEXT,
  max_session_duration INTEGER NOT NULL DEFAULT 3600,
  permissions_boundary_arn TEXT,
  last_used_date TEXT,
  last_used_region TEXT,
  service_linked INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX roles_by_path ON roles (path, name_key);

CREATE TABLE instance_profiles (
  instance_profile_id TEXT PRIMARY KEY,
  instance_profile_name TEXT NOT NULL,
  name_key TEXT NOT NULL UNIQUE,
  path TEXT NOT NULL,
  create_date TEXT NOT NULL
);
CREATE TABLE instance_profile_roles (
  instance_profile_id TEXT NOT NULL REFERENCES instance_profiles (instance_profile_id) ON DELETE CASCADE,
  role_id TEXT NOT NULL REFERENCES roles (role_id) ON DELETE CASCADE,
  PRIMARY KEY (instance_profile_id, role_id)
);
CREATE INDEX instance_profile_roles_by_role ON instance_profile_roles (role_id);

-- Customer managed policies. AWS managed policies come from a data package, not from this table.
CREATE TABLE managed_policies (
  policy_id TEXT PRIMARY KEY,
  arn TEXT NOT NULL UNIQUE,
  policy_name TEXT NOT NULL,
  name_key TEXT NOT NULL UNIQUE,
  path TEXT NOT NULL,
  description TEXT,
  default_version_id TEXT NOT NULL,
  next_version INTEGER NOT NULL DEFAULT 2,
  create_date TEXT NOT NULL,
  update_date TEXT NOT NULL
);
CREATE INDEX managed_policies_by_path ON managed_policies (path, name_key);
CREATE TABLE policy_versions (
  policy_arn TEXT NOT NULL,
  version_id TEXT NOT NULL,
  document TEXT NOT NULL,
  create_date TEXT NOT NULL,
  PRIMARY KEY (policy_arn, version_id)
);

-- principal_kind: 'user' | 'group' | 'role'; principal_id: the entity's id.
CREATE TABLE policy_attachments (
  principal_kind TEXT NOT NULL CHECK (principal_kind IN ('user', 'group', 'role')),
  principal_id TEXT NOT NULL,
  policy_arn TEXT NOT NULL,
  attach_date TEXT NOT NULL,
  PRIMARY KEY (principal_kind, principal_id, policy_arn)
);
CREATE INDEX policy_attachments_by_policy ON policy_attachments (policy_arn);

CREATE TABLE inline_policies (
  principal_kind TEXT NOT NULL CHECK (principal_kind IN ('user', 'group', 'role')),
  principal_id TEXT NOT NULL,
  policy_name TEXT NOT NULL,
  name_key TEXT NOT NULL,
  document TEXT NOT NULL,
  PRIMARY KEY (principal_kind, principal_id, name_key)
);

-- entity_kind: 'user' | 'role' | 'policy' | 'instance-profile' | 'mfa' | ...; entity_id: id or ARN.
CREATE TABLE tags (
  entity_kind TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  key_lower TEXT NOT NULL,
  tag_key TEXT NOT NULL,
  tag_value TEXT NOT NULL,
  position INTEGER NOT NULL,
  PRIMARY KEY (entity_kind, entity_id, key_lower)
);

-- user_id NULL means the root user's key.
CREATE TABLE access_keys (
  access_key_id TEXT PRIMARY KEY,
  user_id TEXT,
  secret_encrypted TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('Active', 'Inactive')),
  create_date TEXT NOT NULL,
  last_used_date TEXT,
  last_used_service TEXT,
  last_used_region TEXT
);
CREATE INDEX access_keys_by_user ON access_keys (user_id);

CREATE TABLE login_profiles (
  user_id TEXT PRIMARY KEY REFERENCES users (user_id) ON DELETE CASCADE,
  password_hash TEXT NOT NULL,
  password_reset_required INTEGER NOT NULL DEFAULT 0,
  create_date TEXT NOT NULL,
  password_changed_date TEXT
);

-- Virtual MFA devices; user_id NULL and is_root 0 means not assigned.
CREATE TABLE mfa_devices (
  serial_number TEXT PRIMARY KEY,
  device_name TEXT NOT NULL,
  path TEXT NOT NULL,
  seed_encrypted TEXT NOT NULL,
  user_id TEXT,
  is_root INTEGER NOT NULL DEFAULT 0,
  enable_date TEXT,
  last_used_step INTEGER,
  create_date TEXT NOT NULL
);
CREATE INDEX mfa_devices_by_user ON mfa_devices (user_id);

-- Temporary credentials issued by STS and console sign-in.
CREATE TABLE sessions (
  access_key_id TEXT PRIMARY KEY,
  secret_encrypted TEXT NOT NULL,
  session_token_hash TEXT NOT NULL,
  principal TEXT NOT NULL,
  expiration TEXT NOT NULL,
  create_date TEXT NOT NULL
);
CREATE INDEX sessions_by_expiration ON sessions (expiration);

CREATE TABLE audit_events (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  event_id TEXT NOT NULL UNIQUE,
  event_time TEXT NOT NULL,
  event_source TEXT NOT NULL,
  event_name TEXT NOT NULL,
  principal_arn TEXT,
  access_key_id TEXT,
  error_code TEXT,
  source_ip TEXT,
  event TEXT NOT NULL
);
CREATE INDEX audit_events_by_time ON audit_events (event_time);
CREATE INDEX audit_events_by_principal ON audit_events (principal_arn, event_time);

CREATE TABLE service_last_accessed (
  principal_arn TEXT NOT NULL,
  service_namespace TEXT NOT NULL,
  last_accessed TEXT NOT NULL,
  last_accessed_entity TEXT,
  last_accessed_region TEXT,
  total_authenticated_entities INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (principal_arn, service_namespace)
);

CREATE TABLE credential_reports (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  generated_time TEXT NOT NULL,
  content TEXT NOT NULL
);

CREATE TABLE sign_in_attempts (
  subject TEXT PRIMARY KEY,
  failures INTEGER NOT NULL,
  last_failure TEXT NOT NULL,
  locked_until TEXT
);

CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
`,
  },
  {
    version: 2,
    name: 'password history',
    sql: `
-- Hashes of the passwords each user has had, newest last (PasswordReusePrevention).
CREATE TABLE password_history (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  user_id TEXT NOT NULL REFERENCES users (user_id) ON DELETE CASCADE,
  password_hash TEXT NOT NULL,
  set_date TEXT NOT NULL
);
CREATE INDEX password_history_by_user ON password_history (user_id, seq);
`,
  },
  {
    version: 3,
    name: 'identity providers, server certificates and user credentials',
    sql: `
CREATE TABLE oidc_providers (
  arn TEXT PRIMARY KEY,
  url TEXT NOT NULL,
  client_ids TEXT NOT NULL,
  thumbprints TEXT NOT NULL,
  create_date TEXT NOT NULL
);
CREATE TABLE saml_providers (
  arn TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  metadata_document TEXT NOT NULL,
  create_date TEXT NOT NULL,
  valid_until TEXT NOT NULL
);
-- private_key_sealed: the private key sealed with the service's SecretBox; never returned.
CREATE TABLE server_certificates (
  server_certificate_id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  name_key TEXT NOT NULL UNIQUE,
  path TEXT NOT NULL,
  body TEXT NOT NULL,
  chain TEXT,
  private_key_sealed TEXT NOT NULL,
  upload_date TEXT NOT NULL,
  expiration TEXT NOT NULL
);
-- kind: 'ssh-public-key' | 'signing-certificate' | 'service-specific-credential'; data: the kind's JSON fields.
CREATE TABLE user_credentials (
  kind TEXT NOT NULL,
  credential_id TEXT NOT NULL,
  user_id TEXT NOT NULL REFERENCES users (user_id) ON DELETE CASCADE,
  status TEXT NOT NULL CHECK (status IN ('Active', 'Inactive', 'Expired')),
  create_date TEXT NOT NULL,
  data TEXT NOT NULL,
  PRIMARY KEY (kind, credential_id)
);
CREATE INDEX user_credentials_by_user ON user_credentials (user_id, kind, create_date);
`,
  },
  {
    version: 4,
    name: 'action last accessed',
    sql: `
-- The latest use of each tracked action (IAM's) by each entity, for action-level last-accessed reports.
CREATE TABLE action_last_accessed (
  principal_arn TEXT NOT NULL,
  service_namespace TEXT NOT NULL,
  action_name TEXT NOT NULL,
  last_accessed TEXT NOT NULL,
  last_accessed_entity TEXT,
  last_accessed_region TEXT,
  PRIMARY KEY (principal_arn, service_namespace, action_name)
);
`,
  },
  {
    version: 5,
    name: 'entity counts kept by triggers (quota checks without count(*))',
    sql: `
-- The number of rows of each counted table, kept in the writing transaction by the triggers below, so a quota
-- check (CreateUser, CreateRole...) reads one row instead of counting every user. A missing row counts 0 (wipe
-- empties this table with the others; the next insert creates the row). A migration that rebuilds a counted
-- table must create its triggers again.
CREATE TABLE entity_counts (kind TEXT PRIMARY KEY, n INTEGER NOT NULL);
INSERT INTO entity_counts (kind, n)
${COUNTED_IN_MIGRATION_5.map((table) => `SELECT '${table}', count(*) FROM ${table}`).join('\nUNION ALL ')};
${COUNTED_IN_MIGRATION_5.map(countingTriggers).join('')}`,
  },
];
