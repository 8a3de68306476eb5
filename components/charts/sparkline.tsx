"use client";
// A small line over a few values (a partner's last quarters in the scorecard table). The SVG is
// decorative for screen readers: the caption carries the same values as text.
import { Line, LineChart, ResponsiveContainer } from "recharts";

export function Sparkline({ values, label }: { values: number[]; label: string }) {
  const data = values.map((v, i) => ({ i, v }));
  return (
    <figure className="inline-block">
      <div aria-hidden style={{ width: 96, height: 28 }}>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart accessibilityLayer={false} data={data} margin={{ top: 2, right: 2, bottom: 2, left: 2 }}>
            <Line dataKey="v" stroke="#0072B2" strokeWidth={2} dot={false} isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="sr-only">{label}</figcaption>
    </figure>
  );
}
