import type { Auth } from "./auth/auth.js";
import { ConnectionError, TimeoutError } from "./errors.js";
import { isNetworkError } from "./network-error.js";
import { scrubSecrets } from "./redact.js";
import { ensureRequestId } from "./request-id.js";
import { isRepeatSafe, isRetryableStatus, retryDelayMs, sleep } from "./retry.js";
import { attemptSignal } from "./timeout.js";

/** Set on a request (by the client's middleware) when the spec says whether its operation is safe to repeat. */
export const REPEAT_SAFE = Symbol.for("signhub.repeatSafe");
/** Set on every response the transport returns: the request id it was sent with. */
export const SENT_REQUEST_ID = Symbol.for("signhub.requestId");

/** Per-call options a request may carry (openapi-fetch copies unknown init keys onto the Request). */
export interface CallOptions {
  /**
   * How many times a failed attempt is retried (connection errors, 408, 429, 5xx), when the operation is safe to repeat.
   * @default the client's `maxRetries`
   */
  maxRetries?: number;
  /**
   * How long one attempt may take, body included, before it fails with `TimeoutError`.
   * @default the client's `timeoutMs`
   */
  timeoutMs?: number;
}

type TaggedRequest = Request & CallOptions & { [REPEAT_SAFE]?: boolean };

/** What a transport needs to know about its client. */
export interface TransportConfig {
  provider: string;
  title: string;
  fetch: (request: Request, init?: RequestInit) => Promise<Response>;
  auth?: Auth | undefined;
  maxRetries: number;
  timeoutMs: number;
}

// A body is only allowed on statuses that may carry one (Fetch spec, "null body status").
const nullBodyStatuses = new Set([101, 103, 204, 205, 304]);

/**
 * The `fetch` every signhub client hands to openapi-fetch: request id, auth, timeout per attempt,
 * retries with backoff for requests safe to repeat, and a body read in full inside the attempt, so
 * that a connection lost mid-body is a `ConnectionError` (and retried) rather than a parse failure later.
 */
export function createTransport(config: TransportConfig): (request: Request) => Promise<Response> {
  const { auth } = config;
  const secrets = () => auth?.secrets() ?? [];

  return async function send(original: Request): Promise<Response> {
    const request = original as TaggedRequest;
    const requestId = ensureRequestId(request.headers);
    const timeoutMs = request.timeoutMs ?? config.timeoutMs;
    const retries = isRepeatSafe(request.method, request[REPEAT_SAFE]) ? (request.maxRetries ?? config.maxRetries) : 0;
    const callerSignal = request.signal;
    let refreshed = false;

    for (let retry = 0; ; ) {
      const mayRepeat = retry < retries || (auth?.refreshable === true && !refreshed);
      // A body can be read once: keep the original for a later attempt.
      const attempt = mayRepeat && request.body !== null ? request.clone() : request;
      await auth?.authorize(attempt, { refresh: refreshed });

      const timer = attemptSignal(timeoutMs, callerSignal);
      let response: Response;
      let body: ArrayBuffer;
      try {
        response = await config.fetch(attempt, { signal: timer.signal });
        body = await response.arrayBuffer();
      } catch (error) {
        if (callerSignal.aborted && !timer.timedOut) throw callerSignal.reason;
        const failure = timer.timedOut
          ? new TimeoutError(`${config.title} ${request.method} request timed out after ${timeoutMs} ms`, {
              provider: config.provider,
              requestId,
              timeoutMs,
            })
          : isNetworkError(error)
            ? new ConnectionError(`${config.title} ${request.method} request failed: ${describe(error, secrets())}`, {
                provider: config.provider,
                requestId,
                cause: scrubError(error, secrets()),
              })
            : undefined;
        // Anything else is a programming error: surfaced as it is, never retried.
        if (!failure) throw error;
        if (retry >= retries) throw failure;
        await sleep(retryDelayMs(retry++), callerSignal);
        continue;
      } finally {
        timer.clear();
      }

      if (response.status === 401 && auth?.refreshable && !refreshed) {
        refreshed = true;
        continue;
      }
      if (retry < retries && isRetryableStatus(response.status)) {
        await sleep(retryDelayMs(retry++, response.headers), callerSignal);
        continue;
      }
      const result = new Response(nullBodyStatuses.has(response.status) ? null : body, {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
      });
      (result as Response & { [SENT_REQUEST_ID]?: string })[SENT_REQUEST_ID] = requestId;
      return result;
    }
  };
}

/** The error itself, or, when a known secret appears in its message chain, a copy with it scrubbed. */
function scrubError(error: unknown, secrets: readonly string[]): unknown {
  if (!(error instanceof Error)) return error;
  const cause = scrubError(error.cause, secrets);
  const message = scrubSecrets(error.message, secrets);
  if (message === error.message && cause === error.cause) return error;
  const copy = new Error(message, { cause });
  copy.name = error.name;
  Object.assign(copy, { code: (error as { code?: unknown }).code });
  return copy;
}

/** The innermost reason of a network error, e.g. `connect ECONNREFUSED 127.0.0.1:4010`. */
function describe(error: unknown, secrets: readonly string[]): string {
  let inner = error;
  while (inner instanceof Error && inner.cause instanceof Error) inner = inner.cause;
  return scrubSecrets(inner instanceof Error ? inner.message : String(inner), secrets);
}
