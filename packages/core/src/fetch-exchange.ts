import { readBytesLimited } from "./body-limit.js";
import { checkedCodings } from "./content-coding.js";
import type { AttemptDeadline } from "./deadline.js";
import { requestTarget } from "./dispatch-exchange.js";
import type { HeaderRecord } from "./headers.js";
import { ExchangeFailure, unreadableAt } from "./network-error.js";
import type { Bytes, Received } from "./received.js";

/** The `fetch` a client may be given: the standard signature. */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

/**
 * One HTTP exchange through a `fetch` the client was given (a test double, another runtime's): the same
 * answer as a dispatcher's, the body counted after `fetch`'s decompression and stopped past `maxBytes`.
 * The deadline settles the exchange even when that `fetch` ignores its signal.
 */
export async function fetchExchange(
  fetch: FetchLike,
  url: string,
  method: string,
  headers: HeaderRecord,
  body: BodyInit | null,
  deadline: AttemptDeadline,
  maxBytes: number,
): Promise<Received> {
  // The same URLs as by dispatcher: http(s) only, no credentials (which fetch's own error would quote).
  requestTarget(url);
  const controller = new AbortController();
  deadline.onEnd((reason) => controller.abort(reason));
  // Redirects come back as answers: the transport decides which to follow.
  let response: Response;
  try {
    response = await deadline.race(fetch(url, { method, headers, body, signal: controller.signal, redirect: "manual" }));
  } catch (error) {
    // The deadline's or the caller's end is the transport's to report, and a bug in the `fetch` (a RangeError…)
    // its author's; anything else it threw (`fetch` reports a network failure as a TypeError, in another
    // runtime's words, or a string) is a failure to get a response, its text scrubbed as a cause.
    if (controller.signal.aborted || error instanceof RangeError || error instanceof ReferenceError || error instanceof SyntaxError) throw error;
    throw new ExchangeFailure(error);
  }
  if (typeof response?.status !== "number" || typeof response.headers?.get !== "function") {
    throw new ExchangeFailure(new TypeError("the fetch given resolved to something other than a Response"));
  }
  let bytes: Bytes;
  try {
    // `fetch` decodes the codings it knows and hands on the others' bytes as they are: refused, as by dispatcher.
    const coding = response.headers.get("content-encoding");
    if (coding !== null) checkedCodings(coding);
    bytes = await deadline.race(readBytesLimited(response, maxBytes));
  } catch (error) {
    response.body?.cancel().catch(() => {});
    throw unreadableAt(error, response.status);
  }
  return { status: response.status, statusText: response.statusText, headers: response.headers, body: bytes };
}
