// UpdateServerCertificate: renames and/or moves a server certificate.
import { EntityAlreadyExists } from '../../core/errors';
import type { IamOperation } from '../../core/context';
import { validatePath } from '../validation';
import { requireServerCertificate } from './server-certificate-view';

export const updateServerCertificate: IamOperation<'UpdateServerCertificate'> = async (ctx, input) => {
  const certificate = await requireServerCertificate(ctx.store, input.ServerCertificateName);
  const name = input.NewServerCertificateName ?? certificate.name;
  const path = input.NewPath ?? certificate.path;
  validatePath(path, 'newPath');
  const clash = await ctx.store.serverCertificates.getByName(name);
  if (clash && clash.serverCertificateId !== certificate.serverCertificateId) {
    throw new EntityAlreadyExists(`The Server Certificate with name ${name} already exists.`);
  }
  await ctx.store.serverCertificates.update(certificate.serverCertificateId, name, path);
  return {};
};
