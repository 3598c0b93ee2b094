// GetUser: a user by name, or the calling user when no name is given.
import { NoSuchEntity, ValidationError } from '../../core/errors';
import type { UncheckedIamOperation } from '../../core/context';
import { userView } from './user-view';

export const getUser: UncheckedIamOperation<'GetUser'> = async (ctx, input) => {
  const { store, principal } = ctx;
  let userName = input.UserName;
  if (userName === undefined) {
    if (principal.type === 'Root' || principal.type === 'System') {
      // AWS answers the root user's GetUser with the account's root identity.
      const account = await store.account.get();
      return {
        User: {
          UserId: principal.accountId,
          Arn: principal.arn,
          CreateDate: account?.createDate ?? ctx.now.toISOString(),
          PasswordLastUsed: account?.rootPasswordLastUsed,
        },
      };
    }
    if (principal.type !== 'IAMUser' || !principal.userName) {
      throw new ValidationError('Must specify userName when calling with non-User credentials');
    }
    userName = principal.userName;
  }
  // The user and its tags in one read.
  const found = await store.users.getByNameWithTags(userName);
  if (!found) throw new NoSuchEntity(`The user with name ${userName} cannot be found.`);
  return { User: userView(principal.accountId, found.user, { tags: found.tags, withBoundary: true }) };
};
