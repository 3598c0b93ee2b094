// The `Group` element of IAM responses, built from a stored group.
import type { GroupRecord } from '../../store/groups';
import { entityArn } from '../arn';

/** AWS's `Group` shape. */
export function groupView(accountId: string, group: GroupRecord) {
  return {
    Path: group.path,
    GroupName: group.groupName,
    GroupId: group.groupId,
    Arn: entityArn(accountId, 'group', group.path, group.groupName),
    CreateDate: group.createDate,
  };
}
