import type { HeadersOptions, Middleware, ParseAs, QuerySerializer, QuerySerializerOptions } from "openapi-fetch";
import type { IsOperationRequestBodyOptional, Readable, RequiredKeysOf, Writable } from "openapi-typescript-helpers";
import type { OperationSpec, OperationTable } from "./operation-spec.js";
import type { BinaryBody } from "./request-body.js";
import type { CallOptions } from "./transport.js";

export type { OperationSpec, OperationTable } from "./operation-spec.js";

type PathItem<Paths, Op extends OperationSpec> = Paths[Op["path"] & keyof Paths];
/** The generated (openapi-typescript) type of one operation. */
type OperationOf<Paths, Op extends OperationSpec> = PathItem<Paths, Op>[Op["method"] & keyof PathItem<Paths, Op>];

type JsonMediaType = "application/json" | `application/json;${string}` | `${string}+json` | `${string}+json;${string}`;

/** What a request body of media type `M` (schema type `S`) may be given as: see the README, "Bodies and responses by media type". */
export type RequestBodyFor<M, S> = M extends JsonMediaType
  ? Writable<S>
  : M extends `text/${string}`
    ? string
    : M extends `application/x-www-form-urlencoded${string}`
      ? Writable<S> | URLSearchParams
      : M extends `multipart/${string}`
        ? Writable<S> | FormData
        : BinaryBody;

/** What a response body of media type `M` (schema type `S`) is read as: JSON parsed, text or a form a string, anything else a `Blob`. */
export type ResponseBodyFor<M, S> = M extends JsonMediaType
  ? Readable<S>
  : M extends `text/${string}` | `application/x-www-form-urlencoded${string}`
    ? string
    : Blob;

type RequestContent<O> = O extends { requestBody?: infer B } ? (NonNullable<B> extends { content: infer C } ? C : never) : never;
type RequestBody<O> = { [M in keyof RequestContent<O>]: RequestBodyFor<M, RequestContent<O>[M]> }[keyof RequestContent<O>];

type BodyOption<O> = [RequestBody<O>] extends [never]
  ? { body?: never }
  : IsOperationRequestBodyOptional<O> extends true
    ? { body?: RequestBody<O> }
    : { body: RequestBody<O> };

type ParamsOption<O> = O extends { parameters: infer P } ? (RequiredKeysOf<P> extends never ? { params?: P } : { params: P }) : { params?: never };

/** The rest of openapi-fetch's request object; any of these but `headers` and `signal` sends the call through openapi-fetch. */
interface RequestExtras extends Omit<RequestInit, "body" | "headers" | "method"> {
  headers?: HeadersOptions;
  /** Read the success body as this instead of by its media type (openapi-fetch's option). */
  parseAs?: ParseAs;
  /** This call only: the base URL instead of the client's. */
  baseUrl?: string;
  /** This call only: replaces the spec's query serialization. */
  querySerializer?: QuerySerializer<unknown> | QuerySerializerOptions;
  /** This call only: replaces the spec's body serialization. */
  bodySerializer?: (body: never) => unknown;
  middleware?: Middleware[];
}

type IsAny<T> = 0 extends 1 & T ? true : false;
/** A request object for an operation without generated types (`Paths` = `any`). */
type UntypedInit = { params?: Record<string, Record<string, unknown> | undefined>; body?: unknown } & RequestExtras & CallOptions;

type InitOf<O> = IsAny<O> extends true ? UntypedInit : ParamsOption<O> & BodyOption<O> & RequestExtras & CallOptions;

/** What an operation method takes: openapi-fetch's request object, bodies typed by media type, plus per-call `maxRetries` and `timeoutMs`. */
export type OperationInit<Paths, Op extends OperationSpec> = InitOf<OperationOf<Paths, Op>>;

type SuccessStatus = 200 | 201 | 202 | 203 | 204 | 205 | 206 | 207 | 208 | 226 | "2XX";
type Responses<O> = O extends { responses: infer R } ? R : never;
type ResponseBody<R> = R extends { content: infer C } ? { [M in keyof C]: ResponseBodyFor<M, C[M]> }[keyof C] : undefined;
type SuccessBody<O> = { [S in keyof Responses<O> & SuccessStatus]: ResponseBody<Responses<O>[S]> }[keyof Responses<O> & SuccessStatus];

/**
 * What an operation method resolves to: its success body by media type (JSON parsed, `text/*` a string,
 * anything else a `Blob`), `undefined` where a success has no content, and always for HEAD.
 */
export type OperationResult<Paths, Op extends OperationSpec> = Op["method"] extends "head"
  ? undefined
  : IsAny<OperationOf<Paths, Op>> extends true
    ? // biome-ignore lint/suspicious/noExplicitAny: an untyped client's results stay as loose as its paths
      any
    : [SuccessBody<OperationOf<Paths, Op>>] extends [never]
      ? unknown
      : SuccessBody<OperationOf<Paths, Op>>;

/** A success body as `parseAs` asks for it (openapi-fetch's option). */
export interface ParsedAs {
  text: string;
  blob: Blob;
  arrayBuffer: ArrayBuffer;
  stream: ReadableStream<Uint8Array>;
}

/** A success with what came with it: `withResponse()` on every operation method. */
export interface WithResponse<Data> {
  data: Data;
  /** The response's status. */
  status: number;
  headers: Headers;
  /** The server's `x-request-id`, else the one signhub sent. */
  requestId: string | undefined;
}

type Args<Init> = RequiredKeysOf<Init> extends never ? [init?: Init] : [init: Init];

/** One operation's method: resolves to the typed success body; `.withResponse()` resolves to it with status, headers and request id. */
export interface OperationMethod<Paths, Op extends OperationSpec> {
  <P extends keyof ParsedAs>(init: OperationInit<Paths, Op> & { parseAs: P }): Promise<ParsedAs[P]>;
  (...init: Args<OperationInit<Paths, Op>>): Promise<OperationResult<Paths, Op>>;
  withResponse<P extends keyof ParsedAs>(init: OperationInit<Paths, Op> & { parseAs: P }): Promise<WithResponse<ParsedAs[P]>>;
  withResponse(...init: Args<OperationInit<Paths, Op>>): Promise<WithResponse<OperationResult<Paths, Op>>>;
}

/** One method per operationId; `init` may be left out when nothing in it is required. */
export type OperationMethods<Paths, Ops extends OperationTable> = {
  [Id in keyof Ops]: OperationMethod<Paths, Ops[Id]>;
};
