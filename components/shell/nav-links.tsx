"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import type { NavItem } from "@/lib/auth/navigation";
import { cn } from "@/components/ui/cn";

export function NavLinks({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  const matches = (href: string) => pathname === href || (href !== "/portal" && pathname.startsWith(href + "/"));
  // one active item: the longest match (/conflicts/precedents, not also /conflicts)
  const current = items
    .filter((item) => matches(item.href))
    .reduce<string | null>((best, item) => (best && best.length >= item.href.length ? best : item.href), null);
  return (
    <ul className="space-y-0.5">
      {items.map((item) => {
        const active = item.href === current;
        return (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={active ? "page" : undefined}
              className={cn(
                "block rounded-md px-3 py-2 text-sm font-medium",
                active ? "bg-brand-600 text-white" : "text-slate-300 hover:bg-slate-800 hover:text-white",
              )}
            >
              {item.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
