// SetSecurityTokenServicePreferences: the version of session tokens the global STS endpoint issues (v1 or v2),
// kept as an account setting and reported by GetAccountSummary's GlobalEndpointTokenVersion.
import type { Store } from '../../store/types';
import type { IamOperation } from '../../core/context';

const SETTING = 'sts-global-endpoint-token-version';

/** The account's GlobalEndpointTokenVersion: 1 (default) or 2. */
export async function globalEndpointTokenVersion(store: Store): Promise<1 | 2> {
  return (await store.getSetting(SETTING)) === 'v2Token' ? 2 : 1;
}

export const setSecurityTokenServicePreferences: IamOperation<'SetSecurityTokenServicePreferences'> = async (ctx, input) => {
  // The service model has already restricted the value to v1Token | v2Token.
  await ctx.store.setSetting(SETTING, input.GlobalEndpointTokenVersion === 'v2Token' ? 'v2Token' : 'v1Token');
  return {};
};
