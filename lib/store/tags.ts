// Tags of any taggable entity (user, role, policy, instance profile, MFA device, ...), kept in their given order.

export interface Tag {
  Key: string;
  Value: string;
}

/** Kinds of taggable entity; `entityId` is the entity's id (or ARN for policies and MFA devices). */
export type TaggableKind =
  'user' | 'role' | 'policy' | 'instance-profile' | 'mfa' | 'oidc-provider' | 'saml-provider' | 'server-certificate';

export interface TagRepository {
  list(kind: TaggableKind, entityId: string): Promise<Tag[]>;
  /** Adds or overwrites (keys compared ignoring case, AWS keeps the new spelling). */
  put(kind: TaggableKind, entityId: string, tags: Tag[]): Promise<void>;
  remove(kind: TaggableKind, entityId: string, keys: string[]): Promise<void>;
  removeAll(kind: TaggableKind, entityId: string): Promise<void>;
  count(kind: TaggableKind, entityId: string): Promise<number>;
}
