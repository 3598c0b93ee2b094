// UploadSigningCertificate: adds an X.509 signing certificate to a user (2 at most), active on upload.
import { DuplicateCertificate, InvalidCertificate, LimitExceeded } from '../../core/errors';
import type { IamOperation } from '../../core/context';
import { newCertificateId, parseCertificate } from './certificate-pem';
import {
  certificateOwner,
  SIGNING_CERTIFICATES_PER_USER,
  signingCertificateView,
  type SigningCertificateData,
} from './signing-certificate-view';

export const uploadSigningCertificate: IamOperation<'UploadSigningCertificate'> = async (ctx, input) => {
  const owner = await certificateOwner(ctx, input.UserName);
  const certificate = parseCertificate(input.CertificateBody);
  const now = ctx.now.getTime();
  if (Date.parse(certificate.validTo) < now || Date.parse(certificate.validFrom) > now) {
    throw new InvalidCertificate('The certificate is not valid: it is expired or not yet valid.');
  }
  const fingerprint = certificate.fingerprint256;
  const store = ctx.store.userCredentials;
  if ((await store.listAll<SigningCertificateData>('signing-certificate')).some((c) => c.data.fingerprint === fingerprint)) {
    throw new DuplicateCertificate('The certificate has already been uploaded.');
  }
  if ((await store.countForUser('signing-certificate', owner.userId)) >= SIGNING_CERTIFICATES_PER_USER) {
    throw new LimitExceeded(`Cannot exceed quota for CertificatesPerUser: ${SIGNING_CERTIFICATES_PER_USER}`);
  }
  const record = {
    kind: 'signing-certificate' as const,
    credentialId: newCertificateId(),
    userId: owner.userId,
    status: 'Active' as const,
    createDate: ctx.now.toISOString(),
    data: { body: input.CertificateBody, fingerprint },
  };
  await store.insert(record);
  return { Certificate: signingCertificateView(owner.userName, record) };
};
