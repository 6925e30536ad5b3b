/**
 * The shape of the operation table codegen emits, as `packages/core/src/operation-spec.ts` declares it.
 * Copied, not imported: codegen must not depend on @signhub/core. Every emitted table ends in
 * `satisfies OperationTable` against core's own declaration, and test/operation-spec.test.ts checks the copy.
 */

export type HttpMethod = "get" | "put" | "post" | "delete" | "options" | "head" | "patch" | "trace";

/** Where a parameter goes (OpenAPI 3.1 §4.8.12.2, `in`). */
export type ParameterLocation = "path" | "query" | "header" | "cookie";

/** How a parameter value is written (OpenAPI 3.1 §4.8.12.4, style values). */
export type ParameterStyle = "matrix" | "label" | "simple" | "form" | "spaceDelimited" | "pipeDelimited" | "deepObject";

/** One parameter, path-item and operation level merged, OpenAPI's defaults filled in. */
export interface ParameterSpec {
  readonly name: string;
  readonly in: ParameterLocation;
  readonly style: ParameterStyle;
  readonly explode: boolean;
  /** Emitted only when `true`. */
  readonly allowReserved?: boolean;
  /** Emitted only when `true`; always `true` for a path parameter. */
  readonly required?: boolean;
  /** For a parameter described by `content` instead of `schema`: its one media type. */
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
  readonly encoding?: Readonly<Record<string, EncodingSpec>>;
}

/** An operation's request body. */
export interface RequestBodySpec {
  readonly required: boolean;
  readonly content: Readonly<Record<string, RequestMediaTypeSpec>>;
}

/** One operation as codegen reads it from the spec. */
export interface OperationSpec {
  readonly method: HttpMethod;
  readonly path: string;
  readonly retrySafe: boolean;
  readonly parameters?: readonly ParameterSpec[];
  readonly requestBody?: RequestBodySpec;
  /** By status key as written (`"200"`, `"2XX"`, `"default"`), then media type → whether it has a schema. */
  readonly responses: Readonly<Record<string, Readonly<Record<string, boolean>>>>;
  readonly servers?: readonly string[];
  readonly security?: readonly (readonly string[])[];
}

/** Names an operationId may not take: a client member (`raw`), a promise's (`then`…), or any object's. */
export const RESERVED_OPERATION_IDS: readonly string[] = ["raw", "then", "catch", "finally", ...Object.getOwnPropertyNames(Object.prototype)];
