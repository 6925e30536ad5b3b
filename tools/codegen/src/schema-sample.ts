import { Ajv, type ValidateFunction } from "ajv";
import { Ajv2020 } from "ajv/dist/2020.js";
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

/**
 * A sample of a schema that the schema accepts, as a mock validating with Ajv (as Prism does, without
 * OpenAPI's `discriminator`) would: {@link schemaSample}, else, for a `oneOf`/`anyOf` whose first member's
 * sample matches several members (members that overlap, told apart by a discriminator alone), the sample of
 * the first member that the schema accepts. The plain sample when none is accepted.
 */
export function acceptedSample(spec: LoadedSpec, schema: unknown, use: "request" | "response"): unknown {
  const first = schemaSample(spec, schema, use);
  const accepts = validatorOf(spec, schema);
  if (accepts === undefined || accepts(first)) return first;
  const resolved = spec.deref(schema) as Schema | undefined;
  const key = Array.isArray(resolved?.oneOf) ? "oneOf" : Array.isArray(resolved?.anyOf) ? "anyOf" : undefined;
  if (!resolved || !key) return first;
  for (const member of (resolved[key] as unknown[]).slice(1)) {
    const candidate = schemaSample(spec, { ...resolved, [key]: [member] }, use);
    if (accepts(candidate)) return candidate;
  }
  return first;
}

const validators = new WeakMap<LoadedSpec, { ajv: Ajv; compiled: Map<unknown, ValidateFunction | undefined> }>();

/** Ajv's validator of a schema of the spec (its local `$ref`s resolved in the document's components); undefined when Ajv cannot compile it. */
function validatorOf(spec: LoadedSpec, schema: unknown): ValidateFunction | undefined {
  let entry = validators.get(spec);
  if (!entry) {
    const options = { strict: false, validateFormats: false, allErrors: false, logger: false } as const;
    const ajv = typeof spec.doc.openapi === "string" && spec.doc.openapi.startsWith("3.1") ? new Ajv2020(options) : new Ajv(options);
    entry = { ajv, compiled: new Map() };
    validators.set(spec, entry);
  }
  if (!entry.compiled.has(schema)) {
    let validate: ValidateFunction | undefined;
    try {
      // The components beside the schema, so that its `#/components/…` pointers resolve as in the document.
      const root = { ...(inlineFileRefs(spec, schema, 0, false) as object), components: spec.doc.components };
      validate = entry.ajv.compile(root);
    } catch {
      validate = undefined;
    }
    entry.compiled.set(schema, validate);
  }
  return entry.compiled.get(schema);
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
 * Discriminated `oneOf`/`anyOf` are pinned to their first member unless `pin` is false.
 */
export function inlineFileRefs(spec: LoadedSpec, node: unknown, depth: number, pin = true): unknown {
  if (Array.isArray(node)) return node.map((item) => inlineFileRefs(spec, item, depth, pin));
  if (typeof node !== "object" || node === null) return node;
  const ref = (node as { $ref?: unknown }).$ref;
  if (typeof ref === "string" && !ref.startsWith("#")) return depth >= MAX_FILE_REF_DEPTH ? {} : inlineFileRefs(spec, spec.deref(node), depth + 1, pin);
  // Pinned (for sampling) before its members' `$ref`s are inlined: a member's name is in its `$ref`.
  return Object.fromEntries(
    Object.entries(pin ? pinned(node as Schema) : (node as Schema)).map(([key, item]) => [key, inlineFileRefs(spec, item, depth, pin)]),
  );
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
