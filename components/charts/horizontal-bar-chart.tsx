"use client";
// Horizontal bars over plain arrays, for categories with long names (rule names, regions) that a
// vertical chart's axis cannot fit. Like SimpleBarChart (bar-chart.tsx) the SVG is hidden from
// screen readers: callers show the same numbers in a table beside it. Recharts' keyboard layer is
// off, because it makes the hidden SVG focusable (axe aria-hidden-focus).
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatMoney, formatNumber } from "@/lib/format";
import type { BarDatum } from "./bar-chart";

const COLOR = "#2552e6"; // brand-600
const ROW_PX = 28;

export function HorizontalBarChart({
  data,
  label,
  unit = "count",
}: {
  data: BarDatum[];
  label: string;
  /** "cents": money axis and tooltip (the discount-leakage report); counts by default */
  unit?: "count" | "cents";
}) {
  const format = (v: number, compact = false) =>
    unit === "cents" ? formatMoney(v, "USD", undefined, { compact }) : formatNumber(v);
  return (
    <div aria-hidden style={{ height: Math.max(2, data.length) * ROW_PX + 32 }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart
          data={data}
          layout="vertical"
          margin={{ top: 4, right: 16, bottom: 4, left: 4 }}
          accessibilityLayer={false}
        >
          <CartesianGrid strokeDasharray="3 3" horizontal={false} stroke="#e2e8f0" />
          <XAxis
            type="number"
            allowDecimals={false}
            tickFormatter={(v: number) => format(v, true)}
            tick={{ fontSize: 12, fill: "#475569" }}
            tickLine={false}
            axisLine={{ stroke: "#cbd5e1" }}
          />
          <YAxis
            type="category"
            dataKey="label"
            width={160}
            interval={0}
            tick={{ fontSize: 12, fill: "#334155" }}
            tickLine={false}
            axisLine={false}
          />
          <Tooltip cursor={{ fill: "#f1f5f9" }} formatter={(v) => [format(Number(v)), label]} />
          <Bar dataKey="value" fill={COLOR} radius={[0, 4, 4, 0]} isAnimationActive={false} barSize={16} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
