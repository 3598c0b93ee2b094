// The OpenID Connect provider operations of the IAM API, by AWS action name.
import type { IamOperationTable } from '../../core/context';
import { addClientIDToOpenIDConnectProvider } from './add-client-id-to-open-id-connect-provider';
import { createOpenIDConnectProvider } from './create-open-id-connect-provider';
import { deleteOpenIDConnectProvider } from './delete-open-id-connect-provider';
import { getOpenIDConnectProvider } from './get-open-id-connect-provider';
import { listOpenIDConnectProviders } from './list-open-id-connect-providers';
import { removeClientIDFromOpenIDConnectProvider } from './remove-client-id-from-open-id-connect-provider';
import { tagOpenIDConnectProvider } from './tag-open-id-connect-provider';
import { untagOpenIDConnectProvider } from './untag-open-id-connect-provider';
import { listOpenIDConnectProviderTags } from './list-open-id-connect-provider-tags';
import { updateOpenIDConnectProviderThumbprint } from './update-open-id-connect-provider-thumbprint';

export const oidcProviderOperations: IamOperationTable = {
  CreateOpenIDConnectProvider: createOpenIDConnectProvider,
  GetOpenIDConnectProvider: getOpenIDConnectProvider,
  DeleteOpenIDConnectProvider: deleteOpenIDConnectProvider,
  ListOpenIDConnectProviders: listOpenIDConnectProviders,
  AddClientIDToOpenIDConnectProvider: addClientIDToOpenIDConnectProvider,
  RemoveClientIDFromOpenIDConnectProvider: removeClientIDFromOpenIDConnectProvider,
  UpdateOpenIDConnectProviderThumbprint: updateOpenIDConnectProviderThumbprint,
  TagOpenIDConnectProvider: tagOpenIDConnectProvider,
  UntagOpenIDConnectProvider: untagOpenIDConnectProvider,
  ListOpenIDConnectProviderTags: listOpenIDConnectProviderTags,
};
