// For unit tests: an operation context over `store`, with test defaults for everything a test does not set.
import type { ServiceConfig } from '../config';
import type { SecretBox } from '../crypto/secrets';
import type { Store } from '../store/types';
import { systemPrincipal, type OperationContext } from './context';

/** A context as the handler would build it, for a test that calls operations directly. */
export function testContext(store: Store, overrides: Partial<OperationContext> = {}): OperationContext {
  return {
    principal: systemPrincipal('123456789012'),
    store,
    config: {} as ServiceConfig,
    secrets: {} as SecretBox,
    requestId: 'test',
    now: new Date(),
    sourceIp: '127.0.0.1',
    userAgent: 'test',
    secureTransport: true,
    service: 'iam',
    action: 'test',
    ...overrides,
  };
}
