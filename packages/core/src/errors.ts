import { inspect } from "node:util";

/** Fields every signhub error can be built from. */
export interface SignhubErrorInit {
  /** Provider whose call failed, e.g. `ignisign`. */
  provider?: string | undefined;
  /** The request id sent (or the one the server answered with). */
  requestId?: string | undefined;
  cause?: unknown;
}

/** Base class of every error a signhub client throws. */
export class SignhubError extends Error {
  override name = "SignhubError";
  readonly provider: string | undefined;
  readonly requestId: string | undefined;

  constructor(message: string, init: SignhubErrorInit = {}) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.provider = init.provider;
    this.requestId = init.requestId;
  }

  /** A plain, secret-free view: what logs and snapshots see. */
  toJSON(): Record<string, unknown> {
    return { name: this.name, message: this.message, provider: this.provider, requestId: this.requestId };
  }

  // util.inspect would otherwise walk every own property and the cause chain.
  [inspect.custom](): string {
    return `${this.name}: ${this.message} ${inspect(this.toJSON(), { depth: 4, breakLength: Infinity })}`;
  }
}

/** What an `ApiError` is built from. */
export interface ApiErrorInit extends SignhubErrorInit {
  status: number;
  /** The provider's own error code or reason, when it sent one. */
  code?: string | undefined;
  /** The parsed error body, secrets redacted; a short excerpt when it was not JSON. */
  body?: unknown;
  headers?: Record<string, string>;
  method: string;
  path: string;
}

/** A response arrived, and it was not a success. */
export class ApiError extends SignhubError {
  override name = "ApiError";
  readonly status: number;
  readonly code: string | undefined;
  readonly body: unknown;
  readonly headers: Record<string, string>;
  readonly method: string;
  readonly path: string;

  constructor(message: string, init: ApiErrorInit) {
    super(message, init);
    this.status = init.status;
    this.code = init.code;
    this.body = init.body;
    this.headers = init.headers ?? {};
    this.method = init.method;
    this.path = init.path;
  }

  override toJSON(): Record<string, unknown> {
    return {
      ...super.toJSON(),
      status: this.status,
      code: this.code,
      method: this.method,
      path: this.path,
      body: this.body,
      headers: this.headers,
    };
  }
}

/** 400 */
export class BadRequestError extends ApiError {
  override name = "BadRequestError";
}
/** 401 */
export class AuthenticationError extends ApiError {
  override name = "AuthenticationError";
}
/** 403 */
export class PermissionDeniedError extends ApiError {
  override name = "PermissionDeniedError";
}
/** 404 */
export class NotFoundError extends ApiError {
  override name = "NotFoundError";
}
/** 408 */
export class RequestTimeoutError extends ApiError {
  override name = "RequestTimeoutError";
}
/** 409 */
export class ConflictError extends ApiError {
  override name = "ConflictError";
}
/** 422 */
export class UnprocessableEntityError extends ApiError {
  override name = "UnprocessableEntityError";
}
/** 429 */
export class RateLimitError extends ApiError {
  override name = "RateLimitError";
}
/** 500 and above */
export class InternalServerError extends ApiError {
  override name = "InternalServerError";
}

const errorByStatus: Record<number, typeof ApiError> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  408: RequestTimeoutError,
  409: ConflictError,
  422: UnprocessableEntityError,
  429: RateLimitError,
};

/** The one place a status picks its error class. */
export function apiErrorClass(status: number): typeof ApiError {
  return errorByStatus[status] ?? (status >= 500 ? InternalServerError : ApiError);
}

/** No response arrived: refused, reset, DNS, TLS… The underlying error is the `cause`. */
export class ConnectionError extends SignhubError {
  override name: string = "ConnectionError";
}

/** The client's own timeout passed before a response (and its body) arrived. */
export class TimeoutError extends ConnectionError {
  override name = "TimeoutError";
  readonly timeoutMs: number;

  constructor(message: string, init: SignhubErrorInit & { timeoutMs: number }) {
    super(message, init);
    this.timeoutMs = init.timeoutMs;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), timeoutMs: this.timeoutMs };
  }
}

/** A success status whose body is not what the spec promises (not JSON, truncated, an HTML page). */
export class InvalidResponseError extends SignhubError {
  override name = "InvalidResponseError";
  readonly status: number;
  /** The first characters of the body, secrets scrubbed. */
  readonly bodyExcerpt: string;

  constructor(message: string, init: SignhubErrorInit & { status: number; bodyExcerpt: string }) {
    super(message, init);
    this.status = init.status;
    this.bodyExcerpt = init.bodyExcerpt;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), status: this.status, bodyExcerpt: this.bodyExcerpt };
  }
}

/**
 * A call the client refuses before anything is sent: a path parameter that is missing or would change the
 * endpoint (`""`, `"."`, `".."`), a value its parameter style cannot write, a body the operation's media
 * type cannot carry, a media type the operation does not declare.
 */
export class InvalidRequestError extends SignhubError {
  override name = "InvalidRequestError";
  readonly operationId: string;
  /** The parameter at fault, when one is. */
  readonly parameter: string | undefined;

  constructor(message: string, init: SignhubErrorInit & { operationId: string; parameter?: string | undefined }) {
    super(message, init);
    this.operationId = init.operationId;
    this.parameter = init.parameter;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), operationId: this.operationId, parameter: this.parameter };
  }
}

/**
 * A redirect signhub does not follow: any redirect of a request other than GET or HEAD (none of signhub's
 * providers documents one, and following it would send another request than the one asked for), a
 * redirect loop, or a target that is not an http(s) URL. Never retried.
 */
export class RedirectError extends SignhubError {
  override name = "RedirectError";
  readonly status: number;
  readonly method: string;
  /** Where the server redirected to (its `Location`, secrets scrubbed), when it said. */
  readonly location: string | undefined;

  constructor(message: string, init: SignhubErrorInit & { status: number; method: string; location?: string | undefined }) {
    super(message, init);
    this.status = init.status;
    this.method = init.method;
    this.location = init.location;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), status: this.status, method: this.method, location: this.location };
  }
}

/**
 * A response that could not be read whole, the same way on every attempt: headers too large, a corrupt
 * compressed body, or a body over `maxResponseBytes`. `status` is the response's, when it got that far.
 * Never retried.
 */
export class ResponseReadError extends SignhubError {
  override name = "ResponseReadError";
  readonly status: number | undefined;

  constructor(message: string, init: SignhubErrorInit & { status?: number | undefined }) {
    super(message, init);
    this.status = init.status;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), status: this.status };
  }
}

/** A response (or error body) failed verification: its signature, hash or signer is not trusted. */
export class IntegrityError extends SignhubError {
  override name = "IntegrityError";
  readonly status: number | undefined;
  readonly reason: string;

  constructor(message: string, init: SignhubErrorInit & { status?: number; reason: string }) {
    super(message, init);
    this.status = init.status;
    this.reason = init.reason;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), status: this.status, reason: this.reason };
  }
}

// Guards check `name` along the prototype chain as well as `instanceof`, so they hold
// when an application ends up with two copies of @signhub/core.
function guard<T extends SignhubError>(cls: abstract new (...args: never[]) => T, name: string) {
  return (value: unknown): value is T => {
    if (value instanceof cls) return true;
    if (typeof value !== "object" || value === null) return false;
    for (let proto = value; proto; proto = Object.getPrototypeOf(proto)) {
      if (proto.constructor?.name === name) return true;
    }
    return false;
  };
}

export const isSignhubError = guard(SignhubError, "SignhubError");
export const isApiError = guard(ApiError, "ApiError");
export const isConnectionError = guard(ConnectionError, "ConnectionError");
export const isTimeoutError = guard(TimeoutError, "TimeoutError");
export const isInvalidResponseError = guard(InvalidResponseError, "InvalidResponseError");
export const isIntegrityError = guard(IntegrityError, "IntegrityError");
export const isInvalidRequestError = guard(InvalidRequestError, "InvalidRequestError");
export const isRedirectError = guard(RedirectError, "RedirectError");
export const isResponseReadError = guard(ResponseReadError, "ResponseReadError");
