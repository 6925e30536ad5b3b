/**
 * The operation table: what `tools/codegen` reads from a spec, per operation, for `@signhub/core` to obey at
 * call time. Every fact here is the spec's (OpenAPI 3.1), with the defaults OpenAPI gives filled in.
 */

export type HttpMethod = "get" | "put" | "post" | "delete" | "options" | "head" | "patch" | "trace";

/** Where a parameter goes (OpenAPI 3.1 §4.8.12.2, `in`). */
export type ParameterLocation = "path" | "query" | "header" | "cookie";

/** How a parameter value is written (OpenAPI 3.1 §4.8.12.4, style values). */
export type ParameterStyle = "matrix" | "label" | "simple" | "form" | "spaceDelimited" | "pipeDelimited" | "deepObject";

/** One parameter, path-item and operation level merged (an operation's entry replaces the path item's by `name` and `in`). */
export interface ParameterSpec {
  readonly name: string;
  readonly in: ParameterLocation;
  /** As the spec says, else OpenAPI's default: `form` for query and cookie, `simple` for path and header. */
  readonly style: ParameterStyle;
  /** As the spec says, else OpenAPI's default: `true` for `form`, `false` for every other style. */
  readonly explode: boolean;
  /** Reserved characters (RFC 3986 §2.2) are sent as they are; query parameters only. Emitted only when `true`. */
  readonly allowReserved?: boolean;
  /** Emitted only when `true`; always `true` for a path parameter. */
  readonly required?: boolean;
  /** For a parameter described by `content` instead of `schema`: its one media type (the value is serialized as it). */
  readonly contentType?: string;
}

/** How one property of a form or multipart body is written (OpenAPI 3.1 §4.8.15, Encoding Object). */
export interface EncodingSpec {
  readonly contentType?: string;
  readonly style?: ParameterStyle;
  readonly explode?: boolean;
  readonly allowReserved?: boolean;
}

/** One media type of a request body. */
export interface RequestMediaTypeSpec {
  /** The Encoding Object by property name, where the spec gives one (form and multipart bodies). */
  readonly encoding?: Readonly<Record<string, EncodingSpec>>;
}

/** An operation's request body. */
export interface RequestBodySpec {
  /** @default false, as in OpenAPI */
  readonly required: boolean;
  /** By media type (a key may be a range such as `image/*`), in the spec's order. */
  readonly content: Readonly<Record<string, RequestMediaTypeSpec>>;
}

/** One operation as codegen reads it from the spec. */
export interface OperationSpec {
  readonly method: HttpMethod;
  readonly path: string;
  /** The spec's `x-signhub-retry.safe`: whether the operation may be repeated automatically. */
  readonly retrySafe: boolean;
  /** Every parameter, in the spec's order (path item's first). Omitted when there are none. */
  readonly parameters?: readonly ParameterSpec[];
  /** Omitted when the operation takes no body. */
  readonly requestBody?: RequestBodySpec;
  /**
   * Every documented response, by status key as the spec writes it (`"200"`, `"2XX"`, `"default"`), then
   * media type → whether the spec gives that media type a schema. `{}` is a response with no content.
   */
  readonly responses: Readonly<Record<string, Readonly<Record<string, boolean>>>>;
  /**
   * The operation's own `servers` (else its path item's), as URLs with every variable set to its default.
   * Omitted when neither level has any: the document's servers, i.e. the client's base URL, apply.
   */
  readonly servers?: readonly string[];
  /**
   * The security requirements in effect (the operation's, else the document's), as lists of scheme names.
   * `[]` (or only empty requirements) means the operation takes no credentials. Omitted when neither
   * level says: the client's auth applies.
   */
  readonly security?: readonly (readonly string[])[];
}

/** Every operation of a spec, by operationId. */
export type OperationTable = Readonly<Record<string, OperationSpec>>;

/**
 * Names an operationId may not take: they would replace a client member (`raw`), make the client look like
 * a promise (`then`), or collide with what every object inherits (`constructor`, `__proto__`, `toString`…).
 */
export const RESERVED_OPERATION_IDS: readonly string[] = ["raw", "then", "catch", "finally", ...Object.getOwnPropertyNames(Object.prototype)];
