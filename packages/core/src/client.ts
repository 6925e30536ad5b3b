import createClient, { type Client, type HeadersOptions, type Middleware, type ParseAs, removeTrailingSlash } from "openapi-fetch";
import type { Dispatcher } from "undici";
import type { Auth } from "./auth/auth.js";
import { excerpt, parseJson } from "./body.js";
import { DEFAULT_MAX_RESPONSE_BYTES } from "./body-limit.js";
import { type ApiError, apiErrorClass, InvalidResponseError, SignhubError } from "./errors.js";
import { type HeaderRecord, headerRecordOf, mergeHeaderRecord } from "./headers.js";
import { type CallParams, compileOperation, type OperationRequest } from "./operation-request.js";
import { type OperationTable, RESERVED_OPERATION_IDS } from "./operation-spec.js";
import type { OperationMethods } from "./operations.js";
import { CALLER_SIGNAL, OPERATION_POLICY, OutgoingRequest, type Sendable } from "./outgoing-request.js";
import { asHeaders, type Bytes, type Received } from "./received.js";
import { redactBody, redactHeaders, scrubSecrets, secretHeaderValues, secretNameSet } from "./redact.js";
import { REQUEST_ID_HEADER } from "./request-id.js";
import { compileResponses, InvalidBody, type ResponseReading, readSuccessBody } from "./response-body.js";
import { type AnsweredResponse, EXCHANGE } from "./response-for.js";
import { createTransport, type Exchange, type FetchLike } from "./transport.js";

/** Options every signhub client takes. */
export interface ClientOptions {
  /**
   * The API's base URL: absolute, `http:` or `https:`, without credentials, query or fragment (else a
   * `SignhubError` when the client is made). @default the provider's published production URL, where there is one
   */
  baseUrl?: string;
  /** How many times a failed attempt of a repeat-safe operation is retried. @default 2 */
  maxRetries?: number;
  /** How long one attempt may take, in milliseconds. @default 60000 */
  timeoutMs?: number;
  /**
   * The most bytes a response body may have, counted after decompression; a larger one fails with
   * `ResponseReadError` as soon as it passes the limit. @default 10485760 (10 MiB)
   */
  maxResponseBytes?: number;
  /** Headers sent with every request. */
  headers?: HeadersOptions;
  /**
   * Names of headers (in `headers`) whose values are secrets, beyond those named like one (`x-api-key`,
   * `authorization`…): never carried to another origin on a redirect, scrubbed from every error.
   */
  secretHeaders?: string[];
  /**
   * The undici dispatcher to send with (undici 7 or later): an `Agent` with its own pool or TLS options, a
   * `ProxyAgent`, an `EnvHttpProxyAgent`, a `MockAgent` in tests.
   * @default one undici `Agent` shared by every signhub client in the process
   */
  dispatcher?: Dispatcher;
  /**
   * A `fetch` to send with instead of a dispatcher, called as `fetch(url, init)`: for a test double (msw
   * patches `globalThis.fetch`: pass `fetch: (url, init) => fetch(url, init)`) or another runtime's `fetch`.
   * Requests, answers, limits and errors are the same. Not with `dispatcher`.
   */
  fetch?: FetchLike;
  /** openapi-fetch middleware, run before signhub's transport on every request. */
  middleware?: Middleware[];
}

/** How a provider's error body reads: its own code and words. */
export interface ProviderError {
  code?: string | undefined;
  message?: string | undefined;
}

/** What a provider package tells core about its provider. */
export interface ProviderConfig {
  /** Package-style name, e.g. `nevis-idm`. */
  provider: string;
  /** The name its docs use, e.g. `Nevis nevisIDM`; starts every error message. */
  title: string;
  baseUrl: string;
  auth?: Auth | undefined;
  /** Reads the provider's error body (already parsed JSON). */
  parseError?: (body: unknown) => ProviderError;
  /**
   * Checks every body before it is returned or thrown (parsed JSON, or `undefined` for an error body that
   * is not JSON); throws to reject it.
   */
  verifyBody?: (body: unknown, context: { status: number; operationId: string; requestId: string | undefined }) => void;
  /** Field names, beyond the usual ones, whose values are secrets in this provider's bodies. */
  secretFields?: string[];
}

/** A signhub client: one method per operation, and `raw`, the openapi-fetch client underneath. */
export type SignhubClient<Paths extends {}, Ops extends OperationTable> = OperationMethods<Paths, Ops> & {
  /** The underlying openapi-fetch client, with the same auth, retries, timeouts and request ids. */
  readonly raw: Client<Paths>;
};

export const DEFAULT_MAX_RETRIES = 2;
export const DEFAULT_TIMEOUT_MS = 60_000;

/** A response as a call settles it: what it received, the request id it sent, and the secrets to scrub from its errors. */
type Answer = { response: Received; requestId: string | undefined; secrets(): readonly string[] };
type RawRequest = (method: string, path: string, init: unknown) => Promise<{ error?: unknown; response: AnsweredResponse }>;

/**
 * A base URL a request path can be appended to: absolute, `http:` or `https:`, without credentials
 * (`user:password@`, which would go to every request; give them as the client's auth), a query or a
 * fragment (the path would land inside them). Throws `SignhubError` otherwise, never quoting the value.
 */
function checkBaseUrl(value: unknown, { provider, title }: ProviderConfig): string {
  // The value itself is never quoted: credentials or a token may sit anywhere in it.
  const refuse = (problem: string) => new SignhubError(`${title} client: the baseUrl ${problem}`, { provider });
  if (typeof value !== "string") throw refuse(`must be a string, not ${value === null ? "null" : typeof value}`);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw refuse("is not an absolute URL (e.g. https://api.example.com/v1)");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw refuse("is not an http: or https: URL");
  if (url.username || url.password) throw refuse("must not carry credentials (user:password@): give them as the client's auth");
  if (url.search || url.hash || value.includes("?") || value.includes("#")) throw refuse("has a query or a fragment, which request paths would land in");
  return value;
}

/** Builds a provider's client from its generated operation table. */
export function createOperations<Paths extends {}, Ops extends OperationTable>(
  operations: Ops,
  provider: ProviderConfig,
  options: ClientOptions = {},
): SignhubClient<Paths, Ops> {
  const { title, auth } = provider;
  const secretHeaders = new Set((options.secretHeaders ?? []).map((name) => name.toLowerCase()));
  // Values of the client's secret headers, scrubbed from errors beside the auth's own secrets.
  const headerSecrets = secretHeaderValues(
    Array.isArray(options.headers) ? headerRecordOf(options.headers as [string, string][]) : mergeHeaderRecord(options.headers),
    secretHeaders,
  );
  const secrets = () => (headerSecrets.length ? [...(auth?.secrets() ?? []), ...headerSecrets] : (auth?.secrets() ?? []));
  const secretNames = secretNameSet(provider.secretFields);
  const userMiddleware = options.middleware ?? [];
  if (options.fetch !== undefined && options.dispatcher !== undefined) throw new TypeError("a client sends with a `fetch` or a `dispatcher`, not both");
  const transport = createTransport({
    provider: provider.provider,
    title,
    fetch: options.fetch,
    dispatcher: options.dispatcher,
    auth,
    maxRetries: options.maxRetries ?? DEFAULT_MAX_RETRIES,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxResponseBytes: options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
    secretHeaders,
    secrets,
    realResponses: userMiddleware.length > 0,
  });
  const userBaseUrl = options.baseUrl === undefined ? undefined : removeTrailingSlash(checkBaseUrl(options.baseUrl, provider));
  const baseUrl = userBaseUrl ?? removeTrailingSlash(provider.baseUrl);
  const client = createClient<Paths>({
    baseUrl,
    headers: Array.isArray(options.headers) ? headerRecordOf(options.headers as [string, string][]) : options.headers,
    fetch: transport.fetch as (request: Request) => Promise<Response>,
    // User middleware is promised a real Request; without any, the cheaper OutgoingRequest carries the call.
    Request: userMiddleware.length ? Request : (OutgoingRequest as unknown as typeof Request),
  });
  /**
   * What each call sent through openapi-fetch carries to the transport (its operation's policy, per-call
   * options), by the `params` object openapi-fetch hands to every middleware: a middleware may return a
   * new `Request`, which would not carry them.
   */
  const callTags = new WeakMap<object, Record<string, unknown>>();
  if (userMiddleware.length) {
    client.use(...userMiddleware, {
      // Last, so that it sees the request the user's middleware settled on.
      onRequest({ request, params }) {
        const tag = callTags.get(params);
        if (tag) Object.assign(request, tag);
      },
    });
  }
  const request = client.request as unknown as RawRequest;

  /** A call sent straight to the transport, its request written by the operation's compiled spec. */
  function directRequest(call: CompiledCall, init: DirectInit): Sendable {
    const { op } = call;
    const params = init.params ?? {};
    if (call.checksRequired) op.checkRequired(params);
    const headerParams = op.headerParams(params);
    // A call that sets no headers of its own, on a client with none, needs no merging.
    const headers: HeaderRecord =
      options.headers === undefined && init.headers === undefined && headerParams === undefined
        ? {}
        : mergeHeaderRecord(options.headers, init.headers, headerParams);
    const cookies = op.cookies(params);
    if (cookies !== undefined) headers.cookie = withCookies(headers.cookie, cookies);
    let body: BodyInit | null = null;
    if (init.body !== undefined || call.bodyRequired) {
      const written = op.body(headers["content-type"], init.body);
      body = written.body;
      if (written.contentType === undefined) delete headers["content-type"];
      else headers["content-type"] = written.contentType;
    }
    let url = op.fillPath(call.template, params.path);
    const query = params.query === undefined ? "" : op.query(params.query);
    if (query) url += `?${query}`;
    return {
      url,
      method: op.method,
      headers,
      body,
      signal: init.signal,
      maxRetries: init.maxRetries,
      timeoutMs: init.timeoutMs,
      maxResponseBytes: init.maxResponseBytes,
      [OPERATION_POLICY]: op.policy,
    };
  }

  /**
   * The request object openapi-fetch gets for a call it sends (user middleware, options only it knows, and
   * `raw`): the operation's own serializers, servers and policy, so that both ways send the same request.
   */
  function openapiFetchInit(op: OperationRequest, init: Record<string, unknown>): Record<string, unknown> {
    const params = (init.params ?? {}) as CallParams;
    // Checked here as well: openapi-fetch leaves a placeholder in the URL when `params.path` is missing.
    op.fillPath(op.spec.path, params.path);
    op.checkRequired(params);
    // Written here, and handed to openapi-fetch as header parameters, which its merge puts last.
    const header: Record<string, string | null> = op.headerParams(params) ?? {};
    const given = mergeHeaderRecord(options.headers, init.headers as HeadersOptions, header);
    const cookies = op.cookies(params);
    if (cookies !== undefined) header.cookie = withCookies(given.cookie, cookies);
    const preparedParams = { ...params, header, cookie: undefined };
    const tag: Record<string, unknown> = { [OPERATION_POLICY]: op.policy };
    for (const option of ["maxRetries", "timeoutMs", "maxResponseBytes"] as const) if (init[option] !== undefined) tag[option] = init[option];
    // The caller's signal rides with the tag: a `Request` given it would add a listener of its own to it.
    if (init.signal) tag[CALLER_SIGNAL] = init.signal;
    callTags.set(preparedParams, tag);
    const prepared: Record<string, unknown> = {
      querySerializer: (query: Record<string, unknown>) => op.query(query),
      pathSerializer: (template: string, values: Record<string, unknown>) => op.fillPath(template, values),
      ...init,
      signal: undefined,
      params: preparedParams,
      ...tag,
    };
    // openapi-fetch's merge reads an object's entries: header pairs would become headers named "0", "1"…
    if (Array.isArray(init.headers)) prepared.headers = headerRecordOf(init.headers as [string, string][]);
    if (op.server !== undefined && init.baseUrl === undefined) prepared.baseUrl = op.server;
    if ((init.body !== undefined || op.spec.requestBody?.required) && init.bodySerializer === undefined) {
      const written = op.body(given["content-type"], init.body);
      prepared.bodySerializer = () => written.body;
      // `null` takes back the JSON Content-Type openapi-fetch would set (FormData writes its own, boundary included).
      header["content-type"] = written.contentType ?? null;
    }
    return prepared;
  }

  /** Sends one call; resolves to the success body, or with `withResponse` to it with status, headers and request id. */
  async function invoke(call: CompiledCall, init: Record<string, unknown> = {}, withResponse: boolean): Promise<unknown> {
    const { op } = call;
    checkParseAs(init.parseAs);
    if (userMiddleware.length === 0 && isDirectInit(init)) {
      return settle(call, await transport.send(directRequest(call, init)), init.parseAs, withResponse);
    }
    const { parseAs, ...rest } = init;
    // parseAs "stream" leaves a success body unread by openapi-fetch: the transport has buffered it already.
    const { response } = await request(op.method, op.spec.path, { ...openapiFetchInit(op, rest), parseAs: "stream" });
    return settle(call, await exchangeOf(response), parseAs as ParseAs | undefined, withResponse);
  }

  /** The typed value of a response: the success body as the spec describes it, or the error thrown. */
  function settle(call: CompiledCall, exchange: Answer, parseAs: ParseAs | undefined, withResponse: boolean): unknown {
    const { op } = call;
    const { response, requestId: sentRequestId } = exchange;
    const { status, body } = response;
    // 304 Not Modified answers a conditional request: a success without content (RFC 9110 §15.4.5).
    if ((status < 200 || status > 299) && status !== 304) {
      const text = decoder.decode(body);
      // As openapi-fetch reads an error body: parsed when JSON, else the text.
      const parsed = parseJson(text);
      throw errorFor(op, response, sentRequestId, parsed.ok ? parsed.value : text, exchange.secrets());
    }
    let data: unknown;
    if (parseAs !== undefined && parseAs !== "json") data = asParsed(parseAs, response, body);
    else {
      const { verifyBody } = provider;
      const verify =
        verifyBody &&
        ((value: unknown) =>
          verifyBody(value, {
            status: response.status,
            operationId: op.operationId,
            requestId: scrubbedRequestId(requestIdOf(response, sentRequestId), exchange.secrets()),
          }));
      data = readSuccessBody(call.responses, op.method, response, body, verify);
      if (data instanceof InvalidBody) invalidBody(op, response, data.text, requestIdOf(response, sentRequestId), exchange.secrets());
    }
    return withResponse ? { data, status: response.status, headers: asHeaders(response.headers), requestId: requestIdOf(response, sentRequestId) } : data;
  }

  /** A request id for an error: a server could echo a secret in `x-request-id`. */
  function scrubbedRequestId(requestId: string | undefined, secrets: readonly string[]): string | undefined {
    return requestId === undefined ? undefined : scrubSecrets(requestId, secrets);
  }

  /** The `InvalidResponseError` for a success whose body is not the JSON the spec promises. */
  function invalidBody(op: OperationRequest, response: Received, text: string, requestId: string | undefined, secrets: readonly string[]): never {
    const shown = excerpt(text, secrets);
    throw new InvalidResponseError(
      `${title} ${response.status} on ${op.method} ${op.spec.path}: expected a JSON body, got ${shown ? `"${shown}"` : "an empty body"}`,
      { provider: provider.provider, requestId: scrubbedRequestId(requestId, secrets), status: response.status, bodyExcerpt: shown },
    );
  }

  /** The typed error for a non-2xx response, its body parsed when JSON, as text when not; `secrets` scrubbed from every part. */
  function errorFor(op: OperationRequest, response: Received, sentRequestId: string | undefined, error: unknown, secrets: readonly string[]): ApiError {
    const requestId = scrubbedRequestId(requestIdOf(response, sentRequestId), secrets);
    const isJson = typeof error === "object" && error !== null;
    provider.verifyBody?.(isJson ? error : undefined, { status: response.status, operationId: op.operationId, requestId });
    const parsed = isJson ? (provider.parseError?.(error) ?? {}) : {};
    const code = parsed.code === undefined ? undefined : excerpt(String(parsed.code), secrets);
    const message = parsed.message === undefined ? undefined : excerpt(String(parsed.message), secrets);
    const body = isJson ? redactBody(error, secrets, secretNames) : excerpt(typeof error === "string" ? error : "", secrets);
    const words = message ?? (isJson ? undefined : body ? `"${body}"` : "empty body");
    const ErrorClass = apiErrorClass(response.status);
    return new ErrorClass(
      `${title} ${response.status}${code ? ` ${code}` : ""} on ${op.method} ${op.spec.path}${words ? `: ${scrubSecrets(words, secrets)}` : ""}`,
      {
        provider: provider.provider,
        requestId,
        status: response.status,
        code,
        body,
        headers: redactHeaders(response.headers, secrets),
        method: op.method,
        path: op.spec.path,
      },
    );
  }

  /**
   * The exchange a response openapi-fetch returned came from; for one a user middleware put in its place,
   * the same read from that response, the client's secrets to scrub.
   */
  async function exchangeOf(response: AnsweredResponse): Promise<Answer> {
    const exchange: Exchange | undefined = response[EXCHANGE];
    if (exchange !== undefined) return exchange;
    const { status, statusText, headers } = response;
    return { response: { status, statusText, headers, body: new Uint8Array(await response.arrayBuffer()) }, requestId: undefined, secrets };
  }

  const compiled: CompiledCall[] = [];
  const methods: Record<string, unknown> = {};
  for (const operationId of Object.keys(operations)) {
    if (RESERVED_OPERATION_IDS.includes(operationId)) {
      throw new TypeError(`operationId "${operationId}" is reserved: it would replace or break a client member (regenerate the client)`);
    }
    const spec = operations[operationId]!;
    const op = compileOperation(operationId, spec, removeTrailingSlash(provider.baseUrl), userBaseUrl);
    const responses = compileResponses(spec);
    const call: CompiledCall = {
      op,
      responses,
      template: `${op.server ?? baseUrl}${spec.path}`,
      checksRequired: spec.parameters?.some((p) => p.required && p.in !== "path" && p.in !== "header") ?? false,
      bodyRequired: spec.requestBody?.required ?? false,
    };
    compiled.push(call);
    const method = (init?: Record<string, unknown>) => invoke(call, init, false);
    method.withResponse = (init?: Record<string, unknown>) => invoke(call, init, true);
    methods[operationId] = method;
  }
  /**
   * A `raw` call of a known operation: sent as its method would send it, and its success body read by media
   * type as its method reads it (unless the caller asks for `parseAs`), so that `data` is never a bare `SyntaxError` away.
   */
  async function rawCall(call: CompiledCall, method: string, path: string, init: Record<string, unknown>): Promise<unknown> {
    checkParseAs(init.parseAs);
    const prepared = openapiFetchInit(call.op, init);
    // `json` is how the method reads a body anyway: by media type, never a bare SyntaxError.
    if (init.parseAs !== undefined && init.parseAs !== "json") return request(method, path, prepared);
    const result = await request(method, path, { ...prepared, parseAs: "stream" });
    const { response } = result;
    if (!response.ok) return result;
    const answer = await exchangeOf(response);
    const received = answer.response;
    const data = readSuccessBody(call.responses, call.op.method, received, received.body);
    if (data instanceof InvalidBody) invalidBody(call.op, received, data.text, requestIdOf(received, answer.requestId), answer.secrets());
    return { data, response };
  }
  methods.raw = withOperations(client, compiled, rawCall);
  return methods as SignhubClient<Paths, Ops>;
}

/** An operation as a client calls it: its compiled request and response sides. */
interface CompiledCall {
  op: OperationRequest;
  responses: ResponseReading;
  /** The base URL and path, placeholders in braces. */
  template: string;
  /** Whether the operation has required query or cookie parameters. */
  checksRequired: boolean;
  /** Whether the spec requires a request body. */
  bodyRequired: boolean;
}

const PARSE_AS = new Set<ParseAs>(["json", "text", "blob", "arrayBuffer", "stream"]);

/** Throws a `TypeError`, before anything is sent, for a `parseAs` openapi-fetch does not know. */
function checkParseAs(parseAs: unknown): void {
  if (parseAs !== undefined && !PARSE_AS.has(parseAs as ParseAs)) {
    throw new TypeError(`parseAs must be "json", "text", "blob", "arrayBuffer" or "stream", not ${String(parseAs)}`);
  }
}
const decoder = new TextDecoder();

/** A success body in the form `parseAs` asks for (openapi-fetch's option): text, a Blob, an ArrayBuffer or a stream. */
function asParsed(parseAs: ParseAs, response: Received, body: Bytes): unknown {
  switch (parseAs) {
    case "text":
      return decoder.decode(body);
    case "blob":
      return new Blob([body], { type: response.headers.get("content-type") ?? "" });
    case "arrayBuffer":
      return body.slice().buffer;
    case "stream":
      return new Blob([body]).stream();
    default:
      throw new TypeError(`parseAs must be "json", "text", "blob", "arrayBuffer" or "stream", not ${String(parseAs)}`);
  }
}

/** The request options a call sent straight to the transport may use; any other goes through openapi-fetch. */
interface DirectInit {
  params?: CallParams;
  headers?: HeadersOptions;
  body?: unknown;
  signal?: AbortSignal;
  maxRetries?: number;
  timeoutMs?: number;
  maxResponseBytes?: number;
  parseAs?: ParseAs;
}
function isDirectInit(init: Record<string, unknown>): init is DirectInit & Record<string, unknown> {
  for (const key in init) {
    switch (key) {
      case "params":
      case "headers":
      case "body":
      case "signal":
      case "maxRetries":
      case "timeoutMs":
      case "maxResponseBytes":
      case "parseAs":
        continue;
      default:
        return false;
    }
  }
  return true;
}

/** A `Cookie` header with cookie parameters after the cookies the caller set in `headers`, if any. */
function withCookies(given: string | undefined, cookies: string): string {
  return given ? `${given}; ${cookies}` : cookies;
}

/** The server's request id when it sent one, else the one signhub sent. */
function requestIdOf(response: Omit<Received, "body">, sent: string | undefined): string | undefined {
  return response.headers.get(REQUEST_ID_HEADER) ?? sent;
}

const verbs = ["GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE"] as const;

/** The openapi-fetch client, each call of a known operation sent and read as that operation's method would. */
function withOperations<Paths extends {}>(
  client: Client<Paths>,
  calls: readonly CompiledCall[],
  rawCall: (call: CompiledCall, method: string, path: string, init: Record<string, unknown>) => Promise<unknown>,
): Client<Paths> {
  const byRoute = new Map(calls.map((call) => [`${call.op.method} ${call.op.spec.path}`, call]));
  const request = client.request as unknown as (method: string, path: string, init: object) => Promise<unknown>;
  const send = async (method: string, path: string, init: Record<string, unknown> = {}) => {
    const call = byRoute.get(`${method.toUpperCase()} ${path}`);
    return call ? rawCall(call, method, path, init) : request(method, path, init);
  };
  const raw: Record<string, unknown> = {
    request: send,
    // Middleware shapes how every call is sent: it is given when the client is made, for methods and `raw` alike.
    use: () => {
      throw new TypeError("client.raw.use() is not supported: pass middleware in the client's `middleware` option");
    },
    eject: client.eject,
  };
  for (const verb of verbs) raw[verb] = (path: string, init?: Record<string, unknown>) => send(verb, path, init);
  return raw as unknown as Client<Paths>;
}
