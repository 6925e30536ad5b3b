import { type HeaderRecord, headerRecordOf } from "./headers.js";
import type { CallOptions } from "./transport.js";

/**
 * What the spec says of a request's operation, carried on the request (under this string key, which
 * openapi-fetch copies onto the `Request` it builds, so that it survives user middleware).
 */
export const OPERATION_POLICY = "signhubOperation";

/** The transport's part of an operation's spec. */
export interface OperationPolicy {
  /** The operation's `operationId`, for errors about its request. */
  readonly operationId: string;
  /** `x-signhub-retry.safe`; `undefined` for a request matching no operation (the method decides). */
  readonly retrySafe: boolean | undefined;
  /** `false` when the operation's `security` is empty: no credentials are sent. */
  readonly credentials: boolean;
  /** The operation's security requirements, when its spec (or the document) states them. */
  readonly security?: readonly (readonly string[])[] | undefined;
}

/**
 * A call's `signal`, carried under this key rather than as `signal`: a `Request` built with a signal follows it
 * with a listener of its own, one more per call on a signal that thousands of calls may share.
 */
export const CALLER_SIGNAL = "signhubSignal";

type OutgoingInit = RequestInit & CallOptions & { [OPERATION_POLICY]?: OperationPolicy | undefined; [CALLER_SIGNAL]?: AbortSignal | undefined };

/** A request as the transport sends it: the serialized body, the headers as a record. */
export interface Sendable {
  readonly url: string;
  /** Upper case. */
  readonly method: string;
  readonly headers: HeaderRecord;
  readonly body: BodyInit | null;
  readonly signal: AbortSignal | null | undefined;
  readonly maxRetries: number | undefined;
  readonly timeoutMs: number | undefined;
  readonly maxResponseBytes?: number | undefined;
  readonly [OPERATION_POLICY]?: OperationPolicy | undefined;
}

/**
 * What openapi-fetch builds for each call (its `Request` option) when no user middleware needs a real
 * `Request`: the URL and init as given, the headers as a record, ready for the transport. A full
 * `Request` would turn the body into a stream that must be cloned for every retry, and `fetch` would copy
 * it once more; keeping the serialized body makes every attempt as cheap as a plain `fetch(url, init)`.
 */
export class OutgoingRequest implements Sendable {
  readonly url: string;
  readonly method: string;
  readonly headers: HeaderRecord;
  readonly body: BodyInit | null;
  readonly signal: AbortSignal | null;
  readonly maxRetries: number | undefined;
  readonly timeoutMs: number | undefined;
  readonly maxResponseBytes: number | undefined;
  readonly [OPERATION_POLICY]: OperationPolicy | undefined;

  constructor(url: string | URL, init: OutgoingInit = {}) {
    this.url = String(url);
    this.method = (init.method ?? "GET").toUpperCase();
    this.headers = headerRecordOf(init.headers);
    this.body = init.body ?? null;
    this.signal = init[CALLER_SIGNAL] ?? init.signal ?? null;
    this.maxRetries = init.maxRetries;
    this.timeoutMs = init.timeoutMs;
    this.maxResponseBytes = init.maxResponseBytes;
    this[OPERATION_POLICY] = init[OPERATION_POLICY];
  }

  /**
   * The same request from a full `Request` (one a user middleware returned); its body stream is read by the
   * transport, once for every attempt, inside the first attempt's deadline. The caller's signal is the one the
   * call carried (see `CALLER_SIGNAL`), else the `Request`'s own.
   */
  static from(request: Request): OutgoingRequest {
    const tagged = request as Request & CallOptions & { [OPERATION_POLICY]?: OperationPolicy; [CALLER_SIGNAL]?: AbortSignal };
    return new OutgoingRequest(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      signal: tagged[CALLER_SIGNAL] ?? request.signal,
      maxRetries: tagged.maxRetries,
      timeoutMs: tagged.timeoutMs,
      maxResponseBytes: tagged.maxResponseBytes,
      [OPERATION_POLICY]: tagged[OPERATION_POLICY],
    });
  }
}
