import { asHeaders, type Bytes } from "./received.js";
import type { Exchange } from "./transport.js";

/** On every response the transport gives openapi-fetch: the exchange it came from (the bytes read, the request id sent). */
export const EXCHANGE = Symbol.for("signhub.exchange");

/** A `Response` openapi-fetch got from signhub's transport. */
export type AnsweredResponse = Response & { [EXCHANGE]?: Exchange };

// A body is only allowed on statuses that may carry one (Fetch spec, "null body status").
const nullBodyStatuses = new Set([101, 103, 204, 205, 304]);
const decoder = new TextDecoder();

/**
 * The answer openapi-fetch gets for an exchange: a real `Response` when user middleware will see it, else a
 * `BufferedResponse` reading from the bytes received. A status the `Response` constructor refuses (outside
 * 200–599) is built at 200 and given its own status, `statusText` and `ok` as the instance's properties.
 */
export function responseFor(exchange: Exchange, real: boolean): Response {
  const { status, statusText, headers, body } = exchange.response;
  let response: AnsweredResponse;
  if (!real) response = new BufferedResponse(exchange) as unknown as Response;
  else if (status >= 200 && status <= 599)
    response = new Response(nullBodyStatuses.has(status) ? null : body, { status, statusText, headers: asHeaders(headers) });
  else {
    response = new Response(body, { status: 200, headers: asHeaders(headers) });
    Object.defineProperties(response, { status: { value: status }, statusText: { value: statusText }, ok: { value: false } });
  }
  response[EXCHANGE] = exchange;
  return response;
}

/** What openapi-fetch and a `raw` caller read of a `Response`, answered from a body already read whole. */
class BufferedResponse {
  readonly status: number;
  readonly statusText: string;
  readonly ok: boolean;
  readonly headers: Headers;
  readonly redirected = false;
  readonly type = "basic";
  readonly url = "";
  readonly bodyUsed = false;
  readonly #bytes: Bytes;

  constructor(exchange: Exchange) {
    const { status, statusText, headers, body } = exchange.response;
    this.status = status;
    this.statusText = statusText;
    this.ok = status >= 200 && status <= 299;
    this.headers = asHeaders(headers);
    this.#bytes = body;
  }

  get body(): ReadableStream<Uint8Array> | null {
    return nullBodyStatuses.has(this.status) ? null : new Blob([this.#bytes]).stream();
  }
  async text(): Promise<string> {
    return decoder.decode(this.#bytes);
  }
  async json(): Promise<unknown> {
    return JSON.parse(decoder.decode(this.#bytes));
  }
  async arrayBuffer(): Promise<ArrayBuffer> {
    return this.#bytes.slice().buffer;
  }
  async bytes(): Promise<Uint8Array> {
    return this.#bytes.slice();
  }
  async blob(): Promise<Blob> {
    return new Blob([this.#bytes], { type: this.headers.get("content-type") ?? "" });
  }
  clone(): BufferedResponse {
    return this;
  }
}
