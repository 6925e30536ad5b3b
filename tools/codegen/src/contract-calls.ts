import { firstExample } from "./example-value.js";
import type { OperationEntry } from "./operations.js";
import type { LoadedSpec } from "./read-spec.js";
import { acceptedSample, isBinarySchema, resolvedSchema, type Schema, schemaSample } from "./schema-sample.js";

type Parameter = {
  name: string;
  in: string;
  required?: boolean;
  example?: unknown;
  examples?: Record<string, unknown>;
  schema?: unknown;
  content?: Record<string, MediaType>;
};
type MediaType = { example?: unknown; examples?: Record<string, unknown>; schema?: unknown } | null;

/** Bytes in a generated call: written as `new Blob([…])`. */
class BlobSource {
  readonly text: string;
  readonly type: string | undefined;
  constructor(text: string, type: string | undefined) {
    this.text = text;
    this.type = type;
  }
}

/**
 * A value from the spec's own examples: data the mock checks, which the compiler cannot (a vendor's example
 * may carry a readOnly or undocumented property). Written `as never`, so the call compiles whatever it holds.
 */
class ExampleSource {
  readonly value: unknown;
  constructor(value: unknown) {
    this.value = value;
  }
}

/**
 * A valid call of one operation for a contract test: every path parameter and required query, header or
 * cookie parameter, and the request body in the first media type it accepts (JSON first). Each value is the
 * spec's own example, else a sample of its schema (openapi-sampler). Returns TypeScript source.
 */
export function contractCall(spec: LoadedSpec, op: OperationEntry, mediaType?: string): string {
  const pathItem = spec.deref((spec.doc.paths as Record<string, unknown>)[op.path]) as Record<string, unknown>;
  const operation = pathItem[op.method] as { parameters?: unknown[]; requestBody?: unknown };
  const where = `${op.method.toUpperCase()} ${op.path}`;
  // Merged as the operation table merges them: an operation's parameter replaces its path item's by name and in.
  const parameters = new Map<string, Parameter>();
  for (const item of [...((pathItem.parameters as unknown[]) ?? []), ...(operation.parameters ?? [])]) {
    const parameter = spec.deref(item) as Parameter;
    parameters.set(`${parameter.in} ${parameter.name}`, parameter);
  }
  const params: Record<string, Record<string, unknown>> = {};
  for (const parameter of parameters.values()) {
    if (parameter.in !== "path" && !parameter.required) continue;
    params[parameter.in] ??= {};
    params[parameter.in]![parameter.name] = parameterExample(spec, parameter, `${where}, ${parameter.in} parameter "${parameter.name}"`);
  }
  const parts = Object.keys(params).length ? [`params: ${source(params)}`] : [];
  const body = operation.requestBody === undefined ? undefined : requestBodyExample(spec, operation.requestBody, `${where}, request body`, mediaType);
  if (body) parts.push(`body: ${source(body.value)}`);
  parts.push(body?.contentType ? `headers: { ...headers, "Content-Type": ${JSON.stringify(body.contentType)} }` : "headers");
  return `(client, headers) => client.${op.operationId}({ ${parts.join(", ")} })`;
}

function parameterExample(spec: LoadedSpec, parameter: Parameter, where: string): unknown {
  const example = firstExample(spec, parameter, where);
  if (example.found) return new ExampleSource(example.value);
  const media = Object.values(parameter.content ?? {})[0];
  const inContent = firstExample(spec, media, where);
  if (inContent.found) return new ExampleSource(inContent.value);
  return schemaSample(spec, parameter.schema ?? media?.schema ?? { type: "string" }, "request");
}

/**
 * A call per media type of an operation whose request body the spec offers in several (each sent as that
 * media type, with a body even when it is optional), by media type; `undefined` for one media type or none.
 */
export function contractCallsByMediaType(spec: LoadedSpec, op: OperationEntry): Record<string, string> | undefined {
  const pathItem = spec.deref((spec.doc.paths as Record<string, unknown>)[op.path]) as Record<string, unknown>;
  const operation = pathItem[op.method] as { requestBody?: unknown };
  const types = Object.keys((spec.deref(operation.requestBody) as { content?: Record<string, unknown> } | undefined)?.content ?? {});
  if (types.length < 2) return undefined;
  return Object.fromEntries(types.map((type) => [type, contractCall(spec, op, type)]));
}

/**
 * The body of a call, in `mediaType`, else the first media type the operation accepts (a JSON one first),
 * and the `Content-Type` to send when that is not the one the client picks by itself (the first declared;
 * always, for a media type asked for). `undefined` for an optional body without an example, unless asked for.
 */
function requestBodyExample(spec: LoadedSpec, requestBody: unknown, where: string, mediaType?: string): { value: unknown; contentType?: string } | undefined {
  const { content = {}, required } = spec.deref(requestBody) as { content?: Record<string, MediaType>; required?: boolean };
  const types = Object.keys(content);
  const type = mediaType ?? types.find((name) => kindOf(name) === "json") ?? types[0];
  if (type === undefined) return undefined;
  const media = content[type] ?? {};
  const example = firstExample(spec, media, `${where} (${type})`);
  if (!example.found && !required && mediaType === undefined) return undefined;
  const schema = resolvedSchema(spec, media.schema);
  const named = mediaType !== undefined ? concrete(type) : type !== types[0] && !type.includes("*") ? type : undefined;
  const contentType = named;
  switch (kindOf(type)) {
    case "json":
      return {
        value: example.found ? new ExampleSource(example.value) : acceptedSample(spec, media.schema ?? {}, "request"),
        ...(contentType ? { contentType } : {}),
      };
    case "text": {
      const value = example.found ? example.value : schemaSample(spec, media.schema ?? { type: "string" }, "request");
      return { value: typeof value === "string" ? value : JSON.stringify(value), ...(contentType ? { contentType } : {}) };
    }
    case "form":
    case "multipart": {
      const value = example.found ? example.value : acceptedSample(spec, media.schema ?? { type: "object" }, "request");
      const withBytes = withBlobs(spec, value, schema);
      return { value: example.found ? new ExampleSource(withBytes) : withBytes, ...(contentType ? { contentType } : {}) };
    }
    default: {
      // Bytes: a Blob, unless the schema types the body as a plain string.
      const text = typeof example.value === "string" ? example.value : "example";
      const plainString = schema.type === "string" && !isBinarySchema(schema);
      return { value: plainString ? text : new BlobSource(text, concrete(type)), ...(contentType ? { contentType } : {}) };
    }
  }
}

/** The sample's binary properties (a file part of a form) as Blobs, the generated types' `Blob`. */
function withBlobs(spec: LoadedSpec, value: unknown, schema: Schema): unknown {
  if (isBinarySchema(schema))
    return new BlobSource(typeof value === "string" ? value : "example", typeof schema.contentMediaType === "string" ? schema.contentMediaType : undefined);
  if (Array.isArray(value)) return value.map((item) => withBlobs(spec, item, resolvedSchema(spec, schema.items)));
  if (typeof value !== "object" || value === null) return value;
  const properties = (schema.properties ?? {}) as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, key in properties ? withBlobs(spec, item, resolvedSchema(spec, properties[key])) : item]),
  );
}

/** A media type range as a concrete one a Blob can carry (`image/*` → `image/png`). */
function concrete(type: string): string | undefined {
  if (type === "*/*") return "application/octet-stream";
  if (type.endsWith("/*")) return `${type.slice(0, -2)}/${{ image: "png", audio: "mpeg", video: "mp4", text: "plain" }[type.slice(0, -2)] ?? "octet-stream"}`;
  return type;
}

/** As @signhub/core's `bodyKind` reads a media type (codegen does not depend on core). */
function kindOf(mediaType: string): "json" | "text" | "form" | "multipart" | "binary" {
  const type = mediaType.split(";")[0]!.trim().toLowerCase();
  if (type === "application/json" || type.endsWith("+json")) return "json";
  if (type.startsWith("text/")) return "text";
  if (type === "application/x-www-form-urlencoded") return "form";
  if (type.startsWith("multipart/")) return "multipart";
  return "binary";
}

/** A value as TypeScript source: JSON, with `new Blob([…])` for bytes. */
function source(value: unknown): string {
  if (value instanceof ExampleSource) return `${source(value.value)} as never`;
  if (value instanceof BlobSource) return `new Blob([${JSON.stringify(value.text)}]${value.type ? `, { type: ${JSON.stringify(value.type)} }` : ""})`;
  if (Array.isArray(value)) return `[${value.map(source).join(", ")}]`;
  if (typeof value === "object" && value !== null) {
    if (Object.keys(value).length === 0) return "{}";
    return `{ ${Object.entries(value)
      .map(([key, item]) => `${JSON.stringify(key)}: ${source(item)}`)
      .join(", ")} }`;
  }
  return JSON.stringify(value) ?? "undefined";
}
