"use client";
// A vertical bar chart over plain arrays. Recharts draws SVG only in the browser, hence the client
// boundary; callers pass numbers and labels, never functions, so server pages can use it too.
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatMoney, formatNumber } from "@/lib/format";

export type BarDatum = { key: string; label: string; value: number; color?: string };

const DEFAULT_COLOR = "#2552e6"; // brand-600

export function SimpleBarChart({
  data,
  unit,
  label,
  height = 240,
}: {
  data: BarDatum[];
  unit: "cents" | "count";
  label: string;
  height?: number;
}) {
  const format = (v: number, compact = false) =>
    unit === "cents" ? formatMoney(v, "USD", undefined, { compact }) : formatNumber(v);
  return (
    <figure>
      {/* The SVG is decorative for screen readers; the same numbers follow as text. */}
      <div aria-hidden style={{ height }}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
            <XAxis
              dataKey="label"
              tick={{ fontSize: 12, fill: "#475569" }}
              tickLine={false}
              axisLine={{ stroke: "#cbd5e1" }}
              interval={0}
            />
            <YAxis
              tickFormatter={(v: number) => format(v, true)}
              tick={{ fontSize: 12, fill: "#475569" }}
              tickLine={false}
              axisLine={false}
              width={72}
            />
            <Tooltip cursor={{ fill: "#f1f5f9" }} formatter={(v) => [format(Number(v)), label]} />
            <Bar dataKey="value" radius={[4, 4, 0, 0]} isAnimationActive={false}>
              {data.map((d) => (
                <Cell key={d.key} fill={d.color ?? DEFAULT_COLOR} />
              ))}
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="sr-only">
        {label}: {data.map((d) => `${d.label} ${format(d.value)}`).join("; ")}
      </figcaption>
    </figure>
  );
}
