// Loading state for dashboards and lists. Detail pages sit outside this (lists) group on purpose:
// a Suspense boundary above them would start streaming before notFound(), turning the 404 of a
// missing or foreign id into a 200.
import { PageSkeleton } from "@/components/ui/page-skeleton";

export default PageSkeleton;
