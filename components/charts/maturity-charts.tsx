"use client";
// Maturity charts over plain arrays (lib/db/maturity.ts): a radar of one assessment's dimension
// scores and a line per framework across quarters. The SVG is decorative for screen readers; the
// pages show the same numbers as tables. Colours: the Okabe–Ito palette (colour-blind safe).
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  PolarAngleAxis,
  PolarGrid,
  PolarRadiusAxis,
  Radar,
  RadarChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";

const SERIES_COLORS = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00"];

export function ScoreRadar({ data, label }: { data: { label: string; score: number }[]; label: string }) {
  return (
    <figure>
      <div aria-hidden style={{ height: 260 }}>
        <ResponsiveContainer width="100%" height="100%">
          <RadarChart
            accessibilityLayer={false}
            data={data}
            outerRadius="58%"
            margin={{ top: 8, right: 40, bottom: 8, left: 40 }}
          >
            <PolarGrid stroke="#cbd5e1" />
            <PolarAngleAxis dataKey="label" tick={{ fontSize: 10, fill: "#334155" }} />
            <PolarRadiusAxis domain={[0, 5]} tickCount={6} tick={{ fontSize: 10, fill: "#64748b" }} />
            <Radar
              dataKey="score"
              stroke={SERIES_COLORS[0]}
              fill={SERIES_COLORS[0]}
              fillOpacity={0.3}
              isAnimationActive={false}
            />
            <Tooltip />
          </RadarChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="sr-only">
        {label}: {data.map((d) => `${d.label} ${d.score} of 5`).join("; ")}
      </figcaption>
    </figure>
  );
}

export type TrendSeries = { key: string; label: string };

export function ScoreTrend({
  data,
  series,
  label,
}: {
  /** one row per quarter: { period, [series key]: score } */
  data: Record<string, string | number | null>[];
  series: TrendSeries[];
  label: string;
}) {
  return (
    <figure>
      <div aria-hidden style={{ height: 260 }}>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
            <XAxis dataKey="period" tick={{ fontSize: 12, fill: "#475569" }} />
            <YAxis domain={[1, 5]} tickCount={5} tick={{ fontSize: 12, fill: "#475569" }} width={32} />
            <Tooltip />
            <Legend />
            {series.map((s, i) => (
              <Line
                key={s.key}
                dataKey={s.key}
                name={s.label}
                stroke={SERIES_COLORS[i % SERIES_COLORS.length]}
                strokeWidth={2}
                connectNulls
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="sr-only">{label}</figcaption>
    </figure>
  );
}
