// The request pipeline's steps: SigV4 authentication (lib/authn); INTERIM until lib/authz and lib/audit land:
// allows everything, records nothing.
import type { ServiceConfig } from '../config';
import type { SecretBox } from '../crypto/secrets';
import { createAuthenticator } from '../authn';
import { signInRoute } from './sign-in-route';
import type { Store } from '../store/types';
import type { PipelineSteps } from './create-service';

export function createPipeline(deps: { store: Store; config: ServiceConfig; secrets: SecretBox }): PipelineSteps {
  return {
    authenticator: createAuthenticator(deps),
    authorizer: { authorize() {} },
    audit: { record() {} },
    routes: new Map([['/_gatehouse/sign-in', signInRoute(deps)]]),
  };
}
