import { bodyKind, isRange } from "./media-types.js";
import type { EncodingSpec, RequestMediaTypeSpec } from "./operation-spec.js";
import { describeValue as describe, formPairs, isPlainObject, UnwritableValueError } from "./parameters.js";

/** Bytes as a binary body may be given: sent byte for byte. */
export type BinaryBody = Blob | ArrayBuffer | ArrayBufferView;

/** A body as sent, and the `Content-Type` it goes with (`undefined` for `FormData`: `fetch` writes it, boundary included). */
export interface SerializedBody {
  body: BodyInit | null;
  contentType: string | undefined;
}

/**
 * Writes a request body as its media type says (see the README, "Bodies and responses by media type"):
 * JSON as JSON text; `text/*` as the string itself; a form as `application/x-www-form-urlencoded` pairs;
 * multipart as `FormData`; any other media type as the bytes given. Throws `UnwritableValueError` for a
 * body its media type cannot carry.
 */
export function serializeBody(mediaType: string, body: unknown, spec: RequestMediaTypeSpec | undefined): SerializedBody {
  const contentType = isRange(mediaType) ? undefined : mediaType;
  switch (bodyKind(mediaType)) {
    case "json":
      return { body: jsonText(body, `the ${mediaType} body`), contentType };
    case "text":
      if (typeof body === "string" || typeof body === "number" || typeof body === "boolean") return { body: String(body), contentType };
      throw new UnwritableValueError(`the ${mediaType} body must be a string, not ${describe(body)}`);
    case "form":
      if (body instanceof URLSearchParams) return { body: body.toString(), contentType };
      return { body: new URLSearchParams(formBodyPairs(body, spec?.encoding)).toString(), contentType };
    case "multipart":
      return { body: body instanceof FormData ? body : formData(body, spec?.encoding), contentType: undefined };
    case "binary":
      if (body instanceof Blob) return { body, contentType: contentType ?? (body.type || "application/octet-stream") };
      if (body instanceof ArrayBuffer || ArrayBuffer.isView(body)) return { body: body as BodyInit, contentType: contentType ?? "application/octet-stream" };
      if (typeof body === "string") return { body, contentType: contentType ?? "application/octet-stream" };
      throw new UnwritableValueError(`the ${mediaType} body must be a Blob, an ArrayBuffer or a Uint8Array, not ${describe(body)}`);
  }
}

function formBodyPairs(body: unknown, encoding: Readonly<Record<string, EncodingSpec>> | undefined): [string, string][] {
  const pairs: [string, string][] = [];
  for (const [name, value] of properties(body, "an application/x-www-form-urlencoded")) {
    const rule = encoding?.[name];
    if (rule?.contentType !== undefined && bodyKind(rule.contentType) === "json") pairs.push([name, jsonText(value, `form field "${name}"`)]);
    else pairs.push(...formPairs(name, value, rule?.style, rule?.explode));
  }
  return pairs;
}

/**
 * A plain object as `multipart/form-data` parts, by OpenAPI 3.1 §4.8.14.4's defaults: strings, numbers and
 * booleans as text fields, `Blob`/`File` as file parts, arrays as one part per item, objects as JSON parts;
 * an Encoding Object's `contentType` types a part.
 */
function formData(body: unknown, encoding: Readonly<Record<string, EncodingSpec>> | undefined): FormData {
  const data = new FormData();
  for (const [name, value] of properties(body, "a multipart/form-data")) {
    const contentType = encoding?.[name]?.contentType;
    for (const item of Array.isArray(value) ? value : [value]) appendPart(data, name, item, contentType);
  }
  return data;
}

function appendPart(data: FormData, name: string, value: unknown, contentType: string | undefined): void {
  if (value === undefined || value === null) return;
  if (value instanceof Blob) {
    const typed = contentType && !isRange(contentType) && !value.type ? new Blob([value], { type: contentType }) : value;
    // Without a third argument FormData names the file "blob"; an explicit `undefined` would name it "undefined".
    if (value instanceof File) data.append(name, typed, value.name);
    else data.append(name, typed);
  } else if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) {
    data.append(name, new Blob([value as BlobPart], { type: contentType && !isRange(contentType) ? contentType : "application/octet-stream" }));
  } else if (typeof value === "object" || (contentType !== undefined && bodyKind(contentType) === "json")) {
    data.append(name, new Blob([jsonText(value, `multipart part "${name}"`)], { type: "application/json" }));
  } else if (typeof value === "string" || typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") {
    data.append(name, String(value));
  } else {
    throw new UnwritableValueError(`multipart part "${name}" cannot be ${describe(value)}`);
  }
}

function properties(body: unknown, what: string): [string, unknown][] {
  if (!isPlainObject(body)) throw new UnwritableValueError(`${what} body must be a plain object, not ${describe(body)}`);
  return Object.entries(body).filter(([, value]) => value !== undefined);
}

/**
 * A value as JSON text; refused when it has no faithful JSON form: a function, a symbol or `undefined` (no
 * text at all), bytes, forms, a stream, a promise, a `Map` or `Set` (`{}`), a BigInt or a cycle (`JSON.stringify` throws).
 */
function jsonText(value: unknown, what: string): string {
  if (
    value instanceof Blob ||
    value instanceof ArrayBuffer ||
    ArrayBuffer.isView(value) ||
    value instanceof FormData ||
    value instanceof URLSearchParams ||
    value instanceof Map ||
    value instanceof Set ||
    value instanceof ReadableStream ||
    value instanceof Promise
  ) {
    throw new UnwritableValueError(`${what} must be a JSON value, not ${describe(value)}`);
  }
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch (error) {
    throw new UnwritableValueError(`${what} has no JSON form: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (text === undefined) throw new UnwritableValueError(`${what} has no JSON form: it is ${describe(value)}`);
  return text;
}
