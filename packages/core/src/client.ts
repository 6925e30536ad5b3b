import createClient, { type Client, type HeadersOptions, type Middleware } from "openapi-fetch";
import type { Auth } from "./auth/auth.js";
import { excerpt, parseJson } from "./body.js";
import { apiErrorClass, InvalidResponseError, type ApiError } from "./errors.js";
import type { OperationMethods, OperationSpec, OperationTable } from "./operations.js";
import { redactBody, redactHeaders, secretNameSet } from "./redact.js";
import { REQUEST_ID_HEADER } from "./request-id.js";
import { createTransport, REPEAT_SAFE, SENT_REQUEST_ID } from "./transport.js";

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
  /** The `fetch` to use. @default globalThis.fetch */
  fetch?: (request: Request, init?: RequestInit) => Promise<Response>;
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
  /** Checks a parsed body (success or error) before it is returned or thrown; throws to reject it. */
  verifyBody?: (body: unknown, context: { status: number; operationId: string }) => void;
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

/** Builds a provider's client from its generated operation table. */
export function createOperations<Paths extends {}, Ops extends OperationTable>(
  operations: Ops,
  provider: ProviderConfig,
  options: ClientOptions = {},
): SignhubClient<Paths, Ops> {
  const { title, auth } = provider;
  const secrets = () => auth?.secrets() ?? [];
  const secretNames = secretNameSet(provider.secretFields);
  const transport = createTransport({
    provider: provider.provider,
    title,
    fetch: options.fetch ?? ((request, init) => fetch(request, init)),
    auth,
    maxRetries: options.maxRetries ?? DEFAULT_MAX_RETRIES,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
  });
  const raw = createClient<Paths>({ baseUrl: options.baseUrl ?? provider.baseUrl, headers: options.headers, fetch: transport });

  // Tags each request with its operation's retry decision, for raw calls as well as methods.
  const repeatSafe = new Map(Object.values(operations).map((op) => [`${op.method.toUpperCase()} ${op.path}`, op.retrySafe]));
  raw.use({
    onRequest({ request, schemaPath }) {
      const safe = repeatSafe.get(`${request.method} ${schemaPath}`);
      if (safe !== undefined) (request as Request & { [REPEAT_SAFE]?: boolean })[REPEAT_SAFE] = safe;
    },
  });
  if (options.middleware?.length) raw.use(...options.middleware);

  async function invoke(operationId: string, op: OperationSpec, init: Record<string, unknown> = {}): Promise<unknown> {
    const request = raw.request as (method: string, path: string, init: unknown) => Promise<{ data?: string; error?: unknown; response: Response }>;
    const { data, error, response } = await request(op.method, op.path, { ...init, parseAs: "text" });
    const requestId = response.headers.get(REQUEST_ID_HEADER) ?? (response as { [SENT_REQUEST_ID]?: string })[SENT_REQUEST_ID];
    const where = `${op.method.toUpperCase()} ${op.path}`;

    if (response.ok) {
      const parsed = parseJson(data);
      if (!parsed.ok) {
        if (!op.jsonStatuses.includes(response.status) && !data) return undefined;
        const shown = excerpt(data ?? "", secrets());
        throw new InvalidResponseError(
          `${title} ${response.status} on ${where}: expected a JSON body, got ${shown ? `"${shown}"` : "an empty body"}`,
          { provider: provider.provider, requestId, status: response.status, bodyExcerpt: shown },
        );
      }
      provider.verifyBody?.(parsed.value, { status: response.status, operationId });
      return parsed.value;
    }

    // openapi-fetch hands over the error body parsed when it is JSON, as text when it is not.
    const isJson = typeof error === "object" && error !== null;
    if (isJson) provider.verifyBody?.(error, { status: response.status, operationId });
    const { code, message } = isJson ? (provider.parseError?.(error) ?? {}) : {};
    const body = isJson ? redactBody(error, secrets(), secretNames) : excerpt(typeof error === "string" ? error : "", secrets());
    const words = message ?? (isJson ? undefined : body ? `"${body}"` : "empty body");
    const ErrorClass = apiErrorClass(response.status);
    const apiError: ApiError = new ErrorClass(
      `${title} ${response.status}${code ? ` ${code}` : ""} on ${where}${words ? `: ${redactBody(words, secrets())}` : ""}`,
      {
        provider: provider.provider,
        requestId,
        status: response.status,
        code,
        body,
        headers: redactHeaders(response.headers),
        method: op.method.toUpperCase(),
        path: op.path,
      },
    );
    throw apiError;
  }

  const client: Record<string, unknown> = { raw };
  for (const [operationId, op] of Object.entries(operations)) {
    client[operationId] = (init?: Record<string, unknown>) => invoke(operationId, op, init);
  }
  return client as SignhubClient<Paths, Ops>;
}
