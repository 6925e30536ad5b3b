import type { HeaderRecord } from "../headers.js";

/** The parts of an outgoing request that auth may read, and the headers it sets (by lowercase name). */
export interface AuthorizableRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: HeaderRecord;
  /** The serialized body, as sent on every attempt. */
  readonly body: BodyInit | null;
}

/** How a client puts credentials on each attempt of a request. */
export interface Auth {
  /** Sets credentials on one attempt's request (headers). `refresh` is true on the attempt after a 401. */
  authorize(request: AuthorizableRequest, context: { refresh: boolean }): void | Promise<void>;
  /**
   * The URL an attempt is sent to, for credentials that go in the query (an `apiKey` scheme `in: query`).
   * Called once per attempt, after `authorize`; redirects are followed from the URL it returns.
   */
  urlFor?(url: string): string;
  /** Whether a 401 may be answered by asking for fresh credentials and trying once more. */
  readonly refreshable: boolean;
  /** Secret values in use, so that errors can scrub them. */
  secrets(): readonly string[];
  /**
   * For credentials per security scheme ({@link securitySchemes}): the `Auth` an operation's security
   * requirements select (`undefined` for the operation's own `security`, when a request matches none), `undefined`
   * to send it without credentials, or a sentence saying which credentials it needs that the client lacks.
   */
  select?(security: readonly (readonly string[])[] | undefined): Auth | string | undefined;
}

/** A token, or a function that returns one (sync or async), asked on every request. */
export type TokenSource = string | ((context: { forceRefresh: boolean }) => string | Promise<string>);
