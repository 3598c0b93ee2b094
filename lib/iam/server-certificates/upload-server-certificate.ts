// UploadServerCertificate: stores a certificate, its chain and its private key (sealed at rest, never returned).
import { createPrivateKey, type KeyObject } from 'node:crypto';
import { newUniqueId } from '../../crypto/ids';
import { EntityAlreadyExists, KeyPairMismatch, LimitExceeded, MalformedCertificate } from '../../core/errors';
import type { IamOperation } from '../../core/context';
import { validatePath, validateTags } from '../validation';
import { parseCertificate, parseCertificateChain } from '../signing-certificates/certificate-pem';
import { SERVER_CERTIFICATES_PER_ACCOUNT, serverCertificateMetadata } from './server-certificate-view';

function parsePrivateKey(pem: string): KeyObject {
  try {
    return createPrivateKey({ key: pem, format: 'pem' });
  } catch {
    // Encrypted keys (no passphrase can be given) and malformed ones alike.
    throw new MalformedCertificate('Unable to parse private key. Please ensure the private key is in unencrypted PEM format.');
  }
}

export const uploadServerCertificate: IamOperation<'UploadServerCertificate'> = async (ctx, input) => {
  const path = input.Path ?? '/';
  validatePath(path);
  const name = input.ServerCertificateName;
  const certificate = parseCertificate(input.CertificateBody);
  if (input.CertificateChain !== undefined) parseCertificateChain(input.CertificateChain);
  const privateKey = parsePrivateKey(input.PrivateKey);
  if (!certificate.checkPrivateKey(privateKey)) throw new KeyPairMismatch('The private key did not match the public key provided.');
  const tags = (input.Tags ?? []).map((t) => ({ Key: t.Key, Value: t.Value ?? '' }));
  validateTags(tags);
  const store = ctx.store.serverCertificates;
  if (await store.getByName(name)) throw new EntityAlreadyExists(`The Server Certificate with name ${name} already exists.`);
  if ((await store.count()) >= SERVER_CERTIFICATES_PER_ACCOUNT) {
    throw new LimitExceeded(`Cannot exceed quota for ServerCertificatesPerAccount: ${SERVER_CERTIFICATES_PER_ACCOUNT}`);
  }
  const record = {
    serverCertificateId: newUniqueId('ASCA'),
    name,
    path,
    body: input.CertificateBody.trim(),
    chain: input.CertificateChain?.trim(),
    privateKeySealed: ctx.secrets.encrypt(input.PrivateKey),
    uploadDate: ctx.now.toISOString(),
    expiration: new Date(certificate.validTo).toISOString(),
  };
  await store.insert(record);
  if (tags.length > 0) await ctx.store.tags.put('server-certificate', record.serverCertificateId, tags);
  return {
    ServerCertificateMetadata: serverCertificateMetadata(ctx.principal.accountId, record),
    Tags: tags.length > 0 ? tags : undefined,
  };
};
