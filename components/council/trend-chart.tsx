"use client";
// The council's trend: one line per series over the trailing months. Colours from the Okabe–Ito
// palette (distinguishable with the common colour-vision deficiencies), with distinct dash patterns
// too; the numbers follow as a table for screen readers. Callers pass plain arrays and a unit.
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { Unit } from "@/lib/council";
import { formatMetric } from "./format";

export type Series = { key: string; label: string; values: (number | null)[] };

const COLORS = ["#0072B2", "#D55E00", "#009E73", "#CC79A7"];
const DASHES = ["", "6 3", "2 2", "8 3 2 3"];

export function TrendChart({
  title,
  months,
  series,
  unit,
  currency,
  locale,
}: {
  title: string;
  months: string[];
  series: Series[];
  unit: Unit;
  currency: string;
  locale: string;
}) {
  const data = months.map((m, i) => ({ month: m, ...Object.fromEntries(series.map((s) => [s.key, s.values[i]])) }));
  const fmt = (v: number | null, compact = false) => formatMetric(v, unit, currency, locale, { compact });
  return (
    <figure>
      <div aria-hidden className="h-56">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 12, bottom: 4, left: 4 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
            <XAxis dataKey="month" tick={{ fontSize: 11, fill: "#475569" }} tickLine={false} />
            <YAxis
              tickFormatter={(v: number) => fmt(v, true)}
              tick={{ fontSize: 11, fill: "#475569" }}
              tickLine={false}
              axisLine={false}
              width={64}
            />
            <Tooltip formatter={(v, name) => [fmt(v === null || v === undefined ? null : Number(v)), name]} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            {series.map((s, i) => (
              <Line
                key={s.key}
                dataKey={s.key}
                name={s.label}
                stroke={COLORS[i % COLORS.length]}
                strokeDasharray={DASHES[i % DASHES.length]}
                strokeWidth={2}
                dot={{ r: 2 }}
                connectNulls
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="sr-only">
        <table>
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">Month</th>
              {series.map((s) => (
                <th key={s.key} scope="col">
                  {s.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {months.map((m, i) => (
              <tr key={m}>
                <th scope="row">{m}</th>
                {series.map((s) => (
                  <td key={s.key}>{fmt(s.values[i])}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </figcaption>
    </figure>
  );
}
