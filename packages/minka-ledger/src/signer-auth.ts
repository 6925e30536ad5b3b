import type { Auth, AuthorizableRequest } from "@signhub/core";
import { decodeJwt } from "jose";
import { createLedgerJwt } from "./auth/create-ledger-jwt.js";
import type { LedgerJwtOptions, LedgerSigner } from "./auth/types.js";

// How long past its `exp` a token is still scrubbed. With the default lifetime and timeout (60 s each) an
// attempt settles before its token expires; the extra minute covers a longer `timeoutMs` and a ledger
// that allows some clock skew.
const SCRUB_AFTER_EXPIRY_MS = 60_000;
const decoder = new TextDecoder();

/** `Authorization: Bearer <jwt>` signed by `signer` for each attempt, bound to its method, URL, body and `x-ledger`. */
export function ledgerSignerAuth(signer: LedgerSigner, options: LedgerJwtOptions & { ledger?: string | undefined }): Auth {
  const { ledger, ...jwtOptions } = options;
  // Every token issued, and when to forget it. Each must be scrubbed from any error of its own request,
  // however many are in flight, but Auth is not told when a request settles; so a token is kept until it
  // can no longer authorize anything: its own `exp`, plus leeway. A count bound would drop tokens still
  // in flight under load. The map is in issue order, so the tokens to forget are at its front.
  const issued = new Map<string, number>();
  const forgetExpired = () => {
    const now = Date.now();
    for (const [token, forgetAt] of issued) {
      if (forgetAt > now) break;
      issued.delete(token);
    }
  };
  return {
    refreshable: false,
    async authorize(request) {
      const token = await createLedgerJwt({ method: request.method, url: request.url, body: jsonBody(request), ledger }, signer, jwtOptions);
      forgetExpired();
      issued.set(token, decodeJwt(token).exp! * 1000 + SCRUB_AFTER_EXPIRY_MS);
      request.headers.authorization = `Bearer ${token}`;
    },
    secrets: () => {
      forgetExpired();
      return [signer.secretKey, ...issued.keys()];
    },
  };
}

/** The request's JSON body, parsed, as the token's `hsh` binds it. */
function jsonBody(request: AuthorizableRequest): unknown {
  const { body } = request;
  if (body === null || body === undefined) return undefined;
  const text = typeof body === "string" ? body : body instanceof ArrayBuffer ? decoder.decode(body) : undefined;
  if (text === undefined) throw new TypeError("a Minka Ledger request body must be JSON");
  return text === "" ? undefined : JSON.parse(text);
}
