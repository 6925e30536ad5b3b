import { Agent, type Dispatcher } from "undici";
import { concat, tooLarge } from "./body-limit.js";
import { decodeContent } from "./content-coding.js";
import type { AttemptDeadline } from "./deadline.js";
import type { HeaderRecord } from "./headers.js";
import { ExchangeFailure, unreadableAt } from "./network-error.js";
import { ParsedHeaders, type Received } from "./received.js";

let sharedAgent: Agent | undefined;

/**
 * What a client sends with when it is given neither a dispatcher nor a `fetch`: one undici `Agent` for the
 * process, which keeps a pool of keep-alive connections per origin (idle ones never hold the process open).
 * Its connect timeout (10 s by default) is off: an attempt's `timeoutMs` bounds the connection too.
 */
export function defaultDispatcher(): Dispatcher {
  sharedAgent ??= new Agent({ connectTimeout: 0 });
  return sharedAgent;
}

/** A request body as a dispatcher takes it. */
export type DispatchBody = string | Uint8Array | null;

/**
 * A request body as a dispatcher sends it: text and bytes as they are; anything else (`URLSearchParams`, a
 * `Blob`, `FormData`, a stream) written as `fetch` writes it (Fetch "extract a body"), its `Content-Type`
 * (a multipart boundary, say) set in `headers` unless the caller set one.
 */
export async function dispatchBody(body: BodyInit | null, headers: HeaderRecord): Promise<DispatchBody> {
  if (body === null || typeof body === "string" || body instanceof Uint8Array) return body;
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  if (ArrayBuffer.isView(body)) return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  const extracted = new Response(body);
  const type = extracted.headers.get("content-type");
  if (type !== null && !Object.hasOwn(headers, "content-type")) headers["content-type"] = type;
  return new Uint8Array(await extracted.arrayBuffer());
}

/**
 * One HTTP exchange through `dispatcher`: the response's status, headers and whole body, decoded by its
 * `Content-Encoding`. The body is counted as it arrives and the exchange stopped once it passes `maxBytes`
 * (`UnreadableBodyError`); the deadline's end stops it at once, even while it still waits for a connection,
 * in which case nothing is ever written. Redirects are answers like any other: the transport follows them.
 */
export async function dispatchExchange(
  dispatcher: Dispatcher,
  url: string,
  method: string,
  headers: HeaderRecord,
  body: DispatchBody,
  deadline: AttemptDeadline,
  maxBytes: number,
): Promise<Received> {
  const { origin, path } = requestTarget(url);
  const received = await new Promise<Received>((resolve, reject) => {
    const handler = new ExchangeHandler(resolve, reject, maxBytes);
    deadline.onEnd((reason) => handler.end(reason));
    try {
      // timeoutMs is the one deadline: undici's own idle timeouts (300 s) are switched off.
      dispatcher.dispatch({ origin, path, method, headers, body, headersTimeout: 0, bodyTimeout: 0 }, handler);
    } catch (error) {
      handler.end(new ExchangeFailure(error));
    }
  });
  const coding = received.body.byteLength === 0 ? null : received.headers.get("content-encoding");
  if (coding === null) return received;
  try {
    return { ...received, body: await deadline.race(decodeContent(received.body, coding, maxBytes)) };
  } catch (error) {
    throw unreadableAt(error, received.status);
  }
}

/** Collects one exchange's response, within `maxBytes` on the wire. */
class ExchangeHandler implements Dispatcher.DispatchHandler {
  readonly #resolve: (received: Received) => void;
  readonly #reject: (reason: unknown) => void;
  readonly #maxBytes: number;
  #controller: Dispatcher.DispatchController | undefined;
  #ended = false;
  #reason: unknown;
  #status = 0;
  #statusText = "";
  #headers: Record<string, string | string[] | undefined> = {};
  #chunks: Buffer[] = [];
  #size = 0;

  constructor(resolve: (received: Received) => void, reject: (reason: unknown) => void, maxBytes: number) {
    this.#resolve = resolve;
    this.#reject = reject;
    this.#maxBytes = maxBytes;
  }

  /** Ends the exchange with `reason` (the deadline's, the caller's, a failure), stopping the request if it is under way. */
  end(reason: unknown): void {
    if (this.#ended) return;
    this.#ended = true;
    this.#reason = reason;
    this.#controller?.abort(asError(reason));
    this.#reject(reason);
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.#controller = controller;
    // Ended while it waited for a connection: aborted before anything is written.
    if (this.#ended) controller.abort(asError(this.#reason));
  }

  onResponseStart(
    _controller: Dispatcher.DispatchController,
    statusCode: number,
    headers: Record<string, string | string[] | undefined>,
    statusMessage?: string,
  ): void {
    // A 1xx is informational (RFC 9110 §15.2): the final response follows.
    if (statusCode < 200) return;
    this.#status = statusCode;
    this.#statusText = statusMessage ?? "";
    this.#headers = headers;
  }

  onResponseData(_controller: Dispatcher.DispatchController, chunk: Buffer): void {
    if (this.#ended) return;
    this.#size += chunk.byteLength;
    if (this.#size > this.#maxBytes) this.end(tooLarge(this.#maxBytes, this.#status));
    else this.#chunks.push(chunk);
  }

  onResponseEnd(): void {
    if (this.#ended) return;
    this.#ended = true;
    this.#resolve({ status: this.#status, statusText: this.#statusText, headers: new ParsedHeaders(this.#headers), body: concat(this.#chunks, this.#size) });
  }

  onResponseError(_controller: Dispatcher.DispatchController | undefined, error: Error): void {
    this.end(new ExchangeFailure(error));
  }
}

/** undici aborts with an `Error`; a caller's signal may have aborted with any value. */
const asError = (reason: unknown) => (reason instanceof Error ? reason : new DOMException(String(reason), "AbortError"));

// Origins as written in URLs, checked once, to the origin dispatched (lower case, IDNA applied).
const origins = new Map<string, string>();
// A path sent as it is written: characters the WHATWG URL parser keeps as they are in a path and a query
// (no `"`, `'`, `<`, `>`, `` ` ``, `{`, `}`, `^`, `\`, `#`, space or control, which it encodes or reads otherwise),
// and no dot segment, which it removes.
const plainPath = /^\/[A-Za-z0-9\-._~!$&()*+,;=:@/?%|[\]]*$/;
const rewritten = /\/\.|%2e/i;

/**
 * The origin and path a URL is dispatched to: as written for a plain URL, else as the WHATWG URL parser (as
 * `fetch`) reads it, percent-encoding included. Throws a `TypeError` for a URL that is not http(s) or that
 * carries credentials (`user:password@`), as `fetch` does.
 */
export function requestTarget(url: string): { origin: string; path: string } {
  const schemeEnd = url.indexOf("://");
  let end = schemeEnd < 0 ? url.length : schemeEnd + 3;
  for (; end < url.length; end++) {
    const code = url.charCodeAt(end);
    if (code === 0x2f || code === 0x3f || code === 0x23 || code === 0x5c) break; // / ? # \
  }
  const written = url.slice(0, end);
  const path = url.slice(end);
  let origin = origins.get(written);
  if (origin === undefined) {
    origin = checkedOrigin(written, url);
    // Bounded: a client's base URL and servers, and redirect targets, are few.
    if (origins.size < 256) origins.set(written, origin);
  }
  if (plainPath.test(path) && !rewritten.test(path)) return { origin, path };
  const parsed = new URL(url);
  return { origin, path: `${parsed.pathname}${parsed.search}` };
}

function checkedOrigin(written: string, url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(written);
  } catch {
    throw new TypeError(`not a URL: ${url.slice(0, 200)}`);
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") throw new TypeError(`signhub sends http(s) URLs only, not ${parsed.protocol}`);
  if (parsed.username || parsed.password) throw new TypeError("a request URL must not include credentials (user:password@)");
  return parsed.origin;
}
