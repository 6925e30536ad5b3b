// Error codes Node, undici and the OS use when no complete response could be had.
const networkCodes = new Set([
  "ECONNRESET",
  "ECONNREFUSED",
  "ECONNABORTED",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENETDOWN",
  "UND_ERR_SOCKET",
  "UND_ERR_CLOSED",
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_HEADERS_TIMEOUT",
  "UND_ERR_BODY_TIMEOUT",
  "UND_ERR_ABORTED",
]);

/**
 * Whether an error from `fetch` or from reading a body means the connection failed, as opposed to a
 * programming error (a bad URL or header), which is never retried. undici reports network failures as
 * `TypeError: fetch failed` (or `terminated` mid-body) with the system error as its cause.
 */
export function isNetworkError(error: unknown): boolean {
  for (let current = error, depth = 0; current instanceof Error && depth < 4; current = current.cause, depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && networkCodes.has(code)) return true;
    if (current instanceof TypeError && (current.message === "fetch failed" || current.message === "terminated")) return true;
  }
  return false;
}
