import { headerRecordOf, type HeaderRecord } from "./headers.js";
import type { CallOptions } from "./transport.js";

/** Set on a request when the spec says whether its operation is safe to repeat. */
export const REPEAT_SAFE = Symbol.for("signhub.repeatSafe");

type OutgoingInit = RequestInit & CallOptions & { [REPEAT_SAFE]?: boolean };

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
  readonly [REPEAT_SAFE]?: boolean | undefined;
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
  [REPEAT_SAFE]: boolean | undefined;

  constructor(url: string | URL, init: OutgoingInit = {}) {
    this.url = String(url);
    this.method = (init.method ?? "GET").toUpperCase();
    this.headers = headerRecordOf(init.headers);
    this.body = init.body ?? null;
    this.signal = init.signal ?? null;
    this.maxRetries = init.maxRetries;
    this.timeoutMs = init.timeoutMs;
    this[REPEAT_SAFE] = init[REPEAT_SAFE];
  }

  /** The same request from a full `Request` (one a user middleware returned), its body read once for every attempt. */
  static async from(request: Request): Promise<OutgoingRequest> {
    const tagged = request as Request & CallOptions & { [REPEAT_SAFE]?: boolean };
    return new OutgoingRequest(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body === null ? null : await request.arrayBuffer(),
      signal: request.signal,
      maxRetries: tagged.maxRetries,
      timeoutMs: tagged.timeoutMs,
      [REPEAT_SAFE]: tagged[REPEAT_SAFE],
    });
  }
}
