import type { Auth } from "./auth/auth.js";
import { bufferedResponse } from "./buffered-response.js";
import { ConnectionError, TimeoutError } from "./errors.js";
import { isNetworkError } from "./network-error.js";
import { OPERATION_POLICY, OutgoingRequest, type Sendable } from "./outgoing-request.js";
import { scrubSecrets } from "./redact.js";
import { ensureRequestId } from "./request-id.js";
import { isRepeatSafe, isRetryableStatus, retryDelayMs, sleep } from "./retry.js";
import { startDeadline, type DeadlineKind } from "./timeout.js";

/** Set on every response the transport returns: the request id it was sent with. */
export const SENT_REQUEST_ID = Symbol.for("signhub.requestId");

/** Per-call options of every operation method. */
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

/** The `fetch` a transport sends with: the standard signature. */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

/** What a transport needs to know about its client. */
export interface TransportConfig {
  provider: string;
  title: string;
  /** The `fetch` to send with; the global one, read on every attempt, when none is given. */
  fetch?: FetchLike | undefined;
  auth?: Auth | undefined;
  maxRetries: number;
  timeoutMs: number;
  /** Return a new `Response` (for user middleware) rather than the original one with its body buffered. */
  rebuildResponses: boolean;
  /** How an attempt's timeout stops it: see `startDeadline`. */
  deadlines: DeadlineKind;
}

/** A request's final answer: the response, its body read in full, and the request id it was sent with. */
export interface Exchange<Body> {
  response: Response;
  body: Body;
  requestId: string;
}

/** How a response's body is read in full: as text, say, or as bytes. */
export type BodyReader<Body> = (response: Response) => Promise<Body>;

/** How a client sends: `send` for its operation methods, `fetch` for openapi-fetch (`raw`, middleware). */
export interface Transport {
  send<Body>(request: Sendable, read: BodyReader<Body>): Promise<Exchange<Body>>;
  fetch(request: Request | OutgoingRequest): Promise<Response>;
}

const FIRST_TRY = Object.freeze({ refresh: false });
const REFRESH = Object.freeze({ refresh: true });
const readBytes: BodyReader<ArrayBuffer> = (response) => response.arrayBuffer();

/**
 * What sends every signhub request: request id, auth, timeout per attempt, retries with backoff for
 * requests safe to repeat, and a body read in full inside the attempt, so that a connection lost
 * mid-body is a `ConnectionError` (and retried) rather than a parse failure later.
 */
export function createTransport(config: TransportConfig): Transport {
  checkCallOptions(config);
  const { auth } = config;
  const secrets = () => auth?.secrets() ?? [];

  /** The `fetch` handed to openapi-fetch: the same sending, its answer a `Response` with the body buffered. */
  async function fetchFor(given: Request | OutgoingRequest): Promise<Response> {
    const request = given instanceof OutgoingRequest ? given : await OutgoingRequest.from(given);
    const { response, body, requestId } = await send(request, readBytes);
    const result = bufferedResponse(response, body, config.rebuildResponses);
    (result as Response & { [SENT_REQUEST_ID]?: string })[SENT_REQUEST_ID] = requestId;
    return result;
  }

  return { send, fetch: fetchFor };

  async function send<Body>(request: Sendable, read: BodyReader<Body>): Promise<Exchange<Body>> {
    const { method, headers, signal: callerSignal } = request;
    const requestId = ensureRequestId(headers);
    checkCallOptions(request);
    const timeoutMs = request.timeoutMs ?? config.timeoutMs;
    const policy = request[OPERATION_POLICY];
    const retries = isRepeatSafe(method, policy?.retrySafe) ? (request.maxRetries ?? config.maxRetries) : 0;
    // An operation whose spec lists no security requirement is sent without credentials.
    const authorizer = policy?.credentials === false ? undefined : auth;
    let refreshed = false;

    for (let retry = 0; ; ) {
      const authorizing = authorizer?.authorize(request, refreshed ? REFRESH : FIRST_TRY);
      if (authorizing) await authorizing;

      const deadline = startDeadline(config.deadlines, timeoutMs, callerSignal);
      let response: Response;
      let body: Body;
      try {
        const init: RequestInit & { dispatcher?: unknown } = { method, headers, body: request.body, signal: deadline.signal };
        if (deadline.dispatcher) init.dispatcher = deadline.dispatcher;
        response = await deadline.settle(config.fetch ? config.fetch(request.url, init) : fetch(request.url, init));
        body = await deadline.settle(read(response));
      } catch (error) {
        if (callerSignal?.aborted && !deadline.timedOut) throw callerSignal.reason;
        const failure = deadline.timedOut
          ? new TimeoutError(`${config.title} ${method} request timed out after ${timeoutMs} ms`, {
              provider: config.provider,
              requestId,
              timeoutMs,
            })
          : isNetworkError(error)
            ? new ConnectionError(`${config.title} ${method} request failed: ${describe(error, secrets())}`, {
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
        deadline.clear();
      }

      if (response.status === 401 && authorizer?.refreshable && !refreshed) {
        refreshed = true;
        continue;
      }
      if (retry < retries && isRetryableStatus(response.status)) {
        await sleep(retryDelayMs(retry++, response.headers), callerSignal);
        continue;
      }
      return { response, body, requestId };
    }
  }
}

/** Throws a `RangeError` for a `timeoutMs` that is not a positive number or a `maxRetries` that is not a whole number ≥ 0. */
function checkCallOptions({ timeoutMs, maxRetries }: CallOptions): void {
  if (timeoutMs !== undefined && !(typeof timeoutMs === "number" && timeoutMs > 0)) {
    throw new RangeError(`timeoutMs must be a positive number of milliseconds (Infinity for none), not ${String(timeoutMs)}`);
  }
  if (maxRetries !== undefined && !(Number.isInteger(maxRetries) && maxRetries >= 0)) {
    throw new RangeError(`maxRetries must be a whole number ≥ 0, not ${String(maxRetries)}`);
  }
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
