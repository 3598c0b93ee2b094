// Interim pipeline steps until lib/sigv4, lib/authz and lib/audit land (issue 4): identifies the caller by the
// access key named in the request's credential scope WITHOUT verifying the signature, allows everything,
// records nothing. Replaced by the authentication issue; never ship a release with this file.
import type { ServiceConfig } from '../config';
import type { SecretBox } from '../crypto/secrets';
import { rootPrincipal, type Principal } from '../iam/context';
import { entityArn } from '../iam/arn';
import { InvalidClientTokenId, MissingAuthenticationToken } from '../protocol/errors';
import type { RequestInfo } from '../protocol/pipeline';
import type { Store } from '../store/types';
import type { PipelineSteps } from './create-service';

export function createPipeline(deps: { store: Store; config: ServiceConfig; secrets: SecretBox }): PipelineSteps {
  const { store } = deps;
  return {
    authenticator: {
      authenticate(info: RequestInfo): Principal {
        const header = info.request.headers['authorization'] ?? '';
        const match = /Credential=([^/,\s]+)/.exec(header) ?? /X-Amz-Credential=([^/&%]+)/.exec(info.request.query);
        if (!match) throw new MissingAuthenticationToken('Request is missing Authentication Token');
        const key = store.accessKeys.get(match[1]);
        const accountId = store.account.get()!.accountId;
        if (!key || key.status !== 'Active') throw new InvalidClientTokenId('The security token included in the request is invalid.');
        if (!key.userId) return rootPrincipal(accountId, key.accessKeyId);
        const user = store.users.getById(key.userId)!;
        return {
          type: 'IAMUser',
          accountId,
          arn: entityArn(accountId, 'user', user.path, user.userName),
          principalId: user.userId,
          userId: user.userId,
          userName: user.userName,
          accessKeyId: key.accessKeyId,
        };
      },
    },
    authorizer: { authorize() {} },
    audit: { record() {} },
    routes: new Map(),
  };
}
