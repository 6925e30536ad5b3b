import createClient, { createQuerySerializer, type Client, type HeadersOptions, type Middleware } from "openapi-fetch";
import type { Auth } from "./auth/auth.js";
import { excerpt, parseJson } from "./body.js";
import { BODY_TEXT } from "./buffered-response.js";
import { apiErrorClass, InvalidResponseError, type ApiError } from "./errors.js";
import type { OperationMethods, OperationSpec, OperationTable } from "./operations.js";
import { OutgoingRequest, REPEAT_SAFE } from "./outgoing-request.js";
import { createPathSerializer } from "./path-serializer.js";
import { redactBody, redactHeaders, scrubSecrets, secretNameSet } from "./redact.js";
import { REQUEST_ID_HEADER } from "./request-id.js";
import { createTransport, SENT_REQUEST_ID, type FetchLike } from "./transport.js";

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
    fetch: options.fetch ?? ((url, init) => fetch(url, init)),
    auth,
    maxRetries: options.maxRetries ?? DEFAULT_MAX_RETRIES,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    rebuildResponses: userMiddleware.length > 0,
  });
  const client = createClient<Paths>({
    baseUrl: options.baseUrl ?? provider.baseUrl,
    headers: options.headers,
    fetch: transport as (request: Request) => Promise<Response>,
    // User middleware is promised a real Request; without any, the cheaper OutgoingRequest carries the call.
    Request: userMiddleware.length ? Request : (OutgoingRequest as unknown as typeof Request),
    // Built once here; openapi-fetch would otherwise build a query serializer on every call.
    querySerializer: createQuerySerializer(),
    pathSerializer: createPathSerializer(),
  });
  if (userMiddleware.length) client.use(...userMiddleware);
  const request = client.request as unknown as RawRequest;

  async function invoke(operationId: string, op: OperationSpec, init: Record<string, unknown> = {}): Promise<unknown> {
    // parseAs "stream" leaves a success body unread by openapi-fetch: the transport has buffered it already.
    const { error, response } = await request(op.method, op.path, { ...init, parseAs: "stream", [REPEAT_SAFE]: op.retrySafe });
    if (response.ok) {
      const text = response[BODY_TEXT]?.() ?? (await response.text());
      const parsed = parseJson(text);
      if (parsed.ok) {
        provider.verifyBody?.(parsed.value, { status: response.status, operationId, requestId: requestIdOf(response) });
        return parsed.value;
      }
      if (!text && !op.jsonStatuses.includes(response.status)) return undefined;
      const shown = excerpt(text, secrets());
      throw new InvalidResponseError(
        `${title} ${response.status} on ${op.method.toUpperCase()} ${op.path}: expected a JSON body, got ${shown ? `"${shown}"` : "an empty body"}`,
        { provider: provider.provider, requestId: requestIdOf(response), status: response.status, bodyExcerpt: shown },
      );
    }
    throw errorFor(operationId, op, response, error);
  }

  /** The typed error for a non-2xx response; openapi-fetch hands its body over parsed when JSON, as text when not. */
  function errorFor(operationId: string, op: OperationSpec, response: BufferedResponse, error: unknown): ApiError {
    const isJson = typeof error === "object" && error !== null;
    provider.verifyBody?.(isJson ? error : undefined, { status: response.status, operationId, requestId: requestIdOf(response) });
    const { code, message } = isJson ? (provider.parseError?.(error) ?? {}) : {};
    const body = isJson ? redactBody(error, secrets(), secretNames) : excerpt(typeof error === "string" ? error : "", secrets());
    const words = message ?? (isJson ? undefined : body ? `"${body}"` : "empty body");
    const method = op.method.toUpperCase();
    const ErrorClass = apiErrorClass(response.status);
    return new ErrorClass(`${title} ${response.status}${code ? ` ${code}` : ""} on ${method} ${op.path}${words ? `: ${scrubSecrets(words, secrets())}` : ""}`, {
      provider: provider.provider,
      requestId: requestIdOf(response),
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
    methods[operationId] = (init?: Record<string, unknown>) => invoke(operationId, op, init);
  }
  return methods as SignhubClient<Paths, Ops>;
}

/** The server's request id when it sent one, else the one signhub sent. */
function requestIdOf(response: BufferedResponse): string | undefined {
  return response.headers.get(REQUEST_ID_HEADER) ?? response[SENT_REQUEST_ID];
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
