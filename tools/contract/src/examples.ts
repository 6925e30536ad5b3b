import { firstExample, type LoadedSpec, resolvedSchema, type Schema } from "@signhub/codegen";

type MediaType = { example?: unknown; examples?: Record<string, unknown>; schema?: unknown } | null;

/**
 * The JSON example a mock answers with for one response: the first of `examples`, else `example`, with
 * `$ref`s inside a value resolved as Prism resolves them. `json` says whether the response has a JSON body
 * at all; `schema` is that body's schema (without an example, the mock makes a body up from it).
 */
export function firstJsonExample(spec: LoadedSpec, response: unknown, where = "response"): { json: boolean; found: boolean; value?: unknown; schema?: Schema } {
  const content = (spec.deref(response) as { content?: Record<string, MediaType> } | null)?.content ?? {};
  const entry = Object.entries(content).find(([type]) => /^application\/(.+\+)?json\b/.test(type));
  if (!entry) return { json: false, found: false };
  const [type, media] = entry;
  const schema = media?.schema === undefined ? undefined : resolvedSchema(spec, media.schema);
  return { json: true, ...firstExample(spec, media, `${where} (${type})`), ...(schema ? { schema } : {}) };
}

/**
 * The JSON type a schema gives its values (`"integer"` counts as `"number"`), or `undefined` when it says
 * none or several (`oneOf`, a list of types): then any JSON value will do.
 */
export function jsonTypeOf(schema: Schema | undefined): { type: "object" | "array" | "string" | "number" | "boolean" | "null"; nullable: boolean } | undefined {
  if (!schema) return undefined;
  const listed = (Array.isArray(schema.type) ? schema.type : schema.type === undefined ? [] : [schema.type]) as string[];
  const nullable = schema.nullable === true || listed.includes("null");
  const types = [...new Set(listed.filter((type) => type !== "null").map((type) => (type === "integer" ? "number" : type)))];
  if (types.length === 0 && !schema.oneOf && !schema.anyOf && (schema.properties || schema.additionalProperties)) return { type: "object", nullable };
  if (types.length !== 1) return undefined;
  return { type: types[0] as "object", nullable };
}
