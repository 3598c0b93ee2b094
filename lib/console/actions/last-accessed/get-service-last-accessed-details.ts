'use server';
// GetServiceLastAccessedDetails, every page (Marker), once the job is no longer IN_PROGRESS.
import { GetServiceLastAccessedDetailsCommand, type ServiceLastAccessed } from '@aws-sdk/client-iam';
import { z } from 'zod';
import { action } from '@/lib/console/action';

export const getServiceLastAccessedDetails = action(z.object({ jobId: z.string().min(1) }), async ({ jobId }, { iam }) => {
  const services: ServiceLastAccessed[] = [];
  let marker: string | undefined;
  let status = 'IN_PROGRESS';
  let error: string | undefined;
  do {
    const page = await iam.send(new GetServiceLastAccessedDetailsCommand({ JobId: jobId, Marker: marker }));
    status = page.JobStatus ?? 'FAILED';
    error = page.Error?.Message;
    if (status !== 'COMPLETED') break;
    services.push(...(page.ServicesLastAccessed ?? []));
    marker = page.IsTruncated ? page.Marker : undefined;
  } while (marker);
  return {
    status,
    error,
    services: services.map((s) => ({
      serviceName: s.ServiceName ?? '',
      serviceNamespace: s.ServiceNamespace ?? '',
      lastAuthenticated: s.LastAuthenticated?.toISOString(),
      lastAuthenticatedEntity: s.LastAuthenticatedEntity,
      totalAuthenticatedEntities: s.TotalAuthenticatedEntities ?? 0,
      trackedActions: (s.TrackedActionsLastAccessed ?? []).map((a) => ({
        actionName: a.ActionName ?? '',
        lastAccessed: a.LastAccessedTime?.toISOString(),
        lastAccessedEntity: a.LastAccessedEntity,
        region: a.LastAccessedRegion,
      })),
    })),
  };
});
