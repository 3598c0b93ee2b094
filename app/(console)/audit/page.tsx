// The audit log: Gatehouse's trail of every API call (who, what, outcome), filtered and paged.
import { Suspense } from 'react';
import { AuditLog } from '@/components/audit/audit-log';
import { Alert } from '@/components/ui/alert';
import { PageHeader } from '@/components/ui/page-header';
import { LoadingBlock } from '@/components/ui/spinner';
import { consoleEnv } from '@/lib/console/env';

export const metadata = { title: 'Audit log' };

export default function AuditPage() {
  const aws = consoleEnv().target.kind === 'aws';
  return (
    <div>
      <PageHeader
        title="Audit log"
        description="Every IAM and STS call made to this Gatehouse, CloudTrail-shaped: who did what, when, from where, and whether it was allowed."
      />
      {aws ? (
        <Alert tone="info" title="The audit log is a Gatehouse feature">
          The console is connected to AWS. API activity of a real AWS account is recorded by AWS CloudTrail (Event history in the CloudTrail
          console, or the LookupEvents API), not by Gatehouse.
        </Alert>
      ) : (
        <Suspense fallback={<LoadingBlock label="Loading the audit log…" />}>
          <AuditLog />
        </Suspense>
      )}
    </div>
  );
}
