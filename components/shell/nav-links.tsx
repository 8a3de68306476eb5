"use client";
import { useId } from "react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { navSections, type NavItem } from "@/lib/auth/navigation";
import { cn } from "@/components/ui/cn";

/** The role's pages, in the sections of lib/auth/navigation.ts (navSections); the current page marked. */
export function NavLinks({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  const baseId = useId();
  const matches = (href: string) => pathname === href || (href !== "/portal" && pathname.startsWith(href + "/"));
  // one active item: the longest match (/conflicts/precedents, not also /conflicts)
  const current = items
    .filter((item) => matches(item.href))
    .reduce<string | null>((best, item) => (best && best.length >= item.href.length ? best : item.href), null);
  return (
    <div className="space-y-4">
      {navSections(items).map((section, index) => {
        const headingId = `${baseId}-section-${index}`;
        return (
          <div key={section.label ?? "-"}>
            {section.label && (
              <p id={headingId} className="mb-1 px-3 text-xs font-semibold uppercase tracking-wide text-slate-400">
                {section.label}
              </p>
            )}
            <ul className="space-y-0.5" aria-labelledby={section.label ? headingId : undefined}>
              {section.items.map((item) => {
                const active = item.href === current;
                return (
                  <li key={item.href}>
                    <Link
                      href={item.href}
                      aria-current={active ? "page" : undefined}
                      className={cn(
                        "block rounded-md px-3 py-1.5 text-sm font-medium",
                        active ? "bg-brand-600 text-white" : "text-slate-300 hover:bg-slate-800 hover:text-white",
                      )}
                    >
                      {item.label}
                    </Link>
                  </li>
                );
              })}
            </ul>
          </div>
        );
      })}
    </div>
  );
}
