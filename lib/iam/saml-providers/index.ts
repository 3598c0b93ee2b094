// The SAML provider operations of the IAM API, by AWS action name.
import type { IamOperationTable } from '../../core/context';
import { createSAMLProvider } from './create-saml-provider';
import { deleteSAMLProvider } from './delete-saml-provider';
import { getSAMLProvider } from './get-saml-provider';
import { listSAMLProviders } from './list-saml-providers';
import { tagSAMLProvider } from './tag-saml-provider';
import { untagSAMLProvider } from './untag-saml-provider';
import { listSAMLProviderTags } from './list-saml-provider-tags';
import { updateSAMLProvider } from './update-saml-provider';

export const samlProviderOperations: IamOperationTable = {
  CreateSAMLProvider: createSAMLProvider,
  GetSAMLProvider: getSAMLProvider,
  UpdateSAMLProvider: updateSAMLProvider,
  DeleteSAMLProvider: deleteSAMLProvider,
  ListSAMLProviders: listSAMLProviders,
  TagSAMLProvider: tagSAMLProvider,
  UntagSAMLProvider: untagSAMLProvider,
  ListSAMLProviderTags: listSAMLProviderTags,
};
