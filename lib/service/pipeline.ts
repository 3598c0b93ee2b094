// The request pipeline's steps: SigV4 authentication (lib/authn), authorization (lib/authz), the audit trail
// (lib/audit), and Gatehouse's own routes beside the API.
import type { ServiceConfig } from '../config';
import type { SecretBox } from '../crypto/secrets';
import { createAuthenticator } from '../authn';
import { createAuthorizer } from '../authz';
import { createAuditSink } from '../audit';
import { accessKeySignInRoute } from './access-key-sign-in-route';
import { signInRoute } from './sign-in-route';
import { signOutRoute } from './sign-out-route';
import { auditRoute } from './audit-route';
import { passwordPolicyRoute } from './password-policy-route';
import { accessAnalyzer } from './access-analyzer';
import type { Store } from '../store/types';
import type { PipelineSteps } from './create-service';

export function createPipeline(deps: { store: Store; config: ServiceConfig; secrets: SecretBox }): PipelineSteps {
  const authenticator = createAuthenticator(deps);
  const authorizer = createAuthorizer(deps);
  const audit = createAuditSink(deps);
  const analyzer = accessAnalyzer({ ...deps, authenticator, authorizer, audit });
  return {
    authenticator,
    authorizer,
    audit,
    protocols: [analyzer.dispatch],
    routes: new Map([
      ['/_gatehouse/sign-in', signInRoute({ ...deps, audit })],
      ['/_gatehouse/sign-in/access-keys', accessKeySignInRoute({ ...deps, authenticator, audit })],
      ['/_gatehouse/sign-out', signOutRoute(deps)],
      ['/_gatehouse/audit', auditRoute({ ...deps, authenticator, authorizer, audit })],
      ['/_gatehouse/password-policy', passwordPolicyRoute({ ...deps, authenticator, authorizer })],
    ]),
    close: async () => {
      analyzer.generations.clear();
      await audit.close();
    },
  };
}
