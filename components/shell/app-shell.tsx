import Link from "next/link";
import type { Ctx } from "@/lib/auth/types";
import { ROLE_LABEL, TITLE_LABEL } from "@/lib/auth/types";
import { HOME, NAV } from "@/lib/auth/navigation";
import { NavLinks } from "./nav-links";
import { SignOutButton } from "./sign-out-button";

export function AppShell({
  ctx,
  company,
  unread = 0,
  children,
}: {
  ctx: Ctx;
  company?: string | null;
  unread?: number;
  children: React.ReactNode;
}) {
  const roleLabel = ctx.title ? TITLE_LABEL[ctx.title] : ROLE_LABEL[ctx.role];
  return (
    <div className="flex min-h-screen">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      <aside className="hidden w-60 shrink-0 flex-col bg-slate-900 px-3 py-4 md:flex" aria-label="Main navigation">
        <Link href={HOME[ctx.role]} className="mb-6 flex items-center gap-2 px-3 text-lg font-semibold text-white">
          <span aria-hidden className="grid h-7 w-7 place-items-center rounded-md bg-brand-500 text-sm">
            A
          </span>
          Accord
          {ctx.role === "PARTNER" && (
            <span className="ml-1 rounded bg-slate-700 px-1.5 py-0.5 text-[10px] font-medium uppercase tracking-wide text-slate-200">
              Portal
            </span>
          )}
        </Link>
        <nav className="flex-1">
          <NavLinks items={NAV[ctx.role]} />
        </nav>
        <Link
          href="/notifications"
          className="mb-3 flex items-center justify-between rounded-md px-3 py-2 text-sm font-medium text-slate-300 hover:bg-slate-800 hover:text-white"
        >
          Notifications
          {unread > 0 && (
            <span className="rounded-full bg-brand-500 px-2 py-0.5 text-xs text-white" aria-label={`${unread} unread`}>
              {unread > 99 ? "99+" : unread}
            </span>
          )}
        </Link>
        <div className="border-t border-slate-800 px-3 pt-4">
          <p className="truncate text-sm font-medium text-white" data-testid="current-user">
            {ctx.name}
          </p>
          <p className="truncate text-xs text-slate-300">
            {roleLabel}
            {company ? ` · ${company}` : ""}
          </p>
          <div className="mt-2">
            <SignOutButton />
          </div>
        </div>
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex items-center justify-between border-b border-slate-200 bg-white px-4 py-3 md:hidden">
          <Link href={HOME[ctx.role]} className="font-semibold">
            Accord
          </Link>
          <details className="relative">
            <summary className="cursor-pointer list-none rounded-md px-2 py-1 text-sm ring-1 ring-slate-300">
              Menu
            </summary>
            <div className="absolute right-0 z-10 mt-2 w-56 rounded-md bg-slate-900 p-2 shadow-lg">
              <NavLinks items={NAV[ctx.role]} />
              <div className="mt-2 border-t border-slate-700 px-3 pt-2">
                <SignOutButton />
              </div>
            </div>
          </details>
        </header>
        <main id="main" className="mx-auto w-full max-w-7xl flex-1 px-4 py-6 md:px-8">
          {children}
        </main>
      </div>
    </div>
  );
}
