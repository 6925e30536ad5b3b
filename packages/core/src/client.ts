import createClient, {
  createQuerySerializer,
  defaultBodySerializer,
  removeTrailingSlash,
  type Client,
  type HeadersOptions,
  type Middleware,
} from "openapi-fetch";
import type { Auth } from "./auth/auth.js";
import { excerpt, parseJson } from "./body.js";
import { BODY_TEXT } from "./buffered-response.js";
import { apiErrorClass, InvalidResponseError, type ApiError } from "./errors.js";
import { mergeHeaderRecord, type HeaderRecord } from "./headers.js";
import type { OperationMethods, OperationSpec, OperationTable } from "./operations.js";
import { OutgoingRequest, REPEAT_SAFE, type Sendable } from "./outgoing-request.js";
import { compilePathTemplate, createPathSerializer, type PathFiller } from "./path-serializer.js";
import { redactBody, redactHeaders, scrubSecrets, secretNameSet } from "./redact.js";
import { REQUEST_ID_HEADER } from "./request-id.js";
import { deadlineKindFor } from "./timeout.js";
import { createTransport, SENT_REQUEST_ID, type BodyReader, type FetchLike } from "./transport.js";

/** Options every signhub client takes. */
export interface ClientOptions {
  /** The API's base URL. @default the provider's published production URL, where there is one */
  baseUrl?: string;
  /** How many times a failed attempt of a repeat-safe operation is retried. @default 2 */
  maxRetries?: number;
  /** How long one attempt may take, in milliseconds. @default 60000 */
  timeoutMs?: number;
  /** Headers sent with every request. */
  headers?: HeadersOptions;
  /** The `fetch` to send with, called as `fetch(url, init)`. @default globalThis.fetch */
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

type BufferedResponse = Response & { [BODY_TEXT]?: () => string; [SENT_REQUEST_ID]?: string };
type RawRequest = (method: string, path: string, init: unknown) => Promise<{ error?: unknown; response: BufferedResponse }>;

/** Builds a provider's client from its generated operation table. */
export function createOperations<Paths extends {}, Ops extends OperationTable>(
  operations: Ops,
  provider: ProviderConfig,
  options: ClientOptions = {},
): SignhubClient<Paths, Ops> {
  const { title, auth } = provider;
  const secrets = () => auth?.secrets() ?? [];
  const secretNames = secretNameSet(provider.secretFields);
  const userMiddleware = options.middleware ?? [];
  const transport = createTransport({
    provider: provider.provider,
    title,
    fetch: options.fetch,
    auth,
    maxRetries: options.maxRetries ?? DEFAULT_MAX_RETRIES,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    rebuildResponses: userMiddleware.length > 0,
    deadlines: deadlineKindFor(options.fetch !== undefined),
  });
  const baseUrl = removeTrailingSlash(options.baseUrl ?? provider.baseUrl);
  // Built once here; openapi-fetch would otherwise build a query serializer on every call.
  const querySerializer = createQuerySerializer();
  const pathSerializer = createPathSerializer();
  const client = createClient<Paths>({
    baseUrl,
    headers: options.headers,
    fetch: transport.fetch as (request: Request) => Promise<Response>,
    // User middleware is promised a real Request; without any, the cheaper OutgoingRequest carries the call.
    Request: userMiddleware.length ? Request : (OutgoingRequest as unknown as typeof Request),
    querySerializer,
    pathSerializer,
  });
  if (userMiddleware.length) client.use(...userMiddleware);
  const request = client.request as unknown as RawRequest;

  /**
   * An operation call as openapi-fetch would send it, built here as openapi-fetch's own serializers build
   * it and handed straight to the transport: with no middleware to run, openapi-fetch's generic request
   * machinery is a large share of the client's CPU per call. Calls using its other options (`baseUrl`,
   * `parseAs`, custom serializers…) go through openapi-fetch itself.
   */
  function directRequest(op: OperationSpec, call: DirectCall, init: DirectInit): Sendable {
    const params = init.params ?? {};
    const jsonBody = init.body !== undefined && !(init.body instanceof FormData);
    // A call that sets no headers of its own, on a client with none, needs no merging.
    const headers =
      options.headers === undefined && init.headers === undefined && params.header === undefined
        ? jsonBody
          ? { "content-type": "application/json" }
          : {}
        : mergeHeaderRecord(jsonBody ? JSON_CONTENT_TYPE : undefined, options.headers, init.headers, params.header);
    // As openapi-fetch's createFinalURL: the path parameters filled in, then the query, if any.
    let url = params.path ? call.fillPath(params.path) : `${baseUrl}${op.path}`;
    if (params.query) {
      const search = querySerializer(params.query);
      const query = search.startsWith("?") ? search.substring(1) : search;
      if (query) url += `?${query}`;
    }
    return {
      url,
      method: call.method,
      headers,
      body: init.body === undefined ? null : serializeBody(init.body, headers),
      signal: init.signal,
      maxRetries: init.maxRetries,
      timeoutMs: init.timeoutMs,
      [REPEAT_SAFE]: op.retrySafe,
    };
  }

  async function invoke(operationId: string, op: OperationSpec, call: DirectCall, init: Record<string, unknown> = {}): Promise<unknown> {
    if (userMiddleware.length === 0 && isDirectInit(init)) {
      const { response, body: text, requestId } = await transport.send(directRequest(op, call, init), readText);
      if (response.ok) return successBody(operationId, op, response, text, requestId);
      // As openapi-fetch reads an error body: parsed when JSON, else the text.
      const parsed = parseJson(text);
      throw errorFor(operationId, op, response, requestId, parsed.ok ? parsed.value : text);
    }
    // parseAs "stream" leaves a success body unread by openapi-fetch: the transport has buffered it already.
    const { error, response } = await request(op.method, op.path, { ...init, parseAs: "stream", [REPEAT_SAFE]: op.retrySafe });
    const sent = response[SENT_REQUEST_ID];
    if (response.ok) return successBody(operationId, op, response, response[BODY_TEXT]?.() ?? (await response.text()), sent);
    throw errorFor(operationId, op, response, sent, error);
  }

  /** A success's body: the JSON the spec promises, checked by the provider; an `InvalidResponseError` when it is not JSON. */
  function successBody(operationId: string, op: OperationSpec, response: Response, text: string, sentRequestId: string | undefined): unknown {
    // Parsed here, not by parseJson: on every call, its result object shows in pnpm bench.
    if (text !== "") {
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        return invalidBody(op, response, text, sentRequestId);
      }
      provider.verifyBody?.(value, { status: response.status, operationId, requestId: requestIdOf(response, sentRequestId) });
      return value;
    }
    if (!op.jsonStatuses.includes(response.status)) return undefined;
    return invalidBody(op, response, text, sentRequestId);
  }

  /** The `InvalidResponseError` for a success whose body is not the JSON the spec promises. */
  function invalidBody(op: OperationSpec, response: Response, text: string, sentRequestId: string | undefined): never {
    const shown = excerpt(text, secrets());
    throw new InvalidResponseError(
      `${title} ${response.status} on ${op.method.toUpperCase()} ${op.path}: expected a JSON body, got ${shown ? `"${shown}"` : "an empty body"}`,
      { provider: provider.provider, requestId: requestIdOf(response, sentRequestId), status: response.status, bodyExcerpt: shown },
    );
  }

  /** The typed error for a non-2xx response, its body parsed when JSON, as text when not. */
  function errorFor(operationId: string, op: OperationSpec, response: Response, sentRequestId: string | undefined, error: unknown): ApiError {
    const requestId = requestIdOf(response, sentRequestId);
    const isJson = typeof error === "object" && error !== null;
    provider.verifyBody?.(isJson ? error : undefined, { status: response.status, operationId, requestId });
    const { code, message } = isJson ? (provider.parseError?.(error) ?? {}) : {};
    const body = isJson ? redactBody(error, secrets(), secretNames) : excerpt(typeof error === "string" ? error : "", secrets());
    const words = message ?? (isJson ? undefined : body ? `"${body}"` : "empty body");
    const method = op.method.toUpperCase();
    const ErrorClass = apiErrorClass(response.status);
    return new ErrorClass(`${title} ${response.status}${code ? ` ${code}` : ""} on ${method} ${op.path}${words ? `: ${scrubSecrets(words, secrets())}` : ""}`, {
      provider: provider.provider,
      requestId,
      status: response.status,
      code,
      body,
      headers: redactHeaders(response.headers),
      method,
      path: op.path,
    });
  }

  const methods: Record<string, unknown> = { raw: withRetryDecisions(client, operations) };
  for (const [operationId, op] of Object.entries(operations)) {
    const call: DirectCall = { method: op.method.toUpperCase(), fillPath: compilePathTemplate(`${baseUrl}${op.path}`) };
    methods[operationId] = (init?: Record<string, unknown>) => invoke(operationId, op, call, init);
  }
  return methods as SignhubClient<Paths, Ops>;
}

const readText: BodyReader<string> = (response) => response.text();
// openapi-fetch's serializer reads the headers too (a form content type), though its declaration omits them.
const serializeBody = defaultBodySerializer as (body: unknown, headers: HeaderRecord) => BodyInit;
const JSON_CONTENT_TYPE = { "Content-Type": "application/json" };

/** What a direct call of one operation needs, worked out once per client. */
interface DirectCall {
  method: string;
  fillPath: PathFiller;
}

/** The request options a call sent straight to the transport may use; any other goes through openapi-fetch. */
interface DirectInit {
  params?: { path?: Record<string, unknown>; query?: Record<string, unknown>; header?: HeadersOptions };
  headers?: HeadersOptions;
  body?: unknown;
  signal?: AbortSignal;
  maxRetries?: number;
  timeoutMs?: number;
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
        continue;
      default:
        return false;
    }
  }
  return true;
}

/** The server's request id when it sent one, else the one signhub sent. */
function requestIdOf(response: Response, sent: string | undefined): string | undefined {
  return response.headers.get(REQUEST_ID_HEADER) ?? sent;
}

const verbs = ["GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE"] as const;

/** The openapi-fetch client, its calls told whether the spec marks their operation safe to repeat. */
function withRetryDecisions<Paths extends {}>(client: Client<Paths>, operations: OperationTable): Client<Paths> {
  const repeatSafe = new Map(Object.values(operations).map((op) => [`${op.method.toUpperCase()} ${op.path}`, op.retrySafe]));
  const tag = (method: string, path: string, init: object | undefined) => ({
    ...init,
    [REPEAT_SAFE]: repeatSafe.get(`${method.toUpperCase()} ${path}`),
  });
  const call = client.request as unknown as (method: string, path: string, init: object) => Promise<unknown>;
  const raw: Record<string, unknown> = {
    request: (method: string, path: string, init?: object) => call(method, path, tag(method, path, init)),
    use: client.use,
    eject: client.eject,
  };
  for (const verb of verbs) raw[verb] = (path: string, init?: object) => call(verb, path, tag(verb, path, init));
  return raw as unknown as Client<Paths>;
}
