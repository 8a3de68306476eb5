// Previous / next links for the small administration lists (page numbers in the URL).
import Link from "next/link";
import { hrefWith, type Query } from "@/components/ui/url";

export function PageLinks({
  path,
  query,
  page,
  pages,
  total,
  shown,
}: {
  path: string;
  query: Query;
  page: number;
  pages: number;
  total: number;
  shown: number;
}) {
  const link = "rounded-md px-3 py-1.5 ring-1 ring-slate-300 hover:bg-white";
  const off = "rounded-md px-3 py-1.5 text-slate-500 ring-1 ring-slate-200";
  return (
    <nav aria-label="Pagination" className="mt-3 flex items-center justify-between text-sm text-slate-600">
      <p>
        Showing {shown} of {total.toLocaleString("en-US")} (page {page} of {pages})
      </p>
      <div className="flex gap-2">
        {page > 1 ? (
          <Link className={link} href={hrefWith(path, query, { page: String(page - 1) })}>
            ← Previous
          </Link>
        ) : (
          <span className={off} aria-disabled>
            ← Previous
          </span>
        )}
        {page < pages ? (
          <Link className={link} href={hrefWith(path, query, { page: String(page + 1) })}>
            Next →
          </Link>
        ) : (
          <span className={off} aria-disabled>
            Next →
          </span>
        )}
      </div>
    </nav>
  );
}
