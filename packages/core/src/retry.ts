import { onCallerAbort } from "./caller-signal.js";

/** Statuses worth another attempt: the server says it could not answer now. */
const retryableStatuses = new Set([408, 429, 500, 502, 503, 504]);

/** Whether a response status may be retried. */
export function isRetryableStatus(status: number): boolean {
  return retryableStatuses.has(status);
}

// Methods that HTTP defines as idempotent (RFC 9110 §9.2.2); POST and PATCH need the spec's word.
const idempotentMethods = new Set(["GET", "HEAD", "PUT", "DELETE", "OPTIONS"]);

/** Whether a request may be repeated: the spec's `x-signhub-retry.safe` when known, else the method. */
export function isRepeatSafe(method: string, declared?: boolean): boolean {
  return declared ?? idempotentMethods.has(method.toUpperCase());
}

/** Backoff bounds, after openai-node and ky. */
export const INITIAL_RETRY_DELAY_MS = 500;
export const MAX_RETRY_DELAY_MS = 8_000;
/** The longest a server's `Retry-After` is honoured; past it we fall back to our own backoff. */
export const MAX_RETRY_AFTER_MS = 60_000;

/**
 * How long to wait before retry number `retry` (0-based): the server's `retry-after-ms` or
 * `Retry-After` (seconds or an HTTP date) when sensible, else exponential backoff with jitter.
 */
export function retryDelayMs(retry: number, headers?: Pick<Headers, "get">, now = Date.now(), random = Math.random): number {
  const fromServer = headers && serverDelayMs(headers, now);
  if (fromServer !== undefined) return fromServer;
  const base = Math.min(INITIAL_RETRY_DELAY_MS * 2 ** retry, MAX_RETRY_DELAY_MS);
  // Up to 25% less than the base, so that clients retrying together spread out.
  return base * (1 - random() * 0.25);
}

function serverDelayMs(headers: Pick<Headers, "get">, now: number): number | undefined {
  const ms = headers.get("retry-after-ms");
  if (ms !== null) {
    const value = Number.parseFloat(ms);
    if (Number.isFinite(value) && value >= 0 && value <= MAX_RETRY_AFTER_MS) return value;
  }
  const after = headers.get("retry-after");
  if (after === null) return undefined;
  const seconds = Number(after.trim());
  const value = after.trim() !== "" && Number.isFinite(seconds) ? seconds * 1000 : Date.parse(after) - now;
  return Number.isFinite(value) && value >= 0 && value <= MAX_RETRY_AFTER_MS ? value : undefined;
}

/** Waits `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal | null): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      stop?.();
      resolve();
    }, ms);
    const stop =
      signal &&
      onCallerAbort(signal, (reason) => {
        clearTimeout(timer);
        reject(reason);
      });
  });
}
