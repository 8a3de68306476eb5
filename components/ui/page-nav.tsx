// Numbered pages (page N of M) for the short lists paged by offset: MDF requests and funds, notifications.
// The long lists page by cursor (components/ui/table.tsx Pager).
import Link from "next/link";

export function PageNav({
  label = "Pagination",
  page,
  pages,
  total,
  noun,
  href,
  previous = "← Previous",
  next = "Next →",
  className,
}: {
  label?: string;
  page: number;
  pages: number;
  total: number;
  /** what the list holds, plural: "requests" */
  noun: string;
  href: (page: number) => string;
  previous?: string;
  next?: string;
  className?: string;
}) {
  return (
    <nav aria-label={label} className={`flex items-center justify-between text-sm text-slate-600 ${className ?? ""}`}>
      <p>
        Page {page} of {pages} · {total} {noun}
      </p>
      <div className="flex gap-2">
        {page > 1 && (
          <Link className="rounded-md px-3 py-1.5 ring-1 ring-slate-300" href={href(page - 1)}>
            {previous}
          </Link>
        )}
        {page < pages && (
          <Link className="rounded-md px-3 py-1.5 ring-1 ring-slate-300" href={href(page + 1)}>
            {next}
          </Link>
        )}
      </div>
    </nav>
  );
}
