import type { Dispatcher } from "undici";
import type { Auth } from "./auth/auth.js";
import { UnreadableBodyError } from "./body-limit.js";
import { ACCEPT_ENCODING } from "./content-coding.js";
import { AttemptDeadline } from "./deadline.js";
import { type DispatchBody, defaultDispatcher, dispatchBody, dispatchExchange } from "./dispatch-exchange.js";
import { ConnectionError, InvalidRequestError, RedirectError, ResponseReadError, SignhubError, TimeoutError } from "./errors.js";
import { type FetchLike, fetchExchange } from "./fetch-exchange.js";
import { type HeaderRecord, setHeader } from "./headers.js";
import { codeOf, connectionFailure, unreadableReason } from "./network-error.js";
import { OPERATION_POLICY, OutgoingRequest, type Sendable } from "./outgoing-request.js";
import type { Received } from "./received.js";
import { isSecretName, scrubSecrets, secretHeaderValues } from "./redact.js";
import { ensureRequestId, REQUEST_ID_HEADER } from "./request-id.js";
import { responseFor } from "./response-for.js";
import { isRepeatSafe, isRetryableStatus, retryDelayMs, sleep } from "./retry.js";

export type { FetchLike };

/** Per-call options of every operation method. */
export interface CallOptions {
  /**
   * How many times a failed attempt is retried (connection errors, 408, 429, 5xx), when the operation is safe to repeat.
   * @default the client's `maxRetries`
   */
  maxRetries?: number;
  /**
   * How long one attempt may take, in milliseconds, from asking the token function to the last byte of the
   * body, before it fails with `TimeoutError`.
   * @default the client's `timeoutMs`
   */
  timeoutMs?: number;
  /**
   * The most bytes a response body may have, counted after decompression as they arrive; a larger one
   * fails with `ResponseReadError` (its status kept) as soon as it passes the limit.
   * @default the client's `maxResponseBytes`
   */
  maxResponseBytes?: number;
}

/** What a transport needs to know about its client. */
export interface TransportConfig {
  provider: string;
  title: string;
  /** A `fetch` to send with instead of a dispatcher. */
  fetch?: FetchLike | undefined;
  /** The undici dispatcher to send with. @default one `Agent` shared by every client */
  dispatcher?: Dispatcher | undefined;
  auth?: Auth | undefined;
  maxRetries: number;
  timeoutMs: number;
  maxResponseBytes: number;
  /** Names (lower case) of headers whose values are secrets: never carried across origins on a redirect. */
  secretHeaders?: ReadonlySet<string> | undefined;
  /** Every secret value the client holds (the auth's, the secret headers'): scrubbed from every error. */
  secrets(): readonly string[];
  /** Give openapi-fetch a real `Response` (for user middleware) rather than a buffered stand-in. */
  realResponses: boolean;
}

/** A request's final answer, its body read in full, and the request id it was sent with. */
export interface Exchange {
  response: Received;
  requestId: string;
  /** Every secret of this call: the client's, and the values of the secret headers it was sent with. */
  secrets(): readonly string[];
}

/** How a client sends: `send` for its operation methods, `fetch` for openapi-fetch (`raw`, middleware). */
export interface Transport {
  send(request: Sendable): Promise<Exchange>;
  fetch(request: Request | OutgoingRequest): Promise<Response>;
}

const FIRST_TRY = Object.freeze({ refresh: false });
const REFRESH = Object.freeze({ refresh: true });
// Redirects a GET or HEAD may follow before the chain is taken for a loop (fetch's own limit is 20).
const MAX_REDIRECTS = 5;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
// RFC 9110 §5.1 (a token) and §5.5 (a field value: visible characters, spaces and tabs, obs-text; no other control).
const headerName = /^[!#$%&'*+.^_`|~0-9a-z-]+$/i;
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const unsafeValue = /[\x00-\x08\x0a-\x1f\x7f]|[^\x00-\xff]/;
// Headers that frame the message or the connection: the transport writes them (RFC 9112 §6, §9; RFC 9110 §7.2, §7.6.1).
const transportHeaders = new Set(["host", "connection", "keep-alive", "transfer-encoding", "te", "trailer", "upgrade", "expect", "content-length"]);

/**
 * What sends every signhub request: request id, auth, timeout per attempt, retries with backoff for
 * requests safe to repeat, and a body read in full inside the attempt, so that a connection lost
 * mid-body is a `ConnectionError` (and retried) rather than a parse failure later. It sends with an undici
 * dispatcher, or with a `fetch` when the client is given one: the same requests, answers and errors.
 */
export function createTransport(config: TransportConfig): Transport {
  checkCallOptions(config);
  const { auth } = config;
  const customFetch = config.fetch;
  const dispatcher = customFetch ? undefined : (config.dispatcher ?? defaultDispatcher());

  /** The `fetch` handed to openapi-fetch: the same sending, its answer a `Response` with the body buffered. */
  async function fetchFor(given: Request | OutgoingRequest): Promise<Response> {
    const request = given instanceof OutgoingRequest ? given : OutgoingRequest.from(given);
    return responseFor(await send(request), config.realResponses);
  }

  return { send, fetch: fetchFor };

  async function send(request: Sendable): Promise<Exchange> {
    const { method, headers, signal: callerSignal } = request;
    const requestId = ensureRequestId(headers);
    checkCallOptions(request);
    const timeoutMs = request.timeoutMs ?? config.timeoutMs;
    const maxBytes = request.maxResponseBytes ?? config.maxResponseBytes;
    const policy = request[OPERATION_POLICY];
    const repeatSafe = isRepeatSafe(method, policy?.retrySafe);
    const retries = repeatSafe ? (request.maxRetries ?? config.maxRetries) : 0;
    // An operation whose spec lists no security requirement is sent without credentials.
    const chosen = policy?.credentials === false ? undefined : auth?.select ? auth.select(policy?.security) : auth;
    const context = { provider: config.provider, requestId };
    // Looked up only for an error: the client's secrets, and values of this call's own secret headers.
    const secrets = () => callSecrets(headers, config);
    const invalid = (problem: string) =>
      new InvalidRequestError(`${config.title} ${method} request: ${scrubSecrets(problem, secrets())}; nothing was sent`, {
        ...context,
        operationId: policy?.operationId ?? method,
      });
    checkHeaders(headers, invalid);
    // Credentials per security scheme: none of those the operation accepts is held.
    if (typeof chosen === "string") throw invalid(chosen);
    const authorizer = chosen;
    // A stream body (a middleware's Request's, a bodySerializer's) is read once, inside the first attempt's
    // deadline, for every attempt and for the auth, which may sign it; by dispatcher, any body that is not yet
    // text or bytes (a Blob, FormData) is written once the same way.
    let sendable = request;
    let body: BodyInit | DispatchBody = request.body;
    let bodyReady = body === null || typeof body === "string" || body instanceof Uint8Array || (dispatcher === undefined && !(body instanceof ReadableStream));
    if (dispatcher && !Object.hasOwn(headers, "accept-encoding")) headers["accept-encoding"] = ACCEPT_ENCODING;
    let refreshed = false;

    for (let retry = 0; ; ) {
      const deadline = new AttemptDeadline(timeoutMs, callerSignal);
      let response: Received | undefined;
      try {
        if (!bodyReady) {
          if (body instanceof ReadableStream) {
            body = await deadline.race(new Response(body).arrayBuffer());
            sendable = { ...fieldsOf(request), body };
          }
          if (dispatcher) body = await deadline.race(dispatchBody(body as BodyInit, headers));
          bodyReady = true;
        }
        let authorizing: void | Promise<void> | undefined;
        try {
          authorizing = authorizer?.authorize(sendable, refreshed ? REFRESH : FIRST_TRY);
          // A token function that never settles still ends at the deadline, or at the caller's abort.
          if (authorizing) await deadline.race(authorizing);
        } catch (error) {
          // A token function's own failure (its identity provider down, say) may quote the very token: a
          // SignhubError with its text scrubbed, never retried; the deadline's and the caller's end go on as they are.
          if (error instanceof SignhubError || deadline.timedOut || callerSignal?.aborted) throw error;
          throw new SignhubError(
            `${config.title} ${method} request: the credentials could not be had: ${scrubSecrets(innermostMessage(error), secrets())}; nothing was sent`,
            {
              ...context,
              cause: scrubError(error, secrets()),
            },
          );
        }
        // A header the token function wrote is checked as the caller's are.
        if (authorizing) checkHeaders(headers, invalid);
        // Credentials that go in the query (an API key `in: query`) are added to this attempt's URL.
        const target = authorizer?.urlFor ? { ...fieldsOf(sendable), url: authorizer.urlFor(request.url) } : sendable;
        response = await sendFollowing(target, body, deadline, maxBytes);
      } catch (error) {
        if (callerSignal?.aborted && !deadline.timedOut) throw callerSignal.reason;
        // signhub's own errors (a redirect not followed, a bad token) say all there is: never retried.
        if (error instanceof SignhubError) throw error;
        // Headers too large, a body over the limit or corrupt: the same on every attempt, never retried.
        const unreadable = deadline.timedOut ? undefined : error instanceof UnreadableBodyError ? error : unreadableReason(error);
        if (unreadable !== undefined) {
          const { status, message, cause } = typeof unreadable === "string" ? { status: undefined, message: unreadable, cause: error } : unreadable;
          throw new ResponseReadError(`${config.title}${status ? ` ${status}` : ""} ${method} response could not be read: ${message}`, {
            ...context,
            status,
            cause: scrubError(cause, secrets()),
          });
        }
        // A request undici refuses to write (a header it does not allow the caller to set): the caller's to fix.
        const code = codeOf(error);
        if (code === "UND_ERR_INVALID_ARG" || code === "UND_ERR_NOT_SUPPORTED") throw invalid(innermostMessage(error));
        const failed = deadline.timedOut ? undefined : connectionFailure(error);
        const failure = deadline.timedOut
          ? new TimeoutError(`${config.title} ${method} request timed out after ${timeoutMs} ms`, { ...context, timeoutMs })
          : failed
            ? new ConnectionError(`${config.title} ${method} request failed: ${scrubSecrets(innermostMessage(error), secrets())}`, {
                ...context,
                cause: scrubError(error, secrets()),
              })
            : undefined;
        // Anything else is a programming error: surfaced as it is, never retried.
        if (!failure) throw error;
        // A failure that would repeat (a TLS certificate, a response that is not HTTP) is not retried.
        if (retry >= retries || failed?.transient === false) throw failure;
        await sleep(retryDelayMs(retry++), callerSignal);
        continue;
      } finally {
        deadline.clear();
      }

      // A 401 is answered by fresh credentials, once, where sending the request again is safe.
      if (response.status === 401 && authorizer?.refreshable && !refreshed && repeatSafe) {
        refreshed = true;
        continue;
      }
      if (retry < retries && isRetryableStatus(response.status)) {
        await sleep(retryDelayMs(retry++, response.headers), callerSignal);
        continue;
      }
      return { response, requestId, secrets };
    }
  }

  /**
   * One attempt's exchange, redirects handled here: a GET or HEAD follows up to `MAX_REDIRECTS`, with no
   * credentials carried to another origin; any other method's redirect is a `RedirectError`, as is a loop
   * or a target that is not http(s).
   */
  async function sendFollowing(request: Sendable, body: BodyInit | DispatchBody, deadline: AttemptDeadline, maxBytes: number): Promise<Received> {
    const { method } = request;
    let { url, headers } = request;
    for (let hops = 0; ; hops++) {
      const sent = hops === 0 ? body : null;
      const response = customFetch
        ? await fetchExchange(customFetch, url, method, headers, sent as BodyInit | null, deadline, maxBytes)
        : await dispatchExchange(dispatcher!, url, method, headers, sent as DispatchBody, deadline, maxBytes);
      const location = REDIRECT_STATUSES.has(response.status) ? response.headers.get("location") : null;
      if (location === null) return response;
      // Never shown with userinfo (`user:password@`), which a server could fill with anything.
      const shown = scrubSecrets(location.replace(/^((?:[a-z][a-z\d+.-]*:)?[\\/]{2})[^/\\?#]*@/i, "$1[redacted]@"), callSecrets(request.headers, config));
      const refuse = (why: string) =>
        new RedirectError(`${config.title} ${method} was answered ${response.status} to ${shown}: ${why}`, {
          provider: config.provider,
          requestId: headers[REQUEST_ID_HEADER],
          status: response.status,
          method,
          location: shown,
        });
      if (method !== "GET" && method !== "HEAD") throw refuse("not followed, as it would send another request than the one asked for");
      if (hops >= MAX_REDIRECTS) throw refuse(`not followed: more than ${MAX_REDIRECTS} redirects, a loop`);
      let target: URL;
      try {
        target = new URL(location, url);
      } catch {
        throw refuse("not followed: not a URL");
      }
      if (target.protocol !== "http:" && target.protocol !== "https:") throw refuse("not followed: not an http(s) URL");
      if (target.username || target.password) throw refuse("not followed: it carries credentials");
      if (target.origin !== new URL(url).origin) headers = withoutCredentials(headers);
      url = target.href;
    }
  }

  /** The headers without credentials (`Authorization`, `Cookie`, any named like a secret or marked one): what may go to another origin. */
  function withoutCredentials(headers: HeaderRecord): HeaderRecord {
    const kept: HeaderRecord = {};
    for (const name in headers) {
      if (isSecretName(name) || config.secretHeaders?.has(name)) continue;
      setHeader(kept, name, headers[name]);
    }
    return kept;
  }
}

/** A request's fields, as a plain object another body can be given. */
function fieldsOf(request: Sendable): Sendable {
  const { url, method, headers, body, signal, maxRetries, timeoutMs, maxResponseBytes } = request;
  return { url, method, headers, body, signal, maxRetries, timeoutMs, maxResponseBytes, [OPERATION_POLICY]: request[OPERATION_POLICY] };
}

/** The client's secrets, and the values of headers of this request that are secrets (named like one, or listed in `secretHeaders`). */
function callSecrets(headers: HeaderRecord, config: TransportConfig): readonly string[] {
  const secrets = config.secrets();
  const extra = secretHeaderValues(headers, config.secretHeaders).filter((value) => !secrets.includes(value));
  return extra.length === 0 ? secrets : [...secrets, ...extra];
}

/**
 * Throws the `InvalidRequestError` `invalid` makes for a header no request can carry: a name that is not a
 * token, a header the transport writes (`Host`, `Content-Length`, `Transfer-Encoding`…), a value with a control
 * character (CR, LF, NUL…) or a character beyond Latin-1.
 */
function checkHeaders(headers: HeaderRecord, invalid: (problem: string) => Error): void {
  for (const name in headers) {
    if (!headerName.test(name)) throw invalid(`the header name ${JSON.stringify(name.slice(0, 40))} is not an HTTP token`);
    if (transportHeaders.has(name)) throw invalid(`the ${name} header is the transport's to write, not the caller's`);
    if (unsafeValue.test(headers[name]!)) throw invalid(`the ${name.slice(0, 40)} header's value has a control character or one beyond Latin-1`);
  }
}

/** Throws a `RangeError` for a `timeoutMs` that is not a positive number or a `maxRetries` that is not a whole number ≥ 0. */
function checkCallOptions({ timeoutMs, maxRetries, maxResponseBytes }: CallOptions): void {
  if (maxResponseBytes !== undefined && !(Number.isInteger(maxResponseBytes) && maxResponseBytes > 0)) {
    throw new RangeError(`maxResponseBytes must be a whole number of bytes > 0, not ${String(maxResponseBytes)}`);
  }
  if (timeoutMs !== undefined && !(typeof timeoutMs === "number" && timeoutMs > 0)) {
    throw new RangeError(`timeoutMs must be a positive number of milliseconds (Infinity for none), not ${String(timeoutMs)}`);
  }
  if (maxRetries !== undefined && !(Number.isInteger(maxRetries) && maxRetries >= 0)) {
    throw new RangeError(`maxRetries must be a whole number ≥ 0, not ${String(maxRetries)}`);
  }
}

/**
 * A copy of an error for a `cause`: its name, `code` and message with every known secret scrubbed, and its
 * causes the same way, nothing else (a parser error's `data` holds the raw bytes a server sent, which may
 * echo a credential).
 */
function scrubError(error: unknown, secrets: readonly string[], depth = 0): unknown {
  if (!(error instanceof Error)) return typeof error === "string" ? scrubSecrets(error, secrets) : undefined;
  const cause = depth < 4 && error.cause !== undefined ? scrubError(error.cause, secrets, depth + 1) : undefined;
  const copy = new Error(scrubSecrets(error.message, secrets), cause === undefined ? undefined : { cause });
  copy.name = error.name;
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string") Object.assign(copy, { code });
  return copy;
}

/** The innermost message of an error's cause chain, e.g. `connect ECONNREFUSED 127.0.0.1:4010`. */
function innermostMessage(error: unknown): string {
  let inner = error;
  for (let depth = 0; inner instanceof Error && inner.cause instanceof Error && depth < 5; depth++) inner = inner.cause;
  const message = inner instanceof Error ? inner.message : String(inner);
  return PLAIN_MESSAGES[message] ?? message;
}

/** undici's terse words, said plainly. */
const PLAIN_MESSAGES: Readonly<Record<string, string>> = {
  "bad upgrade": "the server answered 101 Switching Protocols, an upgrade the request never asked for",
};
