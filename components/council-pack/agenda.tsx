// The auto agenda (lib/council-pack buildAgenda): each item with its figure linking to exactly what
// it counts, and its sub-points (rules, maturity dimensions) with their own lists.
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { AgendaItem } from "@/lib/council-pack";

function Figure({ text, href }: { text: string; href: string | null }) {
  return href ? (
    <Link href={href} className="font-semibold tabular-nums text-blue-700 underline">
      {text}
    </Link>
  ) : (
    <span className="font-semibold tabular-nums">{text}</span>
  );
}

export function Agenda({ items }: { items: AgendaItem[] }) {
  return (
    <ol className="space-y-4">
      {items.map((item, i) => (
        <li key={item.key} className="text-sm">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h3 className="font-medium text-slate-900">
              {i + 1}. {item.title}
              {item.attention && (
                <Badge tone="amber" className="ml-2">
                  Discuss
                </Badge>
              )}
            </h3>
            <Figure text={item.figure} href={item.href} />
          </div>
          <p className="text-slate-600">{item.detail}</p>
          {item.points.length > 0 && (
            <ul className="mt-1 space-y-0.5 pl-4">
              {item.points.map((p) => (
                <li key={p.label} className="flex justify-between gap-2 text-slate-700">
                  <span>{p.label}</span>
                  <Figure text={p.figure} href={p.href} />
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}
