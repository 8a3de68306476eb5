import Link from "next/link";
import { formatNumber } from "@/lib/format";

export type CountItem = { key: string; label: React.ReactNode; count: number; href?: string; warn?: boolean };

/** A short "label … count" list for dashboard cards; zero rows stay visible so gaps show. */
export function CountList({ items, label }: { items: CountItem[]; label: string }) {
  return (
    <ul className="divide-y divide-slate-100 text-sm" aria-label={label}>
      {items.map((i) => (
        <li key={i.key} className="flex items-center justify-between gap-3 py-2">
          {i.href ? (
            <Link href={i.href} className="hover:underline">
              {i.label}
            </Link>
          ) : (
            <span>{i.label}</span>
          )}
          <span
            className={
              i.warn && i.count > 0 ? "font-semibold tabular-nums text-red-700" : "tabular-nums text-slate-800"
            }
          >
            {formatNumber(i.count)}
          </span>
        </li>
      ))}
    </ul>
  );
}
