import type { ParameterSpec, ParameterStyle } from "./operation-spec.js";

/**
 * Parameter serialization as OpenAPI 3.1 §4.8.12.4 defines it (its style values and "Style Examples"
 * table), for the value kinds it defines: primitives, arrays of primitives, objects of primitives.
 *
 * Two deliberate readings of the table:
 * - `spaceDelimited` and `pipeDelimited` write the name (`color=blue%20black`): the 3.1.0 table leaves it
 *   out, which OpenAPI 3.1.1 corrected; every client and server reads it this way.
 * - `allowReserved` is RFC 6570 reserved expansion, except for the characters OpenAPI 3.1.1 §4.8.12.4 tells
 *   applications to keep encoding in a query: `#`, `[`, `]`, `&`, `=` and `+`.
 */

/** A value the caller gave for one parameter; `undefined` and `null` mean "not given". */
type Value = unknown;

/** A parameter value or body the spec's serialization cannot write; the message says why, for the caller's error. */
export class UnwritableValueError extends Error {}

const encode = (text: string): string => {
  if (UNRESERVED.test(text)) return text;
  try {
    return encodeURIComponent(text);
  } catch {
    // URIError: a lone UTF-16 surrogate, which has no UTF-8 form.
    // The value is not quoted: a cookie's may be a secret.
    throw new UnwritableValueError("a value holds a lone UTF-16 surrogate, which has no UTF-8 form");
  }
};
/** Percent-encodes a path segment's value as `encodeURIComponent` does. */
export const encodeSegment = encode;
// What encodeURIComponent leaves as it is: such values (ids, mostly) skip the call.
const UNRESERVED = /^[\w.!~*'()-]*$/;

/** Percent-encodes all but RFC 3986 unreserved and reserved characters and existing %XX triplets (RFC 6570 §3.2.3). */
function encodeReserved(text: string): string {
  return text.replace(/%[0-9A-Fa-f]{2}|[^\w.~:/?@!$'()*,;-]/gu, (match) => (match.length === 3 && match[0] === "%" ? match : encodeURIComponent(match)));
}

// A UTF-16 surrogate without its pair: no UTF-8 (and so no percent-encoding) exists for it.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u;

function primitive(value: Value, name: string): string {
  switch (typeof value) {
    case "string":
      if (LONE_SURROGATE.test(value)) throw new UnwritableValueError(`"${name}" holds a string with a lone UTF-16 surrogate, which has no UTF-8 form`);
      return value;
    case "number":
      if (!Number.isFinite(value)) throw new UnwritableValueError(`"${name}" holds ${value}, which is not a finite number`);
      return String(value);
    case "boolean":
    case "bigint":
      return String(value);
    default:
      if (value instanceof Date) {
        if (Number.isNaN(value.getTime())) throw new UnwritableValueError(`"${name}" holds an invalid Date`);
        return value.toISOString();
      }
      throw new UnwritableValueError(`"${name}" holds ${describeValue(value)} where a string, number or boolean belongs`);
  }
}

/** `a string`, `an object`, `a Map`, `null`: a value's kind, for a message. */
export function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (value === undefined) return "undefined";
  if (Array.isArray(value)) return "an array";
  const kind = typeof value === "object" ? (value.constructor?.name ?? "object") : typeof value;
  return `${/^[aeiouAEIOU]/.test(kind) ? "an" : "a"} ${kind}`;
}

/** Whether a value is a plain object (an object literal, or one without a prototype). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

type Shape = { kind: "primitive"; text: string } | { kind: "array"; items: string[] } | { kind: "object"; entries: [string, string][] };

function shapeOf(value: Value, name: string): Shape {
  if (Array.isArray(value)) return { kind: "array", items: value.map((item) => primitive(item, name)) };
  if (isPlainObject(value)) {
    const entries: [string, string][] = [];
    for (const key of Object.keys(value)) {
      const item = (value as Record<string, unknown>)[key];
      if (item !== undefined) entries.push([key, primitive(item, `${name}.${key}`)]);
    }
    return { kind: "object", entries };
  }
  return { kind: "primitive", text: primitive(value, name) };
}

/** A parameter given with `content` instead of a style: the value written in its media type (JSON, or text). */
function contentValue(spec: ParameterSpec, value: Value): Shape {
  const json = spec.contentType !== undefined && /(^application\/|\+)json\b/i.test(spec.contentType);
  return { kind: "primitive", text: json || typeof value === "object" ? JSON.stringify(value) : primitive(value, spec.name) };
}

const shape = (spec: ParameterSpec, value: Value) => (spec.contentType === undefined ? shapeOf(value, spec.name) : contentValue(spec, value));

/**
 * One path parameter's expansion, prefix included (`;color=blue`, `.blue`, `blue`). Throws
 * `UnwritableValueError` for a value that cannot be written in its style.
 */
export function pathExpansion(spec: ParameterSpec, value: Value): string {
  const { name, style, explode } = spec;
  const v = shape(spec, value);
  const joined = (separator: string, pairSeparator: string, pairs: [string, string][]) =>
    pairs.map(([k, x]) => `${encode(k)}${pairSeparator}${encode(x)}`).join(separator);
  switch (style) {
    case "matrix": {
      const n = encode(name);
      if (v.kind === "primitive") return v.text === "" ? `;${n}` : `;${n}=${encode(v.text)}`;
      if (v.kind === "array") return explode ? v.items.map((x) => `;${n}=${encode(x)}`).join("") : `;${n}=${v.items.map(encode).join(",")}`;
      return explode ? `;${joined(";", "=", v.entries)}` : `;${n}=${joined(",", ",", v.entries)}`;
    }
    case "label": {
      if (v.kind === "primitive") return `.${encode(v.text)}`;
      if (v.kind === "array") return `.${v.items.map(encode).join(explode ? "." : ",")}`;
      return `.${explode ? joined(".", "=", v.entries) : joined(",", ",", v.entries)}`;
    }
    case "simple": {
      if (v.kind === "primitive") return encode(v.text);
      if (v.kind === "array") return v.items.map(encode).join(",");
      return explode ? joined(",", "=", v.entries) : joined(",", ",", v.entries);
    }
    default:
      throw new UnwritableValueError(`"${name}" has style "${style}", which OpenAPI does not define for path parameters`);
  }
}

/** One query parameter as `name=value` pairs joined by `&`, or `""` when it has nothing to send. */
export function queryString(spec: ParameterSpec, value: Value): string {
  const { name, style, explode } = spec;
  const enc = spec.allowReserved ? encodeReserved : encode;
  const n = encode(name);
  const v = shape(spec, value);
  if (v.kind === "primitive") {
    if (style === "deepObject") throw new UnwritableValueError(`"${name}" has style deepObject, which takes an object`);
    return `${n}=${enc(v.text)}`;
  }
  if (v.kind === "array") {
    if (v.items.length === 0) return "";
    if (style === "deepObject") throw new UnwritableValueError(`"${name}" has style deepObject, which takes an object`);
    if (explode) return v.items.map((x) => `${n}=${enc(x)}`).join("&");
    return `${n}=${v.items.map(enc).join(delimiter(style))}`;
  }
  if (v.entries.length === 0) return "";
  switch (style) {
    case "deepObject":
      return v.entries.map(([k, x]) => `${n}[${encode(k)}]=${enc(x)}`).join("&");
    case "form":
      if (explode) return v.entries.map(([k, x]) => `${encode(k)}=${enc(x)}`).join("&");
      break;
    case "spaceDelimited":
    case "pipeDelimited":
      if (explode) throw new UnwritableValueError(`"${name}" has style ${style} with explode, which OpenAPI does not define for objects`);
      break;
    default:
      throw new UnwritableValueError(`"${name}" has style "${style}", which OpenAPI does not define for query parameters`);
  }
  return `${n}=${v.entries.map(([k, x]) => `${enc(k)}${delimiter(style)}${enc(x)}`).join(delimiter(style))}`;
}

function delimiter(style: ParameterStyle): string {
  return style === "spaceDelimited" ? "%20" : style === "pipeDelimited" ? "|" : ",";
}

/**
 * One header parameter's value, `simple` style (numbers and booleans as text, nothing percent-encoded).
 * A value a header field cannot carry (RFC 9110 §5.5: no CR, LF or NUL; Latin-1 only in `fetch`) is refused.
 */
export function headerValue(spec: ParameterSpec, value: Value): string {
  const v = shape(spec, value);
  const text =
    v.kind === "primitive" ? v.text : v.kind === "array" ? v.items.join(",") : v.entries.map(([k, x]) => `${k}${spec.explode ? "=" : ","}${x}`).join(",");
  if (/[\r\n\0]|[^\0-\u00ff]/.test(text)) throw new UnwritableValueError(`header "${spec.name}" cannot carry a line break, NUL or a character beyond Latin-1`);
  return text;
}

/**
 * One cookie parameter as `name=value` pairs for the `Cookie` header (RFC 6265 §4.2.1), `form` style:
 * an exploded array or object gives one pair per item, joined by `; `; values percent-encoded.
 */
export function cookiePairs(spec: ParameterSpec, value: Value): string {
  const n = encode(spec.name);
  const v = shape(spec, value);
  if (v.kind === "primitive") return `${n}=${encode(v.text)}`;
  if (v.kind === "array") {
    if (v.items.length === 0) return "";
    return spec.explode ? v.items.map((x) => `${n}=${encode(x)}`).join("; ") : `${n}=${v.items.map(encode).join(",")}`;
  }
  if (v.entries.length === 0) return "";
  return spec.explode
    ? v.entries.map(([k, x]) => `${encode(k)}=${encode(x)}`).join("; ")
    : `${n}=${v.entries.map(([k, x]) => `${encode(k)},${encode(x)}`).join(",")}`;
}

/** Form-style pairs for one property of an `application/x-www-form-urlencoded` body (OpenAPI 3.1 §4.8.15.4). */
export function formPairs(name: string, value: Value, style: ParameterStyle = "form", explode = style === "form"): [string, string][] {
  const v = shapeOf(value, name);
  if (v.kind === "primitive") return [[name, v.text]];
  if (v.kind === "array")
    return explode ? v.items.map((x) => [name, x]) : [[name, v.items.join(style === "spaceDelimited" ? " " : style === "pipeDelimited" ? "|" : ",")]];
  if (style === "deepObject") return v.entries.map(([k, x]) => [`${name}[${k}]`, x]);
  return explode ? v.entries : [[name, v.entries.map(([k, x]) => `${k},${x}`).join(",")]];
}

/** Whether a parameter value is missing or empty: `undefined`, `null`, `""`, `[]` or `{}`. */
export function isEmptyValue(value: Value): boolean {
  if (value === undefined || value === null || value === "") return true;
  if (Array.isArray(value)) return value.length === 0;
  return isPlainObject(value) && Object.keys(value).length === 0;
}

/** Path values that would change which endpoint a request reaches: a missing segment, or a dot segment (RFC 3986 §5.2.4). */
export function isUnsafePathExpansion(expansion: string): boolean {
  return expansion === "" || expansion === "." || expansion === "..";
}
