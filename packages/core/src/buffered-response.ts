// A body is only allowed on statuses that may carry one (Fetch spec, "null body status").
const nullBodyStatuses = new Set([101, 103, 204, 205, 304]);
const decoder = new TextDecoder();

/** On a buffered response: the bytes the transport read. */
export const BODY_BYTES = Symbol.for("signhub.bodyBytes");

/**
 * A response whose body the transport has already read in full. Without user middleware (which is
 * promised a real, clonable `Response`), the original response is kept and its body readers answer from
 * the bytes read: rebuilding a `Response` costs as much CPU as all the rest of a small call's client work.
 */
export function bufferedResponse(response: Response, bytes: ArrayBuffer, rebuild: boolean): Response {
  if (rebuild) {
    return new Response(nullBodyStatuses.has(response.status) ? null : bytes, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  }
  const buffered = response as Response & { [BODY_BYTES]: ArrayBuffer };
  buffered[BODY_BYTES] = bytes;
  // Own properties shadow the body readers of Response.prototype for openapi-fetch's parsing of raw calls.
  buffered.text = bufferedText;
  buffered.json = bufferedJson;
  buffered.arrayBuffer = bufferedArrayBuffer;
  buffered.blob = bufferedBlob;
  return buffered;
}

// Shared functions reading from `this`, so that buffering allocates no closures per call.
async function bufferedText(this: { [BODY_BYTES]: ArrayBuffer }): Promise<string> {
  return decoder.decode(this[BODY_BYTES]);
}
async function bufferedJson(this: { [BODY_BYTES]: ArrayBuffer }): Promise<unknown> {
  return JSON.parse(decoder.decode(this[BODY_BYTES]));
}
async function bufferedArrayBuffer(this: { [BODY_BYTES]: ArrayBuffer }): Promise<ArrayBuffer> {
  return this[BODY_BYTES];
}
async function bufferedBlob(this: Response & { [BODY_BYTES]: ArrayBuffer }): Promise<Blob> {
  return new Blob([this[BODY_BYTES]], { type: this.headers.get("content-type") ?? "" });
}
