// The `User` element of IAM responses, built from a stored user.
import type { UserRecord } from '../../store/users';
import type { Tag } from '../../store/tags';
import { entityArn } from '../arn';

/** AWS's `User` shape. `Tags` and `PermissionsBoundary` only where AWS returns them (GetUser, CreateUser). */
export function userView(accountId: string, user: UserRecord, extra: { tags?: Tag[]; withBoundary?: boolean } = {}) {
  return {
    Path: user.path,
    UserName: user.userName,
    UserId: user.userId,
    Arn: entityArn(accountId, 'user', user.path, user.userName),
    CreateDate: user.createDate,
    PasswordLastUsed: user.passwordLastUsed,
    PermissionsBoundary:
      extra.withBoundary && user.permissionsBoundaryArn
        ? { PermissionsBoundaryType: 'Policy', PermissionsBoundaryArn: user.permissionsBoundaryArn }
        : undefined,
    Tags: extra.tags && extra.tags.length > 0 ? extra.tags : undefined,
  };
}
