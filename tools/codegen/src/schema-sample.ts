import { sample } from "openapi-sampler";
import type { LoadedSpec } from "./read-spec.js";

/** A schema node (as much of it as sampling reads). */
export type Schema = Record<string, unknown>;

/** How deep `$ref`s to other files are followed before a branch is cut (a schema may refer to itself). */
const MAX_FILE_REF_DEPTH = 8;

/** Each spec's document as openapi-sampler reads it: discriminators pinned (`pinDiscriminators`). */
const samplingDocs = new WeakMap<LoadedSpec, Record<string, unknown>>();

/**
 * A valid value of a schema, as Redoc samples one (openapi-sampler): its examples, defaults and enums
 * first, formats honoured (`email`, `date-time`, `uuid`…). For a request, readOnly properties are left out
 * and optional ones too (the fewer values made up, the fewer a mock can refuse). A discriminated
 * `oneOf`/`anyOf` is its first member, its discriminator property set to the value selecting that member.
 */
export function schemaSample(spec: LoadedSpec, schema: unknown, use: "request" | "response"): unknown {
  const doc = samplingDocs.get(spec) ?? (pinDiscriminators(spec.doc) as Record<string, unknown>);
  samplingDocs.set(spec, doc);
  return sample(
    inlineFileRefs(spec, schema, 0) as never,
    { skipReadOnly: use === "request", skipWriteOnly: use === "response", skipNonRequired: use === "request", enablePatterns: true, quiet: true },
    doc,
  );
}

type Discriminator = { propertyName: string; mapping?: Record<string, string> };

/**
 * A copy of a document with its discriminators pinned for sampling: a schema with a discriminated
 * `oneOf`/`anyOf` (`pinned`), and a component schema extending a discriminated base through `allOf`,
 * require the discriminator property with the value that selects them.
 */
function pinDiscriminators(doc: Record<string, unknown>): unknown {
  const copy = pinEach(doc) as { components?: { schemas?: Record<string, Schema> } };
  const schemas = copy.components?.schemas ?? {};
  for (const [name, schema] of Object.entries(schemas)) {
    const parts = Array.isArray(schema?.allOf) ? (schema.allOf as Schema[]) : [];
    const values = parts.flatMap((part) => {
      const ref = typeof part?.$ref === "string" && part.$ref.startsWith("#/components/schemas/") ? part.$ref : undefined;
      const base = ref ? schemas[ref.split("/").pop()!] : undefined;
      const discriminator = discriminatorOf(base);
      return discriminator && !base?.oneOf && !base?.anyOf ? [valueSchema(discriminator, `#/components/schemas/${name}`)] : [];
    });
    if (values.length) schema.allOf = [...parts, ...values];
  }
  return copy;
}

function pinEach(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(pinEach);
  if (typeof node !== "object" || node === null) return node;
  return Object.fromEntries(Object.entries(pinned(node as Schema)).map(([key, item]) => [key, pinEach(item)]));
}

/**
 * A schema with a discriminated `oneOf`/`anyOf` as its first member alone, which also requires the
 * discriminator property to be the `mapping` key naming that member's `$ref`, else the last segment of
 * the `$ref` (OpenAPI 3.1 §4.8.25); any other schema as it is.
 */
function pinned(schema: Schema): Schema {
  const discriminator = discriminatorOf(schema);
  // openapi-sampler samples `oneOf` over `anyOf` at one level.
  const key = Array.isArray(schema.oneOf) && schema.oneOf.length ? "oneOf" : Array.isArray(schema.anyOf) && schema.anyOf.length ? "anyOf" : undefined;
  const first = key ? (schema[key] as Schema[])[0] : undefined;
  if (!discriminator || !key || typeof first?.$ref !== "string") return schema;
  return { ...schema, [key]: [{ allOf: [first, valueSchema(discriminator, first.$ref)] }] };
}

function discriminatorOf(schema: Schema | undefined): Discriminator | undefined {
  const discriminator = schema?.discriminator as Discriminator | undefined;
  return typeof discriminator?.propertyName === "string" ? discriminator : undefined;
}

/** A schema requiring the discriminator property to be the value that selects the schema `ref` points at. */
function valueSchema({ propertyName, mapping = {} }: Discriminator, ref: string): Schema {
  const name = ref.split("/").pop()!;
  const value = Object.keys(mapping).find((key) => mapping[key] === ref || mapping[key] === name) ?? name;
  return { type: "object", required: [propertyName], properties: { [propertyName]: { enum: [value] } } };
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
  // Pinned before its members' `$ref`s are inlined: a member's name is in its `$ref`.
  return Object.fromEntries(Object.entries(pinned(node as Schema)).map(([key, item]) => [key, inlineFileRefs(spec, item, depth)]));
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
