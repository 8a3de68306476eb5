// Horizontal bars drawn with divs: enough for a handful of categories, no chart library, and the
// numbers stay readable text for screen readers (the bars themselves are decorative).
import Link from "next/link";

export type Bar = { key: string; label: React.ReactNode; value: number; display: string; href?: string };

export function BarList({ bars, label }: { bars: Bar[]; label: string }) {
  const max = Math.max(0, ...bars.map((b) => b.value));
  return (
    <ul className="space-y-3" aria-label={label}>
      {bars.map((b) => (
        <li key={b.key} className="text-sm">
          <div className="mb-1 flex items-baseline justify-between gap-3">
            {b.href ? (
              <Link href={b.href} className="text-slate-700 hover:underline">
                {b.label}
              </Link>
            ) : (
              <span className="text-slate-700">{b.label}</span>
            )}
            <span className="font-medium tabular-nums text-slate-900">{b.display}</span>
          </div>
          <div aria-hidden className="h-2 rounded-full bg-slate-100">
            <div
              className="h-2 rounded-full bg-brand-600"
              style={{ width: `${max > 0 ? Math.max(1, Math.round((b.value / max) * 100)) : 0}%` }}
            />
          </div>
        </li>
      ))}
    </ul>
  );
}
