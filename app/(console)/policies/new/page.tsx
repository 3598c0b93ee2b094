// Create a customer managed policy.
import { CreatePolicyForm } from '@/components/policies/create-policy-form';
import { PageHeader } from '@/components/ui/page-header';

export const metadata = { title: 'Create policy' };

export default function CreatePolicyPage() {
  return (
    <div>
      <PageHeader title="Create policy" description="A customer managed policy. Findings appear in the editor as you type." />
      <CreatePolicyForm />
    </div>
  );
}
