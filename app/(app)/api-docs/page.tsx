import type { Metadata } from "next";
import { headers } from "next/headers";
import { Card, PageHeader } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { openApiDocument } from "@/lib/api/openapi";
import { openApiView, type PropertyView } from "@/lib/api/openapi-view";
import { pageContext } from "@/lib/auth/page";

export const metadata: Metadata = { title: "API documentation" };

const METHOD_TONE: Record<string, string> = {
  GET: "bg-sky-100 text-sky-900",
  POST: "bg-green-100 text-green-900",
  PUT: "bg-amber-100 text-amber-900",
  PATCH: "bg-amber-100 text-amber-900",
  DELETE: "bg-red-100 text-red-900",
};

function Properties({ caption, rows }: { caption: string; rows: PropertyView[] }) {
  if (rows.length === 0) return null;
  return (
    <table className="mt-2 w-full text-left text-xs">
      <caption className="sr-only">{caption}</caption>
      <thead className="text-slate-600">
        <tr>
          <th scope="col" className="py-1 pr-3 font-semibold">
            Name
          </th>
          <th scope="col" className="py-1 pr-3 font-semibold">
            Type
          </th>
          <th scope="col" className="py-1 font-semibold">
            Description
          </th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((r) => (
          <tr key={r.name}>
            <td className="py-1 pr-3 align-top font-mono text-slate-900">
              {r.name}
              {r.required && <span className="ml-1 font-sans text-red-700">required</span>}
            </td>
            <td className="py-1 pr-3 align-top font-mono text-slate-700">{r.type}</td>
            <td className="py-1 align-top text-slate-700">{r.description}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export default async function ApiDocsPage() {
  await pageContext();
  const h = await headers();
  const origin = `${h.get("x-forwarded-proto") ?? "http"}://${h.get("host") ?? "localhost"}`;
  const view = openApiView(openApiDocument(origin));
  return (
    <>
      <PageHeader
        title="API documentation"
        description={
          <>
            {view.description} The machine-readable document is at{" "}
            <a href="/api/openapi.json" className="font-medium text-brand-700 underline">
              /api/openapi.json
            </a>
            .
          </>
        }
      />
      <nav aria-label="API sections" className="mb-6 flex flex-wrap gap-2 text-sm">
        {view.tags.map((t) => (
          <a
            key={t.tag}
            href={`#tag-${t.tag.replace(/\W+/g, "-")}`}
            className="rounded-md bg-white px-2 py-1 text-brand-700 ring-1 ring-slate-200 hover:underline"
          >
            {t.tag} ({t.operations.length})
          </a>
        ))}
        <a
          href="#schemas"
          className="rounded-md bg-white px-2 py-1 text-brand-700 ring-1 ring-slate-200 hover:underline"
        >
          Schemas
        </a>
      </nav>
      <div className="space-y-6">
        {view.tags.map((t) => (
          <section key={t.tag} id={`tag-${t.tag.replace(/\W+/g, "-")}`} aria-labelledby={`h-${t.tag}`}>
            <h2 id={`h-${t.tag}`} className="mb-2 text-lg font-semibold text-slate-900">
              {t.tag}
            </h2>
            <div className="space-y-3">
              {t.operations.map((o) => (
                <Card key={o.id}>
                  <h3 className="flex flex-wrap items-baseline gap-2 text-sm">
                    <span
                      className={cn("rounded px-1.5 py-0.5 font-mono text-xs font-semibold", METHOD_TONE[o.method])}
                    >
                      {o.method}
                    </span>
                    <code className="font-mono text-slate-900">{o.path}</code>
                    <span className="text-slate-700">{o.summary}</span>
                  </h3>
                  {o.description && <p className="mt-1 text-sm text-slate-600">{o.description}</p>}
                  {o.parameters.length > 0 && (
                    <Properties
                      caption={`Parameters of ${o.method} ${o.path}`}
                      rows={o.parameters.map((p) => ({
                        name: `${p.name} (${p.in})`,
                        type: p.type,
                        required: p.required,
                        description: p.description,
                      }))}
                    />
                  )}
                  {o.body && (
                    <div className="mt-2">
                      <p className="text-xs font-semibold text-slate-700">Request body: {o.body.type}</p>
                      <Properties caption={`Request body of ${o.method} ${o.path}`} rows={o.body.properties} />
                    </div>
                  )}
                  <p className="mt-2 text-xs text-slate-600">
                    Responses:{" "}
                    {o.responses.map((r, i) => (
                      <span key={r.status}>
                        {i > 0 && " · "}
                        <span className="font-mono font-semibold">{r.status}</span> {r.description}
                      </span>
                    ))}
                  </p>
                </Card>
              ))}
            </div>
          </section>
        ))}
        <section id="schemas" aria-labelledby="h-schemas">
          <h2 id="h-schemas" className="mb-2 text-lg font-semibold text-slate-900">
            Schemas
          </h2>
          <div className="grid gap-3 lg:grid-cols-2">
            {view.schemas.map((s) => (
              <Card key={s.name} title={s.name}>
                <p className="text-xs text-slate-600">Type: {s.type}</p>
                <Properties caption={`Properties of ${s.name}`} rows={s.properties} />
              </Card>
            ))}
          </div>
        </section>
      </div>
    </>
  );
}
