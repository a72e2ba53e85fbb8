import { LoadingBlock, Skeleton } from "@/components/ui/skeleton";

export default function ScansLoading() {
  return (
    <div className="space-y-6">
      <Skeleton className="h-10 w-48" />
      <LoadingBlock label="Loading the scan history" className="h-96" />
    </div>
  );
}
