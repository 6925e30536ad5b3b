export type { Auth, AuthorizableRequest, TokenSource } from "./auth/auth.js";
export { bearerAuth } from "./auth/bearer.js";
export {
  createOperations,
  DEFAULT_MAX_RETRIES,
  DEFAULT_TIMEOUT_MS,
  type ClientOptions,
  type ProviderConfig,
  type ProviderError,
  type SignhubClient,
} from "./client.js";
export * from "./errors.js";
export { errorFields, type ErrorFieldPaths } from "./error-fields.js";
export type { HeaderRecord } from "./headers.js";
export type { OperationInit, OperationMethods, OperationResult, OperationSpec, OperationTable } from "./operations.js";
export { isSecretName, redactBody, redactHeaders, REDACTED, scrubSecrets } from "./redact.js";
export { ensureRequestId, REQUEST_ID_HEADER } from "./request-id.js";
export { isRepeatSafe, isRetryableStatus, retryDelayMs } from "./retry.js";
export type { CallOptions, FetchLike } from "./transport.js";
