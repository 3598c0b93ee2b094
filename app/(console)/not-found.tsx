// A console page that does not exist (yet).
import Link from 'next/link';
import { EmptyState } from '@/components/ui/empty-state';

export default function NotFound() {
  return (
    <EmptyState title="This page does not exist">
      <Link className="underline" href="/">
        Back to the dashboard
      </Link>
    </EmptyState>
  );
}
