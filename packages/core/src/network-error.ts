import { UnreadableBodyError } from "./body-limit.js";

// Error codes Node, undici and the OS use when no complete response could be had, and another attempt may have one.
const transientCodes = new Set([
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

/** A dispatcher's report that an exchange failed (a socket, TLS or protocol error): no complete response came. */
export class ExchangeFailure extends Error {
  constructor(cause: unknown) {
    super("the exchange failed", { cause });
  }
}

/**
 * Whether an error means no complete response could be had (a `ConnectionError`), as opposed to a
 * programming error, which is surfaced as it is; and if so, whether another attempt may succeed (`transient`:
 * a refused or reset connection, say, but not a TLS certificate or a response that breaks HTTP/1.1). A
 * dispatcher's failures come as `ExchangeFailure`; `fetch` reports them as `TypeError: fetch failed` (or
 * `terminated` mid-body) with the system error as its cause.
 */
export function connectionFailure(error: unknown): { transient: boolean } | undefined {
  let failed = error instanceof ExchangeFailure;
  for (let current = error, depth = 0; current instanceof Error && depth < 5; current = current.cause, depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && transientCodes.has(code)) return { transient: true };
    if (current instanceof TypeError && (current.message === "fetch failed" || current.message === "terminated")) failed = true;
  }
  return failed ? { transient: false } : undefined;
}

/** The first string `code` in an error's cause chain, e.g. `UND_ERR_INVALID_ARG`. */
export function codeOf(error: unknown): string | undefined {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; current = current.cause, depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string") return code;
  }
  return undefined;
}

/**
 * `error` as an `UnreadableBodyError` of a response with `status` when it means the body cannot be read (too
 * large, corrupt compression), the same way on every attempt; else `error` as it is.
 */
export function unreadableAt(error: unknown, status: number): unknown {
  if (error instanceof UnreadableBodyError) {
    error.status ??= status;
    return error;
  }
  const reason = unreadableReason(error);
  return reason === undefined ? error : new UnreadableBodyError(reason, { cause: error, status });
}

// Failures that repeat on every attempt: the response itself cannot be read.
const unreadableCodes: Record<string, string> = {
  UND_ERR_HEADERS_OVERFLOW: "its headers are larger than the client accepts",
  UND_ERR_RES_EXCEEDED_MAX_SIZE: "its body is larger than the client accepts",
  Z_DATA_ERROR: "its compressed body is corrupt",
  Z_BUF_ERROR: "its compressed body is truncated or corrupt",
  Z_STREAM_ERROR: "its compressed body is corrupt",
  ERR_BROTLI_DECOMPRESSION_FAILED: "its compressed body is corrupt",
  ERR_ZSTD_DECOMPRESSION_FAILED: "its compressed body is corrupt",
};

// Decoder error codes by prefix: zlib's (`Z_DATA_ERROR`), brotli's (`ERR__ERROR_FORMAT_PADDING_2`), zstd's.
const corruptBodyCode = /^(Z_|ERR__ERROR_|ERR_BROTLI_|ZSTD_error|ERR_ZSTD_)/;

/** Why a response cannot be read, when that would fail the same way on every attempt (never retried); else `undefined`. */
export function unreadableReason(error: unknown): string | undefined {
  for (let current = error, depth = 0; current instanceof Error && depth < 4; current = current.cause, depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code !== "string") continue;
    if (code in unreadableCodes) return unreadableCodes[code];
    if (corruptBodyCode.test(code)) return "its compressed body is corrupt";
  }
  return undefined;
}
