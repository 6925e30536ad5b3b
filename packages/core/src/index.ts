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
export { DEFAULT_MAX_RESPONSE_BYTES } from "./body-limit.js";
export { errorFields, type ErrorFieldPaths } from "./error-fields.js";
export type { HeaderRecord } from "./headers.js";
export type {
  OperationInit,
  OperationMethod,
  OperationMethods,
  OperationResult,
  ParsedAs,
  RequestBodyFor,
  ResponseBodyFor,
  WithResponse,
} from "./operations.js";
export {
  RESERVED_OPERATION_IDS,
  type EncodingSpec,
  type HttpMethod,
  type OperationSpec,
  type OperationTable,
  type ParameterLocation,
  type ParameterSpec,
  type ParameterStyle,
  type RequestBodySpec,
  type RequestMediaTypeSpec,
} from "./operation-spec.js";
export type { BinaryBody } from "./request-body.js";
export { bodyKind, essence, type BodyKind } from "./media-types.js";
export { isSecretName, redactBody, redactHeaders, REDACTED, scrubSecrets } from "./redact.js";
export { ensureRequestId, REQUEST_ID_HEADER } from "./request-id.js";
export { isRepeatSafe, isRetryableStatus, retryDelayMs } from "./retry.js";
export type { CallOptions, FetchLike } from "./transport.js";
