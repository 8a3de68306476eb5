import Link from "next/link";
import { cn } from "./cn";

export type Variant = "primary" | "secondary" | "ghost" | "danger" | "link" | "link-danger";

const VARIANTS: Record<Variant, string> = {
  primary: "bg-brand-600 text-white hover:bg-brand-700 disabled:bg-brand-600/60",
  secondary: "bg-white text-slate-800 ring-1 ring-inset ring-slate-300 hover:bg-slate-50",
  ghost: "text-slate-700 hover:bg-slate-100",
  danger: "bg-red-600 text-white hover:bg-red-700",
  // inline actions in table rows: text that looks like a link but is a button
  link: "text-brand-700 hover:underline disabled:opacity-60",
  "link-danger": "text-red-700 hover:underline disabled:opacity-60",
};

const BASE =
  "inline-flex items-center justify-center gap-2 rounded-md text-sm font-medium transition-colors disabled:cursor-not-allowed";
const PADDING = "px-3 py-2";

function classes(variant: Variant, className: string | undefined) {
  return cn(BASE, !variant.startsWith("link") && PADDING, VARIANTS[variant], className);
}

export function Button({
  variant = "primary",
  className,
  ...props
}: React.ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant }) {
  return <button className={classes(variant, className)} {...props} />;
}

export function ButtonLink({
  variant = "secondary",
  className,
  ...props
}: React.ComponentProps<typeof Link> & { variant?: Variant }) {
  return <Link className={classes(variant, className)} {...props} />;
}
