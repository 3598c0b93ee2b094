// Schema migrations of the PostgreSQL store: an ordered list, recorded in `schema_migrations`, applied at open under
// an advisory lock so that instances starting together apply each step once.
import type pg from 'pg';

/** One schema step. Append new steps; never edit a step that has shipped. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

// Every text column is COLLATE "C": byte order, as SQLite's default BINARY collation, so ordering and keyset
// pagination (`name_key > $after`) give the same pages on both stores whatever the database's locale.
// Booleans SQLite keeps as 0/1 are booleans here; insertion order SQLite reads from rowid is an identity column.
export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'initial schema (the SQLite schema of versions 1 to 4)',
    sql: `
CREATE TABLE account (
  id integer PRIMARY KEY CHECK (id = 1),
  account_id text COLLATE "C" NOT NULL,
  root_email text COLLATE "C" NOT NULL,
  root_password_hash text COLLATE "C",
  root_password_last_used text COLLATE "C",
  root_mfa_serial text COLLATE "C",
  password_policy text COLLATE "C",
  create_date text COLLATE "C" NOT NULL
);
CREATE TABLE account_aliases (alias text COLLATE "C" PRIMARY KEY);

CREATE TABLE users (
  user_id text COLLATE "C" PRIMARY KEY,
  user_name text COLLATE "C" NOT NULL,
  name_key text COLLATE "C" NOT NULL UNIQUE,
  path text COLLATE "C" NOT NULL,
  create_date text COLLATE "C" NOT NULL,
  permissions_boundary_arn text COLLATE "C",
  password_last_used text COLLATE "C"
);
CREATE INDEX users_by_path ON users (path, name_key);
CREATE INDEX users_by_boundary ON users (permissions_boundary_arn) WHERE permissions_boundary_arn IS NOT NULL;

CREATE TABLE groups (
  group_id text COLLATE "C" PRIMARY KEY,
  group_name text COLLATE "C" NOT NULL,
  name_key text COLLATE "C" NOT NULL UNIQUE,
  path text COLLATE "C" NOT NULL,
  create_date text COLLATE "C" NOT NULL
);
CREATE INDEX groups_by_path ON groups (path, name_key);

CREATE TABLE group_members (
  group_id text COLLATE "C" NOT NULL REFERENCES groups (group_id) ON DELETE CASCADE,
  user_id text COLLATE "C" NOT NULL REFERENCES users (user_id) ON DELETE CASCADE,
  added_date text COLLATE "C" NOT NULL,
  PRIMARY KEY (group_id, user_id)
);
CREATE INDEX group_members_by_user ON group_members (user_id);

CREATE TABLE roles (
  role_id text COLLATE "C" PRIMARY KEY,
  role_name text COLLATE "C" NOT NULL,
  name_key text COLLATE "C" NOT NULL UNIQUE,
  path text COLLATE "C" NOT NULL,
  create_date text COLLATE "C" NOT NULL,
  assume_role_policy text COLLATE "C" NOT NULL,
  description text COLLATE "C",
  max_session_duration integer NOT NULL DEFAULT 3600,
  permissions_boundary_arn text COLLATE "C",
  last_used_date text COLLATE "C",
  last_used_region text COLLATE "C",
  service_linked boolean NOT NULL DEFAULT false
);
CREATE INDEX roles_by_path ON roles (path, name_key);
CREATE INDEX roles_by_boundary ON roles (permissions_boundary_arn) WHERE permissions_boundary_arn IS NOT NULL;

CREATE TABLE instance_profiles (
  instance_profile_id text COLLATE "C" PRIMARY KEY,
  instance_profile_name text COLLATE "C" NOT NULL,
  name_key text COLLATE "C" NOT NULL UNIQUE,
  path text COLLATE "C" NOT NULL,
  create_date text COLLATE "C" NOT NULL
);
CREATE INDEX instance_profiles_by_path ON instance_profiles (path, name_key);
CREATE TABLE instance_profile_roles (
  seq bigint GENERATED ALWAYS AS IDENTITY,
  instance_profile_id text COLLATE "C" NOT NULL REFERENCES instance_profiles (instance_profile_id) ON DELETE CASCADE,
  role_id text COLLATE "C" NOT NULL REFERENCES roles (role_id) ON DELETE CASCADE,
  PRIMARY KEY (instance_profile_id, role_id)
);
CREATE INDEX instance_profile_roles_by_role ON instance_profile_roles (role_id);

-- Customer managed policies. AWS managed policies come from a data package, not from this table.
CREATE TABLE managed_policies (
  policy_id text COLLATE "C" PRIMARY KEY,
  arn text COLLATE "C" NOT NULL UNIQUE,
  policy_name text COLLATE "C" NOT NULL,
  name_key text COLLATE "C" NOT NULL UNIQUE,
  path text COLLATE "C" NOT NULL,
  description text COLLATE "C",
  default_version_id text COLLATE "C" NOT NULL,
  next_version integer NOT NULL DEFAULT 2,
  create_date text COLLATE "C" NOT NULL,
  update_date text COLLATE "C" NOT NULL
);
CREATE INDEX managed_policies_by_path ON managed_policies (path, name_key);
CREATE TABLE policy_versions (
  policy_arn text COLLATE "C" NOT NULL,
  version_id text COLLATE "C" NOT NULL,
  document text COLLATE "C" NOT NULL,
  create_date text COLLATE "C" NOT NULL,
  PRIMARY KEY (policy_arn, version_id)
);

-- principal_kind: 'user' | 'group' | 'role'; principal_id: the entity's id; seq: attachment order.
CREATE TABLE policy_attachments (
  seq bigint GENERATED ALWAYS AS IDENTITY,
  principal_kind text COLLATE "C" NOT NULL CHECK (principal_kind IN ('user', 'group', 'role')),
  principal_id text COLLATE "C" NOT NULL,
  policy_arn text COLLATE "C" NOT NULL,
  attach_date text COLLATE "C" NOT NULL,
  PRIMARY KEY (principal_kind, principal_id, policy_arn)
);
CREATE INDEX policy_attachments_by_policy ON policy_attachments (policy_arn);

CREATE TABLE inline_policies (
  principal_kind text COLLATE "C" NOT NULL CHECK (principal_kind IN ('user', 'group', 'role')),
  principal_id text COLLATE "C" NOT NULL,
  policy_name text COLLATE "C" NOT NULL,
  name_key text COLLATE "C" NOT NULL,
  document text COLLATE "C" NOT NULL,
  PRIMARY KEY (principal_kind, principal_id, name_key)
);

-- entity_kind: 'user' | 'role' | 'policy' | 'instance-profile' | 'mfa' | ...; entity_id: id or ARN.
CREATE TABLE tags (
  entity_kind text COLLATE "C" NOT NULL,
  entity_id text COLLATE "C" NOT NULL,
  key_lower text COLLATE "C" NOT NULL,
  tag_key text COLLATE "C" NOT NULL,
  tag_value text COLLATE "C" NOT NULL,
  position integer NOT NULL,
  PRIMARY KEY (entity_kind, entity_id, key_lower)
);

-- user_id NULL means the root user's key.
CREATE TABLE access_keys (
  access_key_id text COLLATE "C" PRIMARY KEY,
  user_id text COLLATE "C",
  secret_encrypted text COLLATE "C" NOT NULL,
  status text COLLATE "C" NOT NULL CHECK (status IN ('Active', 'Inactive')),
  create_date text COLLATE "C" NOT NULL,
  last_used_date text COLLATE "C",
  last_used_service text COLLATE "C",
  last_used_region text COLLATE "C"
);
CREATE INDEX access_keys_by_user ON access_keys (user_id);

CREATE TABLE login_profiles (
  user_id text COLLATE "C" PRIMARY KEY REFERENCES users (user_id) ON DELETE CASCADE,
  password_hash text COLLATE "C" NOT NULL,
  password_reset_required boolean NOT NULL DEFAULT false,
  create_date text COLLATE "C" NOT NULL,
  password_changed_date text COLLATE "C"
);

-- Hashes of the passwords each user has had, newest last (PasswordReusePrevention).
CREATE TABLE password_history (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id text COLLATE "C" NOT NULL REFERENCES users (user_id) ON DELETE CASCADE,
  password_hash text COLLATE "C" NOT NULL,
  set_date text COLLATE "C" NOT NULL
);
CREATE INDEX password_history_by_user ON password_history (user_id, seq);

-- Virtual MFA devices; user_id NULL and is_root false means not assigned. Serial numbers are looked up ignoring
-- (ASCII) case, as SQLite's NOCASE does: lower() of a "C" collation folds ASCII only.
CREATE TABLE mfa_devices (
  serial_number text COLLATE "C" PRIMARY KEY,
  device_name text COLLATE "C" NOT NULL,
  path text COLLATE "C" NOT NULL,
  seed_encrypted text COLLATE "C" NOT NULL,
  user_id text COLLATE "C",
  is_root boolean NOT NULL DEFAULT false,
  enable_date text COLLATE "C",
  last_used_step bigint,
  create_date text COLLATE "C" NOT NULL
);
CREATE INDEX mfa_devices_by_user ON mfa_devices (user_id);
CREATE INDEX mfa_devices_by_folded_serial ON mfa_devices (lower(serial_number));

-- Temporary credentials issued by STS and console sign-in.
CREATE TABLE sessions (
  access_key_id text COLLATE "C" PRIMARY KEY,
  secret_encrypted text COLLATE "C" NOT NULL,
  session_token_hash text COLLATE "C" NOT NULL,
  principal text COLLATE "C" NOT NULL,
  expiration text COLLATE "C" NOT NULL,
  create_date text COLLATE "C" NOT NULL
);
CREATE INDEX sessions_by_expiration ON sessions (expiration);

CREATE TABLE audit_events (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  event_id text COLLATE "C" NOT NULL UNIQUE,
  event_time text COLLATE "C" NOT NULL,
  event_source text COLLATE "C" NOT NULL,
  event_name text COLLATE "C" NOT NULL,
  principal_arn text COLLATE "C",
  access_key_id text COLLATE "C",
  error_code text COLLATE "C",
  source_ip text COLLATE "C",
  event text COLLATE "C" NOT NULL
);
CREATE INDEX audit_events_by_time ON audit_events (event_time);
CREATE INDEX audit_events_by_principal ON audit_events (principal_arn, event_time);

CREATE TABLE service_last_accessed (
  principal_arn text COLLATE "C" NOT NULL,
  service_namespace text COLLATE "C" NOT NULL,
  last_accessed text COLLATE "C" NOT NULL,
  last_accessed_entity text COLLATE "C",
  last_accessed_region text COLLATE "C",
  total_authenticated_entities integer NOT NULL DEFAULT 1,
  PRIMARY KEY (principal_arn, service_namespace)
);

-- The latest use of each tracked action (IAM's) by each entity, for action-level last-accessed reports.
CREATE TABLE action_last_accessed (
  principal_arn text COLLATE "C" NOT NULL,
  service_namespace text COLLATE "C" NOT NULL,
  action_name text COLLATE "C" NOT NULL,
  last_accessed text COLLATE "C" NOT NULL,
  last_accessed_entity text COLLATE "C",
  last_accessed_region text COLLATE "C",
  PRIMARY KEY (principal_arn, service_namespace, action_name)
);

CREATE TABLE credential_reports (
  id integer PRIMARY KEY CHECK (id = 1),
  generated_time text COLLATE "C" NOT NULL,
  content text COLLATE "C" NOT NULL
);

CREATE TABLE sign_in_attempts (
  subject text COLLATE "C" PRIMARY KEY,
  failures integer NOT NULL,
  last_failure text COLLATE "C" NOT NULL,
  locked_until text COLLATE "C"
);

CREATE TABLE settings (key text COLLATE "C" PRIMARY KEY, value text COLLATE "C" NOT NULL);

CREATE TABLE oidc_providers (
  arn text COLLATE "C" PRIMARY KEY,
  url text COLLATE "C" NOT NULL,
  client_ids text COLLATE "C" NOT NULL,
  thumbprints text COLLATE "C" NOT NULL,
  create_date text COLLATE "C" NOT NULL
);
CREATE TABLE saml_providers (
  arn text COLLATE "C" PRIMARY KEY,
  name text COLLATE "C" NOT NULL,
  metadata_document text COLLATE "C" NOT NULL,
  create_date text COLLATE "C" NOT NULL,
  valid_until text COLLATE "C" NOT NULL
);
-- private_key_sealed: the private key sealed with the service's SecretBox; never returned.
CREATE TABLE server_certificates (
  server_certificate_id text COLLATE "C" PRIMARY KEY,
  name text COLLATE "C" NOT NULL,
  name_key text COLLATE "C" NOT NULL UNIQUE,
  path text COLLATE "C" NOT NULL,
  body text COLLATE "C" NOT NULL,
  chain text COLLATE "C",
  private_key_sealed text COLLATE "C" NOT NULL,
  upload_date text COLLATE "C" NOT NULL,
  expiration text COLLATE "C" NOT NULL
);
-- kind: 'ssh-public-key' | 'signing-certificate' | 'service-specific-credential'; data: the kind's JSON fields.
CREATE TABLE user_credentials (
  kind text COLLATE "C" NOT NULL,
  credential_id text COLLATE "C" NOT NULL,
  user_id text COLLATE "C" NOT NULL REFERENCES users (user_id) ON DELETE CASCADE,
  status text COLLATE "C" NOT NULL CHECK (status IN ('Active', 'Inactive', 'Expired')),
  create_date text COLLATE "C" NOT NULL,
  data text COLLATE "C" NOT NULL,
  PRIMARY KEY (kind, credential_id)
);
CREATE INDEX user_credentials_by_user ON user_credentials (user_id, kind, create_date);
`,
  },
  {
    version: 2,
    name: 'entity counts kept by triggers (quota checks without count(*))',
    sql: `
-- The number of rows of each counted table, kept in the writing transaction by the trigger below, so a quota
-- check reads one row instead of counting every user. Two units inserting at once both update the row: under
-- SERIALIZABLE one of them fails and re-runs (the write lock makes that rare). A missing row counts 0 (wipe
-- truncates this table with the others; TRUNCATE fires no row trigger, and the next insert creates the row).
-- A migration that rebuilds a counted table must create its trigger again.
CREATE TABLE entity_counts (kind text COLLATE "C" PRIMARY KEY, n integer NOT NULL);
INSERT INTO entity_counts (kind, n)
SELECT 'users', count(*) FROM users
UNION ALL SELECT 'groups', count(*) FROM groups
UNION ALL SELECT 'roles', count(*) FROM roles
UNION ALL SELECT 'managed_policies', count(*) FROM managed_policies
UNION ALL SELECT 'instance_profiles', count(*) FROM instance_profiles
UNION ALL SELECT 'server_certificates', count(*) FROM server_certificates
UNION ALL SELECT 'mfa_devices', count(*) FROM mfa_devices;
CREATE FUNCTION entity_counts_track() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO entity_counts (kind, n) VALUES (TG_TABLE_NAME::text, 1) ON CONFLICT (kind) DO UPDATE SET n = entity_counts.n + 1;
  ELSE
    UPDATE entity_counts SET n = n - 1 WHERE kind = TG_TABLE_NAME::text;
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER users_counted AFTER INSERT OR DELETE ON users FOR EACH ROW EXECUTE FUNCTION entity_counts_track();
CREATE TRIGGER groups_counted AFTER INSERT OR DELETE ON groups FOR EACH ROW EXECUTE FUNCTION entity_counts_track();
CREATE TRIGGER roles_counted AFTER INSERT OR DELETE ON roles FOR EACH ROW EXECUTE FUNCTION entity_counts_track();
CREATE TRIGGER managed_policies_counted AFTER INSERT OR DELETE ON managed_policies FOR EACH ROW EXECUTE FUNCTION entity_counts_track();
CREATE TRIGGER instance_profiles_counted AFTER INSERT OR DELETE ON instance_profiles FOR EACH ROW EXECUTE FUNCTION entity_counts_track();
CREATE TRIGGER server_certificates_counted AFTER INSERT OR DELETE ON server_certificates FOR EACH ROW EXECUTE FUNCTION entity_counts_track();
CREATE TRIGGER mfa_devices_counted AFTER INSERT OR DELETE ON mfa_devices FOR EACH ROW EXECUTE FUNCTION entity_counts_track();
`,
  },
];

/** Key of the advisory lock that serialises migrations between instances ("gatehouse" in ASCII, truncated). */
const MIGRATION_LOCK = 0x6761746568;

/**
 * Applies every migration not yet recorded in `schema_migrations`, each in its own transaction, holding a session
 * advisory lock throughout: a second instance starting at the same time waits, then finds the steps recorded.
 */
export async function migrate(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  let failed: unknown;
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await client.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const applied = new Set((await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
    for (const migration of MIGRATIONS) {
      if (applied.has(migration.version)) continue;
      await client.query('BEGIN');
      try {
        await client.query(migration.sql);
        await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
    }
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
  } catch (error) {
    failed = error;
    throw error;
  } finally {
    // On failure the connection is closed rather than reused, which also releases the advisory lock.
    client.release(failed instanceof Error ? failed : failed === undefined ? undefined : true);
  }
}
