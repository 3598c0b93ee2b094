// The sessions part of the Store interface: temporary credentials issued by STS and by console sign-in.

/** A temporary credential. Dates are ISO 8601 strings. Only a hash of the session token is kept. */
export interface SessionRecord {
  /** `ASIA…` */
  accessKeyId: string;
  /** The secret access key, sealed with the service's SecretBox. */
  secretEncrypted: string;
  /** SHA-256 (hex) of the session token. */
  sessionTokenHash: string;
  /** The session's principal as JSON (a `Principal` of lib/core/context). */
  principal: string;
  expiration: string;
  createDate: string;
}

export interface SessionRepository {
  insert(session: SessionRecord): Promise<void>;
  get(accessKeyId: string): Promise<SessionRecord | undefined>;
  /** Revokes one session (sign-out). */
  delete(accessKeyId: string): Promise<void>;
  /** Removes sessions that expired before `date`; returns how many. */
  deleteExpired(date: string): Promise<number>;
  count(): Promise<number>;
}
