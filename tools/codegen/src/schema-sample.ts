import { sample } from "openapi-sampler";
import type { LoadedSpec } from "./read-spec.js";

/** A schema node (as much of it as sampling reads). */
export type Schema = Record<string, unknown>;

/** How deep `$ref`s to other files are followed before a branch is cut (a schema may refer to itself). */
const MAX_FILE_REF_DEPTH = 8;

/**
 * A valid value of a schema, as Redoc samples one (openapi-sampler): its examples, defaults and enums
 * first, formats honoured (`email`, `date-time`, `uuid`…). For a request, readOnly properties are left out
 * and optional ones too (the fewer values made up, the fewer a mock can refuse).
 */
export function schemaSample(spec: LoadedSpec, schema: unknown, use: "request" | "response"): unknown {
  return sample(
    inlineFileRefs(spec, schema, 0) as never,
    { skipReadOnly: use === "request", skipWriteOnly: use === "response", skipNonRequired: use === "request", enablePatterns: true, quiet: true },
    spec.doc,
  );
}

/**
 * The schema with `$ref`s to other files replaced by what they point at: openapi-sampler resolves only
 * pointers into the document it is given. Local pointers are left to it (it stops at cycles itself).
 */
export function inlineFileRefs(spec: LoadedSpec, node: unknown, depth: number): unknown {
  if (Array.isArray(node)) return node.map((item) => inlineFileRefs(spec, item, depth));
  if (typeof node !== "object" || node === null) return node;
  const ref = (node as { $ref?: unknown }).$ref;
  if (typeof ref === "string" && !ref.startsWith("#")) return depth >= MAX_FILE_REF_DEPTH ? {} : inlineFileRefs(spec, spec.deref(node), depth + 1);
  return Object.fromEntries(Object.entries(node).map(([key, item]) => [key, inlineFileRefs(spec, item, depth)]));
}

/** The schema a `$ref` (local or to another file) points at, `allOf` parts merged shallowly: enough to find properties and formats. */
export function resolvedSchema(spec: LoadedSpec, schema: unknown): Schema {
  const node = (spec.deref(schema ?? {}) ?? {}) as Schema;
  const parts = Array.isArray(node.allOf) ? node.allOf.map((part) => resolvedSchema(spec, part)) : [];
  if (!parts.length) return node;
  const properties = Object.assign({}, ...parts.map((part) => part.properties ?? {}), node.properties ?? {});
  return { ...Object.assign({}, ...parts), ...node, properties };
}

/** Whether a schema is a string of bytes (`format: binary`, or 3.1's `contentMediaType` without `contentEncoding`): a `Blob` in the generated types. */
export function isBinarySchema(schema: Schema): boolean {
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  if (!types.includes("string")) return false;
  return schema.format === "binary" || (schema.contentMediaType !== undefined && schema.contentEncoding === undefined);
}
