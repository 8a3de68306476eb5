"use client";
// The forecast's trend across a quarter (lib/db/forecast-snapshots.ts, one point per weekly snapshot):
// expected and closed won as lines over the 80 % band as a shaded range. The SVG is decorative for screen
// readers; the forecast page shows the same snapshots as a table. Colours: the Okabe–Ito palette.
import { Area, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatMoney } from "@/lib/format";

/** One weekly snapshot, money in cents. */
export type ForecastTrendPoint = { label: string; closedWon: number; expected: number; low: number; high: number };

export function ForecastTrendChart({
  data,
  currency,
  label,
  height = 260,
}: {
  data: ForecastTrendPoint[];
  currency: string;
  label: string;
  height?: number;
}) {
  const money = (v: number, compact = false) => formatMoney(v, currency, undefined, { compact });
  const rows = data.map((d) => ({ ...d, band: [d.low, d.high] as [number, number] }));
  return (
    <figure>
      <div aria-hidden style={{ height }}>
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart accessibilityLayer={false} data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
            <XAxis dataKey="label" tick={{ fontSize: 12, fill: "#475569" }} tickLine={false} />
            <YAxis
              tickFormatter={(v: number) => money(v, true)}
              tick={{ fontSize: 12, fill: "#475569" }}
              tickLine={false}
              axisLine={false}
              width={72}
            />
            <Tooltip
              formatter={(v, name) => [
                Array.isArray(v) ? `${money(Number(v[0]))} – ${money(Number(v[1]))}` : money(Number(v)),
                name,
              ]}
            />
            <Legend />
            <Area
              dataKey="band"
              name="80 % band"
              stroke="none"
              fill="#56B4E9"
              fillOpacity={0.3}
              isAnimationActive={false}
            />
            <Line
              dataKey="expected"
              name="Expected"
              stroke="#0072B2"
              strokeWidth={2}
              dot={{ r: 3 }}
              isAnimationActive={false}
            />
            <Line
              dataKey="closedWon"
              name="Closed won"
              stroke="#009E73"
              strokeWidth={2}
              dot={{ r: 3 }}
              isAnimationActive={false}
            />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="sr-only">{label}</figcaption>
    </figure>
  );
}
