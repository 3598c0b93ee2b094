// Unit tests call operations without the service's composition root: install what it would (the AWS managed policy
// catalogue, lib/catalog's adapter behind lib/core's port).
import { awsManagedPolicyCatalogue } from './lib/catalog/aws-managed-policies';
import { installManagedPolicyCatalogue } from './lib/core/managed-policy-catalogue';

installManagedPolicyCatalogue(awsManagedPolicyCatalogue);
