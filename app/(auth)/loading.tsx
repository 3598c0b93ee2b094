// Loading state of the sign-in pages.
import { LoadingBlock } from '@/components/ui/spinner';

export default function Loading() {
  return <LoadingBlock />;
}
