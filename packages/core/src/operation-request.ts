import type { HeadersOptions } from "openapi-fetch";
import { InvalidRequestError } from "./errors.js";
import { headerRecordOf } from "./headers.js";
import { bodyKind, defaultMediaType, findDeclared, isRange } from "./media-types.js";
import type { OperationSpec, ParameterSpec } from "./operation-spec.js";
import type { OperationPolicy } from "./outgoing-request.js";
import {
  cookiePairs,
  encodeSegment,
  headerValue,
  isEmptyValue,
  isUnsafePathExpansion,
  pathExpansion,
  queryString,
  UnwritableValueError,
} from "./parameters.js";
import { type SerializedBody, serializeBody } from "./request-body.js";

/** The parameters of a call, by location, as openapi-fetch's request object holds them. */
export interface CallParams {
  path?: Record<string, unknown>;
  query?: Record<string, unknown>;
  header?: Record<string, unknown> | HeadersOptions;
  cookie?: Record<string, unknown>;
}

/** One operation, compiled once per client from its spec: how its requests are written. */
export interface OperationRequest {
  readonly operationId: string;
  readonly spec: OperationSpec;
  /** Upper case. */
  readonly method: string;
  readonly policy: OperationPolicy;
  /** The operation's own server (its first), when the spec gives it one and the caller did not set `baseUrl`. */
  readonly server: string | undefined;
  /** `template` (base URL and path, placeholders in braces) with the path parameters written in; refuses unsafe values. */
  fillPath(template: string, values: Record<string, unknown> | undefined): string;
  /** Throws when a required query or cookie parameter is missing (header parameters may come through `headers`). */
  checkRequired(params: CallParams): void;
  /** The query string, without `?`; `""` when nothing is sent. */
  query(values: Record<string, unknown> | undefined): string;
  /** Header parameters, written (`null` removes a header, as in openapi-fetch); `undefined` when none is given. */
  headerParams(params: CallParams): Record<string, string | null> | undefined;
  /** Cookie parameters as `name=value` pairs joined by `; `, for the `Cookie` header; `undefined` when none is given. */
  cookies(params: CallParams): string | undefined;
  /**
   * The body written in its media type: the declared one the caller's `Content-Type` names; else the one
   * its value picks (`FormData`, `URLSearchParams`, bytes); else JSON when declared; else the first declared.
   */
  body(contentType: string | undefined, value: unknown): SerializedBody;
}

/**
 * Compiles an operation's request side from its spec. `userBaseUrl` is the client's `baseUrl` option:
 * when set, it replaces the spec's servers, an operation's own ones included.
 */
export function compileOperation(operationId: string, spec: OperationSpec, providerBaseUrl: string, userBaseUrl: string | undefined): OperationRequest {
  const parameters = spec.parameters ?? [];
  const byLocation = (location: ParameterSpec["in"]) => parameters.filter((p) => p.in === location);
  const pathParams = new Map(byLocation("path").map((p) => [p.name, p]));
  const queryParams = byLocation("query");
  const queryNames = new Set(queryParams.map((p) => p.name));
  const headerParams = byLocation("header");
  const cookieParams = byLocation("cookie");
  const cookieNames = new Set(cookieParams.map((p) => p.name));
  const declaredMediaTypes = Object.keys(spec.requestBody?.content ?? {});
  const requiredParams = parameters.filter((p) => p.required && (p.in === "query" || p.in === "cookie"));
  const headerSpecs = new Map(headerParams.map((p) => [p.name.toLowerCase(), p]));
  const security = spec.security;
  const refused = (problem: string, parameter?: string) =>
    new InvalidRequestError(`${operationId} (${spec.method.toUpperCase()} ${spec.path}): ${problem}; nothing was sent`, { operationId, parameter });
  const writing = <T>(parameter: string | undefined, write: () => T): T => {
    try {
      return write();
    } catch (error) {
      if (error instanceof UnwritableValueError) throw refused(error.message, parameter);
      throw error;
    }
  };

  const templates = new Map<string, (values: Record<string, unknown> | undefined) => string>();
  /** A value's expansion in its path parameter's style; a plain string or number in `simple` style skips the general writer. */
  const expand = (param: ParameterSpec, value: unknown): string => {
    try {
      if (param.style === "simple" && param.contentType === undefined && (typeof value === "string" || (typeof value === "number" && Number.isFinite(value)))) {
        return encodeSegment(String(value));
      }
      return pathExpansion(param, value);
    } catch (error) {
      if (error instanceof UnwritableValueError) throw refused(error.message, param.name);
      throw error;
    }
  };
  function compileTemplate(template: string) {
    // Split by "/" first: a parameter must not leave its segment empty or a dot segment (RFC 3986 §5.2.4).
    // Runs of segments without a parameter are joined back into one literal, written as they are.
    type Segment = { parts: string[]; params: ParameterSpec[] };
    const pieces: (string | Segment)[] = [];
    for (const [index, text] of template.split("/").entries()) {
      const slash = index === 0 ? "" : "/";
      const parts = text.split(/\{([^{}]+)\}/);
      if (parts.length === 1) {
        const last = pieces.length - 1;
        if (typeof pieces[last] === "string") pieces[last] += slash + text;
        else pieces.push(slash + text);
        continue;
      }
      const params = parts
        .filter((_, i) => i % 2 === 1)
        .map((name) => pathParams.get(name) ?? { name, in: "path" as const, style: "simple" as const, explode: false });
      if (slash) {
        const last = pieces.length - 1;
        if (typeof pieces[last] === "string") pieces[last] += slash;
        else pieces.push(slash);
      }
      pieces.push({ parts, params });
    }
    return (values: Record<string, unknown> | undefined) => {
      let url = "";
      for (let p = 0; p < pieces.length; p++) {
        const piece = pieces[p]!;
        if (typeof piece === "string") {
          url += piece;
          continue;
        }
        const { parts, params } = piece;
        let segment = parts[0]!;
        for (let i = 0; i < params.length; i++) {
          const param = params[i]!;
          const value = values?.[param.name];
          if (isEmptyValue(value))
            throw refused(`path parameter "${param.name}" is ${value === undefined || value === null ? "missing" : "empty"}`, param.name);
          segment += expand(param, value) + parts[2 * i + 2]!;
        }
        if (isUnsafePathExpansion(segment)) {
          throw refused(`path parameter "${params[0]!.name}" would make the path segment "${segment}", which changes the endpoint`, params[0]!.name);
        }
        url += segment;
      }
      return url;
    };
  }
  const defaultType = defaultMediaType(declaredMediaTypes) ?? "application/json";
  const defaultIsJson = bodyKind(defaultType) === "json" && !isRange(defaultType);

  return {
    operationId,
    spec,
    method: spec.method.toUpperCase(),
    policy: {
      operationId,
      retrySafe: spec.retrySafe,
      // `security: []` (or only empty requirements) asks for no credentials (OpenAPI 3.1 §4.8.10).
      credentials: security === undefined || security.some((requirement) => requirement.length > 0),
      security,
    },
    server: userBaseUrl === undefined && spec.servers?.[0] !== undefined ? new URL(spec.servers[0], `${providerBaseUrl}/`).href.replace(/\/$/, "") : undefined,
    fillPath(template, values) {
      let fill = templates.get(template);
      if (fill === undefined) {
        fill = compileTemplate(template);
        // Bounded: one entry per base URL in use, far fewer than this.
        if (templates.size < 16) templates.set(template, fill);
      }
      return fill(values);
    },
    checkRequired(params) {
      for (const param of requiredParams) {
        const value = (param.in === "query" ? params.query : params.cookie)?.[param.name];
        if (isEmptyValue(value) && value !== "") throw refused(`${param.in} parameter "${param.name}" is required`, param.name);
      }
    },
    query(values) {
      if (values === undefined) return "";
      let search = "";
      for (const param of queryParams) {
        const value = values[param.name];
        if (value === undefined || value === null) continue;
        const part = writing(param.name, () => queryString(param, value));
        if (part) search += search ? `&${part}` : part;
      }
      // A parameter the spec does not list goes as openapi-fetch's default would send it: form, exploded.
      for (const name of Object.keys(values)) {
        if (queryNames.has(name) || values[name] === undefined || values[name] === null) continue;
        const part = writing(name, () => queryString({ name, in: "query", style: "form", explode: true }, values[name]));
        if (part) search += search ? `&${part}` : part;
      }
      return search;
    },
    headerParams({ header }) {
      if (header === undefined) return undefined;
      const record: Record<string, string | null> = {};
      const given = header instanceof Headers || Array.isArray(header) ? headerRecordOf(header as HeadersInit) : (header as Record<string, unknown>);
      for (const name of Object.keys(given)) {
        const value = given[name];
        if (value === undefined) continue;
        const spec = headerSpecs.get(name.toLowerCase()) ?? { name, in: "header", style: "simple", explode: false };
        // `null` removes a header, as openapi-fetch's merge does; an empty array or object sends none.
        const text = value === null ? null : isEmptyValue(value) && value !== "" ? undefined : writing(name, () => headerValue(spec, value));
        if (text !== undefined) Object.defineProperty(record, name.toLowerCase(), { value: text, enumerable: true, writable: true, configurable: true });
      }
      return record;
    },
    cookies({ cookie }) {
      if (cookie === undefined) return undefined;
      const pairs: string[] = [];
      const write = (param: ParameterSpec, value: unknown) => {
        if (value === undefined || value === null) return;
        const pair = writing(param.name, () => cookiePairs(param, value));
        if (pair) pairs.push(pair);
      };
      for (const param of cookieParams) write(param, cookie[param.name]);
      for (const name of Object.keys(cookie)) {
        if (!cookieNames.has(name)) write({ name, in: "cookie", style: "form", explode: true }, cookie[name]);
      }
      return pairs.length ? pairs.join("; ") : undefined;
    },
    body(contentType, value) {
      if (spec.requestBody === undefined) {
        if (value === undefined) return { body: null, contentType: undefined };
        throw refused("it takes no request body");
      }
      if (value === undefined) {
        if (spec.requestBody.required) throw refused("its request body is required");
        return { body: null, contentType: undefined };
      }
      // The common case, worked out once: a plain object or array, as JSON, under the default media type.
      if (contentType === undefined && defaultIsJson && typeof value === "object" && value !== null && (value.constructor === Object || Array.isArray(value))) {
        try {
          return { body: JSON.stringify(value), contentType: defaultType };
        } catch (error) {
          // A BigInt or a cycle somewhere inside.
          throw refused(`its request body has no JSON form: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
      let declared: string | undefined;
      if (contentType !== undefined) {
        declared = declaredMediaTypes.length ? findDeclared(declaredMediaTypes, contentType) : contentType;
        if (declared === undefined) throw refused(`its request body is not declared as ${contentType} (declared: ${declaredMediaTypes.join(", ")})`);
      } else {
        declared = mediaTypeForValue(declaredMediaTypes, value) ?? defaultType;
      }
      const written = writing(undefined, () => serializeBody(declared, value, spec.requestBody!.content[declared]));
      // The caller's own Content-Type goes out as given (it may carry a charset, or narrow a range), but
      // never over FormData's, which carries the boundary.
      return contentType === undefined || written.contentType === undefined ? written : { body: written.body, contentType };
    },
  };
}

/**
 * The media type a body of this JS type goes as when the caller names none: `FormData`, `URLSearchParams`
 * and bytes pick their kind among the declared media types.
 */
function mediaTypeForValue(declared: readonly string[], body: unknown): string | undefined {
  const kind =
    body instanceof FormData
      ? "multipart"
      : body instanceof URLSearchParams
        ? "form"
        : body instanceof Blob || body instanceof ArrayBuffer || ArrayBuffer.isView(body)
          ? "binary"
          : undefined;
  return kind === undefined ? undefined : declared.find((type) => bodyKind(type) === kind);
}
