import { InvalidRequestError } from "./errors.js";
import { headerRecordOf } from "./headers.js";
import { bodyKind, defaultMediaType, findDeclared } from "./media-types.js";
import type { OperationSpec, ParameterSpec } from "./operation-spec.js";
import type { OperationPolicy } from "./outgoing-request.js";
import { cookiePairs, headerValue, isUnsafePathExpansion, pathExpansion, queryString, UnwritableValueError } from "./parameters.js";
import { serializeBody, type SerializedBody } from "./request-body.js";
import type { HeadersOptions } from "openapi-fetch";

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
  /** The query string, without `?`; `""` when nothing is sent. */
  query(values: Record<string, unknown> | undefined): string;
  /** Header and cookie parameters, written (a `cookie` entry when there are cookies); `undefined` when none is given. */
  headerParams(params: CallParams): Record<string, string | null> | undefined;
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
  const headerParams = byLocation("header");
  const cookieParams = byLocation("cookie");
  const declaredMediaTypes = Object.keys(spec.requestBody?.content ?? {});
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
  function compileTemplate(template: string) {
    // Split by "/" first: a parameter must not leave its segment empty or a dot segment (RFC 3986 §5.2.4).
    const segments = template.split("/").map((segment) => segment.split(/\{([^{}]+)\}/));
    return (values: Record<string, unknown> | undefined) => {
      let url = "";
      for (let s = 0; s < segments.length; s++) {
        const parts = segments[s]!;
        let segment = parts[0]!;
        for (let i = 1; i < parts.length; i += 2) {
          const name = parts[i]!;
          const param = pathParams.get(name) ?? { name, in: "path", style: "simple", explode: false };
          const value = values?.[name];
          if (value === undefined || value === null || value === "") {
            throw refused(`path parameter "${name}" is ${value === "" ? "empty" : "missing"}`, name);
          }
          segment += writing(name, () => pathExpansion(param, value)) + parts[i + 1]!;
        }
        if (parts.length > 1 && isUnsafePathExpansion(segment)) {
          throw refused(`path parameter "${parts[1]}" would make the path segment "${segment}", which changes the endpoint`, parts[1]);
        }
        url += s === 0 ? segment : `/${segment}`;
      }
      return url;
    };
  }

  return {
    operationId,
    spec,
    method: spec.method.toUpperCase(),
    policy: {
      retrySafe: spec.retrySafe,
      // `security: []` (or only empty requirements) asks for no credentials (OpenAPI 3.1 §4.8.10).
      credentials: security === undefined || security.some((requirement) => requirement.length > 0),
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
    query(values) {
      if (values === undefined) return "";
      let search = "";
      const known = new Set<string>();
      for (const param of queryParams) {
        known.add(param.name);
        const value = values[param.name];
        if (value === undefined || value === null) continue;
        const part = writing(param.name, () => queryString(param, value));
        if (part) search += search ? `&${part}` : part;
      }
      // A parameter the spec does not list goes as openapi-fetch's default would send it: form, exploded.
      for (const name of Object.keys(values)) {
        if (known.has(name) || values[name] === undefined || values[name] === null) continue;
        const part = writing(name, () => queryString({ name, in: "query", style: "form", explode: true }, values[name]));
        if (part) search += search ? `&${part}` : part;
      }
      return search;
    },
    headerParams({ header, cookie }) {
      if (header === undefined && cookie === undefined) return undefined;
      const record: Record<string, string | null> = {};
      if (header !== undefined) {
        const given = header instanceof Headers || Array.isArray(header) ? headerRecordOf(header as HeadersInit) : (header as Record<string, unknown>);
        const specs = new Map(headerParams.map((p) => [p.name.toLowerCase(), p]));
        for (const name of Object.keys(given)) {
          const value = given[name];
          if (value === undefined) continue;
          // `null` removes a header, as openapi-fetch's merge does.
          const spec = specs.get(name.toLowerCase()) ?? { name, in: "header", style: "simple", explode: false };
          Object.defineProperty(record, name.toLowerCase(), {
            value: value === null ? null : writing(name, () => headerValue(spec, value)),
            enumerable: true,
            writable: true,
            configurable: true,
          });
        }
      }
      if (cookie !== undefined) {
        const pairs: string[] = [];
        for (const param of cookieParams) {
          const value = cookie[param.name];
          if (value !== undefined && value !== null) pairs.push(writing(param.name, () => cookiePairs(param, value)));
        }
        for (const name of Object.keys(cookie)) {
          if (cookieParams.some((p) => p.name === name) || cookie[name] === undefined || cookie[name] === null) continue;
          pairs.push(writing(name, () => cookiePairs({ name, in: "cookie", style: "form", explode: true }, cookie[name])));
        }
        if (pairs.length) record.cookie = pairs.join("; ");
      }
      return record;
    },
    body(contentType, value) {
      let declared: string | undefined;
      if (contentType !== undefined) {
        declared = declaredMediaTypes.length ? findDeclared(declaredMediaTypes, contentType) : contentType;
        if (declared === undefined) throw refused(`its request body is not declared as ${contentType} (declared: ${declaredMediaTypes.join(", ")})`);
      } else {
        declared = mediaTypeForValue(declaredMediaTypes, value) ?? defaultMediaType(declaredMediaTypes) ?? "application/json";
      }
      const written = writing(undefined, () => serializeBody(declared, value, spec.requestBody?.content[declared]));
      // The caller's own Content-Type goes out as given (it may carry a charset, or narrow a range), but
      // never over FormData's, which carries the boundary.
      return contentType === undefined || written.contentType === undefined ? written : { body: written.body, contentType };
    },
  };
}

/** The media type a body of this JS type goes as, when the caller names none: FormData, URLSearchParams and bytes pick their kind. */
export function mediaTypeForValue(declared: readonly string[], body: unknown): string | undefined {
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
