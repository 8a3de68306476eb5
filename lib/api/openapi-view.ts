// The API documentation page (app/(app)/api-docs) as plain data: the OpenAPI document of
// lib/api/openapi.ts grouped into operations per tag (an operation without tags is filed under the
// resource its path names, /api/v1/<resource>/…), with parameters, request body and responses, and
// the named schemas as property lists. Pure.
type Json = Record<string, unknown>;

type ParamView = { name: string; in: string; required: boolean; type: string; description: string };
export type PropertyView = { name: string; type: string; required: boolean; description: string };
type OperationView = {
  id: string;
  method: string;
  path: string;
  summary: string;
  description: string;
  parameters: ParamView[];
  body: { type: string; properties: PropertyView[] } | null;
  responses: { status: string; description: string }[];
};
export type TagView = { tag: string; operations: OperationView[] };
export type SchemaView = { name: string; properties: PropertyView[]; type: string };

const METHODS = ["get", "post", "put", "patch", "delete"] as const;

const obj = (v: unknown): Json => (v && typeof v === "object" && !Array.isArray(v) ? (v as Json) : {});
const str = (v: unknown): string => (typeof v === "string" ? v : "");

/** A short human type: "string", "integer[]", "one of A, B", a schema name for a $ref. */
export function typeOf(schema: unknown): string {
  const s = obj(schema);
  if (typeof s.$ref === "string") return s.$ref.split("/").pop()!;
  if (Array.isArray(s.enum)) return `one of ${s.enum.map(String).join(", ")}`;
  if ("const" in s) return JSON.stringify(s.const);
  const union = (s.anyOf ?? s.oneOf) as unknown[] | undefined;
  if (Array.isArray(union)) return union.map(typeOf).join(" or ");
  if (s.type === "array") return `${typeOf(s.items)}[]`;
  if (Array.isArray(s.type)) return s.type.join(" or ");
  return str(s.type) || "any";
}

function propertiesOf(schema: unknown): PropertyView[] {
  const s = obj(schema);
  const required = new Set(Array.isArray(s.required) ? s.required.map(String) : []);
  return Object.entries(obj(s.properties)).map(([name, p]) => ({
    name,
    type: typeOf(p),
    required: required.has(name),
    description: str(obj(p).description),
  }));
}

function tagOf(path: string, op: Json): string {
  const tags = op.tags;
  if (Array.isArray(tags) && typeof tags[0] === "string") return tags[0];
  const m = /^\/api\/(?:v1\/)?([^/]+)/.exec(path);
  return m ? m[1].replace(/-/g, " ").replace(/^./, (c) => c.toUpperCase()) : "Other";
}

export function openApiView(doc: unknown): {
  title: string;
  description: string;
  tags: TagView[];
  schemas: SchemaView[];
} {
  const d = obj(doc);
  const tags = new Map<string, OperationView[]>();
  for (const [path, item] of Object.entries(obj(d.paths))) {
    for (const method of METHODS) {
      const op = obj(obj(item)[method]);
      if (Object.keys(op).length === 0) continue;
      const bodySchema = obj(obj(obj(obj(op.requestBody).content)["application/json"]).schema);
      const view: OperationView = {
        id: `${method}-${path}`.replace(/[^A-Za-z0-9]+/g, "-"),
        method: method.toUpperCase(),
        path,
        summary: str(op.summary),
        description: str(op.description),
        parameters: (Array.isArray(op.parameters) ? op.parameters : []).map((p) => {
          const param = obj(p);
          return {
            name: str(param.name),
            in: str(param.in),
            required: param.required === true,
            type: typeOf(param.schema),
            description: str(param.description) || str(obj(param.schema).description),
          };
        }),
        body: Object.keys(bodySchema).length
          ? { type: typeOf(bodySchema), properties: propertiesOf(bodySchema) }
          : null,
        responses: Object.entries(obj(op.responses)).map(([status, r]) => ({
          status,
          description: str(obj(r).description) || (str(obj(r).$ref) ? "Too many requests" : ""),
        })),
      };
      const tag = tagOf(path, op);
      tags.set(tag, [...(tags.get(tag) ?? []), view]);
    }
  }
  const info = obj(d.info);
  return {
    title: str(info.title),
    description: str(info.description),
    tags: [...tags.entries()]
      .map(([tag, operations]) => ({ tag, operations }))
      .sort((a, b) => a.tag.localeCompare(b.tag)),
    schemas: Object.entries(obj(obj(d.components).schemas)).map(([name, s]) => ({
      name,
      type: typeOf(s),
      properties: propertiesOf(s),
    })),
  };
}
