import { setTimeout as sleep } from "node:timers/promises";
import type { components, PlumeryIdpConnectorClient } from "@signhub/plumery-idp-connector";

type AuthenticationStatusResponse = components["schemas"]["AuthenticationStatusResponse"];

/** How a login through the identity provider ended. */
export type LoginOutcome =
  | { status: "SUCCESS"; userId: string | undefined }
  | { status: "FAILED" /** The text to show the user. */; error: string | undefined; code: string | undefined };

/** Options of `waitForLogin`. */
export interface WaitForLoginOptions {
  /**
   * How many times to ask for the status before giving up.
   * @default 60
   */
  maxPolls?: number;
  /**
   * The wait between two polls; Plumery publishes no interval.
   * @default 2000
   */
  delayMs?: number;
  /** Stops the polling (and the call under way). */
  signal?: AbortSignal;
}

/** The login was still PENDING after `polls` status checks. */
export class LoginTimeoutError extends Error {
  override name = "LoginTimeoutError";
  readonly correlationId: string;
  readonly polls: number;
  constructor(correlationId: string, polls: number) {
    super(`Plumery login ${correlationId} still PENDING after ${polls} status checks`);
    this.correlationId = correlationId;
    this.polls = polls;
  }
}

/**
 * Starts a login in the identity provider (`initiateIdentityProviderAuthentication`) and resolves to the URL to
 * send the user to. Not retried: after a failure, start again with a new `correlationId`.
 */
export async function startLogin(
  plumery: PlumeryIdpConnectorClient,
  login: { correlationId: string; initAuthDetails?: Record<string, unknown> },
): Promise<{ redirectUrl: string }> {
  const { redirectUrl } = await plumery.initiateIdentityProviderAuthentication({ body: login });
  // The spec leaves the field optional; without it the user cannot be sent anywhere.
  if (redirectUrl === undefined) throw new Error(`Plumery started login ${login.correlationId} without a redirectUrl`);
  return { redirectUrl };
}

/**
 * Polls the login's status (`checkIdentityProviderAuthenticationStatus`) by its `correlationId` until it is
 * SUCCESS or FAILED, at most `maxPolls` times with `delayMs` between two, then throws `LoginTimeoutError`.
 */
export async function waitForLogin(plumery: PlumeryIdpConnectorClient, correlationId: string, options: WaitForLoginOptions = {}): Promise<LoginOutcome> {
  const { maxPolls = 60, delayMs = 2000, signal } = options;
  for (let poll = 1; poll <= maxPolls; poll++) {
    const answer: AuthenticationStatusResponse = await plumery.checkIdentityProviderAuthenticationStatus({ params: { query: { correlationId } }, signal });
    if (answer.status === "SUCCESS") return { status: "SUCCESS", userId: answer.userId };
    if (answer.status === "FAILED") return { status: "FAILED", error: answer.error, code: answer.code };
    if (poll < maxPolls) await sleep(delayMs, undefined, { signal });
  }
  throw new LoginTimeoutError(correlationId, maxPolls);
}
