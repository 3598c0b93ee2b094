// Loading state of every console page (the shell stays in place).
import { LoadingBlock } from '@/components/ui/spinner';

export default function Loading() {
  return <LoadingBlock label="Loading page…" />;
}
