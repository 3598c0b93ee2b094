// Identity providers: the SAML and OpenID Connect providers that roles can trust for federation.
import { IdentityProvidersPage } from '@/components/identity-providers/identity-providers-page';
import { PageHeader } from '@/components/ui/page-header';

export const metadata = { title: 'Identity providers' };

export default function Page() {
  return (
    <div>
      <PageHeader
        title="Identity providers"
        description="SAML 2.0 and OpenID Connect providers whose users can assume roles that trust them (sts:AssumeRoleWithSAML, sts:AssumeRoleWithWebIdentity)."
      />
      <IdentityProvidersPage />
    </div>
  );
}
