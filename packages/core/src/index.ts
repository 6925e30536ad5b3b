export { type ApiKeyLocation, apiKeyAuth } from "./auth/api-key.js";
export type { Auth, AuthorizableRequest, TokenSource } from "./auth/auth.js";
export { basicAuth } from "./auth/basic.js";
export { bearerAuth } from "./auth/bearer.js";
export { type SecurityRequirements, securitySchemes } from "./auth/security-schemes.js";
export { DEFAULT_MAX_RESPONSE_BYTES } from "./body-limit.js";
export {
  type ClientOptions,
  createOperations,
  DEFAULT_MAX_RETRIES,
  DEFAULT_TIMEOUT_MS,
  type ProviderConfig,
  type ProviderError,
  type SignhubClient,
} from "./client.js";
export { type ErrorFieldPaths, errorFields } from "./error-fields.js";
export * from "./errors.js";
export type { HeaderRecord } from "./headers.js";
export { type BodyKind, bodyKind, essence } from "./media-types.js";
export {
  type EncodingSpec,
  type HttpMethod,
  type OperationSpec,
  type OperationTable,
  type ParameterLocation,
  type ParameterSpec,
  type ParameterStyle,
  RESERVED_OPERATION_IDS,
  type RequestBodySpec,
  type RequestMediaTypeSpec,
} from "./operation-spec.js";
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
export { isSecretName, REDACTED, redactBody, redactHeaders, scrubSecrets } from "./redact.js";
export type { BinaryBody } from "./request-body.js";
export { ensureRequestId, REQUEST_ID_HEADER } from "./request-id.js";
export { isRepeatSafe, isRetryableStatus, retryDelayMs } from "./retry.js";
export type { CallOptions, FetchLike } from "./transport.js";
