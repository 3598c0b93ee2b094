// POST /_gatehouse/reset: back to the initial state, for test suites (only with GATEHOUSE_ALLOW_RESET=1).
import { bumpPolicyGeneration } from '../authz';
import { IAM_OPERATIONS } from '../iam/operations';
import { jsonResponse, type WireRequest, type WireResponse } from '../core/wire';
import { bootstrapAccount } from './bootstrap';
import type { Service } from './create-service';

export function resetRoute(service: Service) {
  return async (request: WireRequest): Promise<WireResponse> => {
    if (!service.config.allowReset) {
      return jsonResponse(403, {
        error: 'ResetDisabled',
        message: 'Reset is disabled. Start Gatehouse with GATEHOUSE_ALLOW_RESET=1 to allow POST /_gatehouse/reset.',
      });
    }
    if (request.method !== 'POST') return jsonResponse(405, { error: 'MethodNotAllowed', message: 'Use POST.' });
    await service.store.wipe();
    bumpPolicyGeneration(service.store);
    const summary = await bootstrapAccount(service.store, service.config, service.secrets, IAM_OPERATIONS);
    // Every instance on the same database drops what it cached of the old state (SQLite: one process, bumped above).
    await service.store.announceChange();
    return jsonResponse(200, { reset: true, accountId: summary?.accountId, adminAccessKeyId: summary?.adminAccessKeyId });
  };
}
